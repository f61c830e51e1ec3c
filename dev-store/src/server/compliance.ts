import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { DevStoreCore, WebhookEvent } from "../contract";
import type { State } from "../state";

/** The three mandatory compliance webhooks, with Shopify's documented payloads. */
const body = z
  .object({
    customerId: z
      .union([z.string().regex(/^\d+$/), z.number().int().positive()])
      .optional(),
  })
  .strict();

export function complianceEvent(
  core: DevStoreCore & { state: State },
  kind: string,
  raw: unknown,
): WebhookEvent | { status: number; error: string } {
  const parsed = body.safeParse(raw ?? {});
  if (!parsed.success)
    return { status: 422, error: "customerId must be a numeric customer id" };
  const shop = { shop_id: 1, shop_domain: core.shop };
  const base = { eventId: randomUUID(), triggeredAt: new Date().toISOString() };
  if (kind === "shop-redact")
    return { ...base, topic: "shop/redact", payload: shop };
  const id = Number(parsed.data.customerId ?? core.sampleCustomerIds(1)[0]);
  const customer = core.state.customerById.get(id);
  if (!customer) return { status: 404, error: `no customer ${id}` };
  const who = {
    id: customer.legacyId,
    email: customer.email,
    phone: customer.phone,
  };
  if (kind === "customers-data-request") {
    return {
      ...base,
      topic: "customers/data_request",
      payload: {
        ...shop,
        orders_requested: customer.orderIds,
        customer: who,
        data_request: { id: Math.floor(Math.random() * 1e9) },
      },
    };
  }
  if (kind === "customers-redact") {
    return {
      ...base,
      topic: "customers/redact",
      payload: { ...shop, customer: who, orders_to_redact: customer.orderIds },
    };
  }
  return { status: 404, error: `unknown compliance topic "${kind}"` };
}
