import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import {
  customerPayload,
  orderPayload,
  type CustomerPayload,
} from "../customers/payloads";
import { refreshIfIncomplete } from "../customers/refresh.server";
import {
  removeCustomer,
  upsertCustomer,
  upsertOrder,
} from "../customers/mirror.server";
import {
  customerRedactPayload,
  dataRequestPayload,
} from "../compliance/payloads";
import {
  fulfilDataRequest,
  redactCustomer,
  redactShop,
} from "../compliance/compliance.server";
import { enqueueJob, PermanentJobError } from "../jobs/queue.server";
import { onBulkFinished } from "../customers/sync.server";
import type { JobHandler } from "../jobs/worker.server";
import { scheduleFlows } from "../followups/engine.server";
import { env } from "../env.server";
import { requestCollectionRefresh } from "../tutorials/tutorials.server";

export const CUSTOMER_SYNC_JOB = "customer-sync-apply";
export const CUSTOMER_SYNC_RETRY_JOB = "customer-sync-retry";

type TopicHandler = (
  db: PrismaClient,
  shop: string,
  payload: unknown,
) => Promise<void>;

/** What the payload carries now; what it leaves out (tags, consents, locale since 2025-01) from the Admin API next. */
async function mirrorCustomer(
  db: PrismaClient,
  shop: string,
  c: CustomerPayload,
): Promise<void> {
  await upsertCustomer(db, shop, c);
  await refreshIfIncomplete(db, shop, c);
}

/**
 * What each webhook topic does once recorded. Features add their topics here. Topics without a
 * handler are recorded and marked processed, nothing more.
 */
const customerDeletePayload = z.object({
  id: z
    .union([z.number().int().positive(), z.string().regex(/^\d+$/)])
    .transform(String),
});

export const topicHandlers: Record<string, TopicHandler> = {
  "customers/create": (db, shop, p) =>
    mirrorCustomer(db, shop, parse(customerPayload, p)),
  "customers/update": (db, shop, p) =>
    mirrorCustomer(db, shop, parse(customerPayload, p)),
  // Deleted in Shopify admin: out of the groups, exports and follow-ups (a customer with orders
  // cannot be deleted there; their data goes with customers/redact).
  "customers/delete": async (db, shop, p) => {
    await removeCustomer(db, shop, parse(customerDeletePayload, p).id);
  },
  "orders/create": async (db, shop, p) => {
    const order = parse(orderPayload, p);
    await upsertOrder(db, shop, order);
    await scheduleFlows(
      db,
      shop,
      "order_created",
      {
        orderId: String(order.id),
        customerId: order.customer?.id ? String(order.customer.id) : null,
        at: new Date(),
      },
      { timeScale: env().FOLLOWUP_TIME_SCALE },
    );
  },
  "fulfillments/create": async (db, shop, p) => {
    const f = parse(fulfillmentPayload, p);
    await fulfillmentFlows(db, shop, "fulfilled", f);
    if (f.shipment_status === "delivered")
      await fulfillmentFlows(db, shop, "delivered", f);
  },
  "fulfillments/update": async (db, shop, p) => {
    const f = parse(fulfillmentPayload, p);
    // The tracking message goes once per order (its key). Tracking added after the fulfilment
    // reaches it while it has not gone yet (it waits a while for tracking; see scheduleFlows).
    if (trackingOf(f).length || f.tracking_urls.length)
      await fulfillmentFlows(db, shop, "fulfilled", f);
    if (f.shipment_status === "delivered")
      await fulfillmentFlows(db, shop, "delivered", f);
  },
  "orders/updated": (db, shop, p) =>
    upsertOrder(db, shop, parse(orderPayload, p)),
  "app/scopes_update": async (db, shop, p) => {
    const { current } = parse(z.object({ current: z.array(z.string()) }), p);
    await db.session.updateMany({
      where: { shop },
      data: { scope: current.join(",") },
    });
  },
  "customers/data_request": async (db, shop, p) => {
    await fulfilDataRequest(db, shop, parse(dataRequestPayload, p));
  },
  "customers/redact": async (db, shop, p) => {
    await redactCustomer(db, shop, parse(customerRedactPayload, p));
  },
  "bulk_operations/finish": async (db, shop, p) => {
    const payload = parse(
      z.object({
        admin_graphql_api_id: z.string(),
        status: z.string(),
        error_code: z.string().nullable(),
      }),
      p,
    );
    const next = await onBulkFinished(db, shop, payload);
    if (next && "apply" in next)
      await enqueueJob(db, {
        shop,
        type: CUSTOMER_SYNC_JOB,
        key: `sync-apply:${next.apply}`,
        payload: { runId: next.apply },
      });
    if (next && "retry" in next && next.retry) {
      await enqueueJob(db, {
        shop,
        type: CUSTOMER_SYNC_RETRY_JOB,
        key: `sync-retry:${payload.admin_graphql_api_id}`,
        payload: {},
        runAt: new Date(Date.now() + 60_000),
      });
    }
  },
  // The payload names the collection only; its products are read from the Admin API by the job.
  "collections/update": async (db, shop, p) =>
    requestCollectionRefresh(
      db,
      shop,
      String(parse(collectionPayload, p).id),
      false,
    ),
  "collections/delete": async (db, shop, p) =>
    requestCollectionRefresh(
      db,
      shop,
      String(parse(collectionPayload, p).id),
      true,
    ),
  "shop/redact": async (db, shop) => {
    await redactShop(db, shop);
  },
};

const collectionPayload = z.object({
  id: z.union([z.number().int().positive(), z.string().regex(/^\d{1,20}$/)]),
});

const fulfillmentPayload = z.object({
  id: z
    .union([z.number().int().positive(), z.string().regex(/^\d{1,20}$/)])
    .optional(),
  order_id: z.union([
    z.number().int().positive(),
    z.string().regex(/^\d{1,20}$/),
  ]),
  shipment_status: z.string().nullable().optional(),
  tracking_company: z.string().nullable().optional(),
  tracking_number: z.string().nullable().optional(),
  tracking_numbers: z.array(z.string()).default([]),
  tracking_urls: z.array(z.string()).default([]),
});

function trackingOf(f: z.infer<typeof fulfillmentPayload>) {
  const numbers = f.tracking_numbers.length
    ? f.tracking_numbers
    : f.tracking_number
      ? [f.tracking_number]
      : [];
  return numbers.map((number, i) => ({
    company: f.tracking_company ?? null,
    number,
    url: f.tracking_urls[i] ?? null,
    fulfillmentId: f.id === undefined ? null : String(f.id),
  }));
}

/** Starts the flows of a fulfilment event ("fulfilled", "delivered") for its order, with its tracking. */
function fulfillmentFlows(
  db: PrismaClient,
  shop: string,
  trigger: "fulfilled" | "delivered",
  f: z.infer<typeof fulfillmentPayload>,
) {
  return scheduleFlows(
    db,
    shop,
    trigger,
    {
      orderId: String(f.order_id),
      customerId: null,
      at: new Date(),
      tracking: trackingOf(f),
    },
    { timeScale: env().FOLLOWUP_TIME_SCALE },
  );
}

function parse<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  payload: unknown,
): T {
  const result = schema.safeParse(payload);
  // A payload that does not parse will not parse on retry either.
  if (!result.success)
    throw new PermanentJobError(
      `bad payload: ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  return result.data;
}

/** The job that processes one recorded webhook, then drops its payload (data minimisation). */
export function webhookJob(db: PrismaClient): JobHandler {
  return async (job) => {
    const { webhookEventId } = z
      .object({ webhookEventId: z.string() })
      .parse(job.data);
    const event = await db.webhookEvent.findUnique({
      where: { id: webhookEventId },
      select: { shop: true, topic: true, payload: true, processedAt: true },
    });
    if (!event || event.processedAt) return; // redacted meanwhile, or already done by an earlier attempt
    const handler = topicHandlers[event.topic];
    if (handler) await handler(db, event.shop, JSON.parse(event.payload));
    await db.webhookEvent.updateMany({
      where: { id: webhookEventId },
      data: { processedAt: new Date(), payload: "{}" },
    });
  };
}
