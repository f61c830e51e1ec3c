import { Prisma, type PrismaClient } from "@prisma/client";
import {
  consentState,
  type CustomerPayload,
  type OrderPayload,
} from "./payloads";
import { refreshOrderFactsFor } from "./sync-sql.server";
import {
  refreshContributions,
  removeContributions,
} from "../dashboard/stats.server";

/**
 * Keeps the app's small mirror of customers and orders current from webhooks. Out-of-order
 * deliveries are harmless: an update older than what is stored is ignored, and a customer's
 * order aggregates are recomputed from the stored orders rather than incremented.
 */

export async function upsertCustomer(
  db: PrismaClient,
  shop: string,
  c: CustomerPayload,
): Promise<void> {
  const updatedAt = c.updated_at ? new Date(c.updated_at) : null;
  const existing = await db.customer.findUnique({
    where: { shop_customerId: { shop, customerId: c.id } },
    select: { shopifyUpdatedAt: true },
  });
  if (
    existing?.shopifyUpdatedAt &&
    updatedAt &&
    existing.shopifyUpdatedAt > updatedAt
  )
    return;
  const data = {
    email: c.email,
    phone: c.phone,
    firstName: c.first_name,
    lastName: c.last_name,
    accountState: c.state ? c.state.toUpperCase() : null,
    shopifyUpdatedAt: updatedAt,
    // Only what the payload carries: an absent field keeps what the sync or an earlier webhook stored.
    ...(c.locale !== undefined && { locale: c.locale }),
    ...(c.email_marketing_consent !== undefined && {
      emailConsent: consentState(c.email_marketing_consent),
    }),
    ...(c.sms_marketing_consent !== undefined && {
      smsConsent: consentState(c.sms_marketing_consent),
    }),
    ...(c.tags !== undefined && { tags: c.tags }),
  };
  await db.$transaction(async (tx) => {
    await tx.customer.upsert({
      where: { shop_customerId: { shop, customerId: c.id } },
      create: { shop, customerId: c.id, ...data },
      update: data,
    });
    // A new customer is counted on the dashboard; an existing one's contribution is unchanged.
    await refreshContributions(tx, shop, [c.id]);
  });
}

export async function upsertOrder(
  db: PrismaClient,
  shop: string,
  o: OrderPayload,
): Promise<void> {
  const updatedAt = o.updated_at ? new Date(o.updated_at) : null;
  const existing = await db.order.findUnique({
    where: { shop_orderId: { shop, orderId: o.id } },
    select: { shopifyUpdatedAt: true, customerId: true },
  });
  if (
    existing?.shopifyUpdatedAt &&
    updatedAt &&
    existing.shopifyUpdatedAt > updatedAt
  )
    return;
  const customerId = o.customer?.id ?? null;
  const productIds = [
    ...new Set(
      o.line_items
        .map((l) => l.product_id)
        .filter((id): id is string => Boolean(id)),
    ),
  ];
  const data = {
    name: o.name,
    customerId,
    locale: o.customer_locale,
    processedAt: new Date(o.processed_at ?? o.created_at),
    totalPrice: new Prisma.Decimal(o.total_price),
    currency: o.currency,
    financialStatus: o.financial_status,
    fulfillmentStatus: o.fulfillment_status,
    productIds: productIds.join(","),
    shopifyUpdatedAt: updatedAt,
  };
  await db.order.upsert({
    where: { shop_orderId: { shop, orderId: o.id } },
    create: { shop, orderId: o.id, ...data },
    update: data,
  });
  // "Change customer" in Shopify moves the order: the customer it left is recounted too.
  const moved = existing?.customerId && existing.customerId !== customerId;
  const recount = [
    ...(customerId ? [customerId] : []),
    ...(moved ? [existing.customerId!] : []),
  ];
  if (recount.length) {
    await db.$transaction(async (tx) => {
      // The order may arrive before its customer's own webhook: make sure the row exists.
      if (customerId)
        await tx.customer.upsert({
          where: { shop_customerId: { shop, customerId } },
          create: { shop, customerId, locale: o.customer_locale },
          update: {},
        });
      await refreshOrderFactsFor(tx, shop, recount);
      await refreshContributions(tx, shop, recount);
    });
  }
}

/**
 * A customer Shopify no longer has (deleted in admin): gone from the groups, exports, follow-ups
 * and the dashboard. Shopify only deletes customers without orders; one the mirror still holds
 * orders for stays until customers/redact.
 */
export async function removeCustomer(
  db: PrismaClient,
  shop: string,
  customerId: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (await tx.order.count({ where: { shop, customerId } })) return false;
    return (await deleteCustomer(tx, shop, customerId)) > 0;
  });
}

/**
 * Deletes a customer's row and its share of the dashboard aggregates, so they always equal a
 * rebuild from the tables (customers/delete, the refresh job, customers/redact).
 */
export async function deleteCustomer(
  tx: Prisma.TransactionClient,
  shop: string,
  customerId: string,
): Promise<number> {
  await removeContributions(tx, shop, [customerId]);
  return (await tx.customer.deleteMany({ where: { shop, customerId } })).count;
}
