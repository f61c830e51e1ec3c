import { z } from "zod";
import { normaliseTags } from "./payloads";

/**
 * Lines of the customer sync's bulk JSONL: a customer object, or one of its orders carrying
 * `__parentId`. Parsed strictly enough that a malformed line stops the sync instead of writing
 * half a customer.
 */
const numericFromGid = (type: string) =>
  z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`)).transform((g) => g.slice(g.lastIndexOf("/") + 1));

const customerLine = z.object({
  id: numericFromGid("Customer"),
  firstName: z.string().nullish(),
  locale: z.string().nullish(),
  state: z.string().nullish(),
  tags: z.array(z.string()).default([]),
  updatedAt: z.string().datetime({ offset: true }).nullish(),
  defaultEmailAddress: z.object({ emailAddress: z.string().nullish(), marketingState: z.string().nullish() }).nullish(),
  defaultPhoneNumber: z.object({ phoneNumber: z.string().nullish(), marketingState: z.string().nullish() }).nullish(),
});

const orderLine = z.object({
  id: numericFromGid("Order"),
  __parentId: numericFromGid("Customer"),
  name: z.string(),
  processedAt: z.string().datetime({ offset: true }),
  updatedAt: z.string().datetime({ offset: true }).nullish(),
  customerLocale: z.string().nullish(),
  displayFinancialStatus: z.string().nullish(),
  displayFulfillmentStatus: z.string().nullish(),
  currentTotalPriceSet: z.object({ shopMoney: z.object({ amount: z.string().regex(/^-?\d+(\.\d+)?$/), currencyCode: z.string() }) }),
});

export type SyncedCustomer = {
  customerId: string;
  firstName: string | null;
  locale: string | null;
  accountState: string | null;
  tags: string;
  email: string | null;
  phone: string | null;
  emailConsent: string | null;
  smsConsent: string | null;
  shopifyUpdatedAt: Date | null;
};

export type SyncedOrder = {
  orderId: string;
  customerId: string;
  name: string;
  processedAt: Date;
  shopifyUpdatedAt: Date | null;
  locale: string | null;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  totalPrice: string;
  currency: string;
};

const metafieldLine = z.object({
  id: z.string().regex(/^gid:\/\/shopify\/Metafield\/\d+$/),
  __parentId: numericFromGid("Customer"),
  namespace: z.string().max(255),
  key: z.string().max(255),
  value: z.string().max(10_000),
});

export type SyncedMetafield = { customerId: string; namespace: string; key: string; value: string };

export function parseSyncLine(line: string): { customer: SyncedCustomer } | { order: SyncedOrder } | { metafield: SyncedMetafield } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new Error(`not JSON: ${line.slice(0, 80)}`);
  }
  if (raw && typeof raw === "object" && "__parentId" in raw && String((raw as { id?: unknown }).id).startsWith("gid://shopify/Metafield/")) {
    const m = metafieldLine.parse(raw);
    return { metafield: { customerId: m.__parentId, namespace: m.namespace, key: m.key, value: m.value } };
  }
  if (raw && typeof raw === "object" && "__parentId" in raw) {
    const o = orderLine.parse(raw);
    return {
      order: {
        orderId: o.id,
        customerId: o.__parentId,
        name: o.name,
        processedAt: new Date(o.processedAt),
        shopifyUpdatedAt: o.updatedAt ? new Date(o.updatedAt) : null,
        locale: o.customerLocale ?? null,
        // Webhooks carry REST's lower-case statuses; keep one vocabulary in the tables.
        financialStatus: o.displayFinancialStatus ? o.displayFinancialStatus.toLowerCase() : null,
        fulfillmentStatus: o.displayFulfillmentStatus === "FULFILLED" ? "fulfilled" : null,
        totalPrice: o.currentTotalPriceSet.shopMoney.amount,
        currency: o.currentTotalPriceSet.shopMoney.currencyCode,
      },
    };
  }
  const c = customerLine.parse(raw);
  return {
    customer: {
      customerId: c.id,
      firstName: c.firstName ?? null,
      locale: c.locale ?? null,
      accountState: c.state ?? null,
      tags: normaliseTags(c.tags.join(",")),
      email: c.defaultEmailAddress?.emailAddress ?? null,
      phone: c.defaultPhoneNumber?.phoneNumber ?? null,
      emailConsent: c.defaultEmailAddress?.marketingState ?? null,
      smsConsent: c.defaultPhoneNumber?.marketingState ?? null,
      shopifyUpdatedAt: c.updatedAt ? new Date(c.updatedAt) : null,
    },
  };
}
