import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@prisma/client";
import type { SyncedCustomer, SyncedOrder } from "./bulk-rows";

/**
 * Set-based writes for the customer sync on PostgreSQL (SQLite has its own writer,
 * sync-sqlite.server.ts): one upsert per table per chunk of rows, and one statement for the
 * order facts of many customers, instead of a round trip per row. A row is only overwritten when
 * the incoming data is not older than what is stored (a webhook may have brought newer data after
 * Shopify took the snapshot). refreshOrderFactsFor also serves the webhooks on either database.
 */
type Tx = Prisma.TransactionClient | PrismaClient;

/**
 * All rows in one JSON parameter (json_to_recordset): a 500-row VALUES list was 7,000 bound
 * parameters that Prisma builds and binds one by one, and the orders' upsert took 6 of 14 s for
 * 30k customers (timed by hand in `npm run bench:sync -- --database postgres`). Timestamps travel
 * as ISO strings; a TIMESTAMP(3) column takes their UTC wall time, as Prisma stores it.
 */
export async function upsertCustomersPostgres(
  tx: Tx,
  shop: string,
  rows: (SyncedCustomer & { metafields: string })[],
  now: Date,
): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(
    rows.map((c) => ({
      id: randomUUID(),
      customerId: c.customerId,
      email: c.email,
      phone: c.phone,
      firstName: c.firstName,
      lastName: c.lastName,
      locale: c.locale,
      accountState: c.accountState,
      emailConsent: c.emailConsent,
      smsConsent: c.smsConsent,
      tags: c.tags,
      metafields: c.metafields,
      shopifyUpdatedAt: c.shopifyUpdatedAt,
    })),
  );
  await tx.$executeRaw`
    INSERT INTO "Customer" ("id", "shop", "customerId", "email", "phone", "firstName", "lastName", "locale", "accountState",
      "emailConsent", "smsConsent", "tags", "metafields", "shopifyUpdatedAt", "updatedAt")
    SELECT r."id", ${shop}::text, r."customerId", r."email", r."phone", r."firstName", r."lastName", r."locale", r."accountState",
      r."emailConsent", r."smsConsent", r."tags", r."metafields", r."shopifyUpdatedAt", ${now}::timestamp(3)
    FROM json_to_recordset(${json}::json) AS r("id" text, "customerId" text, "email" text, "phone" text, "firstName" text, "lastName" text, "locale" text,
      "accountState" text, "emailConsent" text, "smsConsent" text, "tags" text, "metafields" text, "shopifyUpdatedAt" timestamp(3))
    ON CONFLICT ("shop", "customerId") DO UPDATE SET
      "email" = excluded."email", "phone" = excluded."phone", "firstName" = excluded."firstName", "lastName" = excluded."lastName", "locale" = excluded."locale",
      "accountState" = excluded."accountState", "emailConsent" = excluded."emailConsent", "smsConsent" = excluded."smsConsent",
      "tags" = excluded."tags", "metafields" = excluded."metafields", "shopifyUpdatedAt" = excluded."shopifyUpdatedAt", "updatedAt" = excluded."updatedAt"
    WHERE "Customer"."shopifyUpdatedAt" IS NULL OR excluded."shopifyUpdatedAt" IS NULL OR "Customer"."shopifyUpdatedAt" <= excluded."shopifyUpdatedAt"`;
}

export async function upsertOrdersPostgres(
  tx: Tx,
  shop: string,
  rows: SyncedOrder[],
  now: Date,
): Promise<void> {
  if (!rows.length) return;
  const json = JSON.stringify(
    rows.map((o) => ({
      id: randomUUID(),
      orderId: o.orderId,
      name: o.name,
      customerId: o.customerId,
      locale: o.locale,
      processedAt: o.processedAt,
      totalPrice: o.totalPrice,
      currency: o.currency,
      financialStatus: o.financialStatus,
      fulfillmentStatus: o.fulfillmentStatus,
      shopifyUpdatedAt: o.shopifyUpdatedAt,
    })),
  );
  await tx.$executeRaw`
    INSERT INTO "Order" ("id", "shop", "orderId", "name", "customerId", "locale", "processedAt", "totalPrice", "currency",
      "financialStatus", "fulfillmentStatus", "productIds", "shopifyUpdatedAt", "updatedAt")
    SELECT r."id", ${shop}::text, r."orderId", r."name", r."customerId", r."locale", r."processedAt", r."totalPrice", r."currency",
      r."financialStatus", r."fulfillmentStatus", '', r."shopifyUpdatedAt", ${now}::timestamp(3)
    FROM json_to_recordset(${json}::json) AS r("id" text, "orderId" text, "name" text, "customerId" text, "locale" text, "processedAt" timestamp(3),
      "totalPrice" decimal(65, 30), "currency" text, "financialStatus" text, "fulfillmentStatus" text, "shopifyUpdatedAt" timestamp(3))
    ON CONFLICT ("shop", "orderId") DO UPDATE SET
      "name" = excluded."name", "customerId" = excluded."customerId", "locale" = excluded."locale", "processedAt" = excluded."processedAt",
      "totalPrice" = excluded."totalPrice", "currency" = excluded."currency", "financialStatus" = excluded."financialStatus",
      "fulfillmentStatus" = excluded."fulfillmentStatus", "shopifyUpdatedAt" = excluded."shopifyUpdatedAt", "updatedAt" = excluded."updatedAt"
    WHERE "Order"."shopifyUpdatedAt" IS NULL OR excluded."shopifyUpdatedAt" IS NULL OR "Order"."shopifyUpdatedAt" <= excluded."shopifyUpdatedAt"`;
}

/**
 * Order facts recomputed from the stored orders, for the sync (many customers) and the webhook
 * path (one): every order counts like Shopify's numberOfOrders; refunded and voided ones add
 * nothing to amount spent.
 */
export async function refreshOrderFactsFor(
  tx: Tx,
  shop: string,
  customerIds: string[],
): Promise<void> {
  if (!customerIds.length) return;
  await tx.$executeRaw`
    UPDATE "Customer" SET
      "ordersCount" = (SELECT COUNT(*) FROM "Order" o WHERE o."shop" = "Customer"."shop" AND o."customerId" = "Customer"."customerId"),
      "amountSpent" = COALESCE((SELECT SUM(o."totalPrice") FROM "Order" o WHERE o."shop" = "Customer"."shop" AND o."customerId" = "Customer"."customerId"
        AND (o."financialStatus" IS NULL OR o."financialStatus" NOT IN ('voided', 'refunded'))), 0),
      "firstOrderAt" = (SELECT MIN(o."processedAt") FROM "Order" o WHERE o."shop" = "Customer"."shop" AND o."customerId" = "Customer"."customerId"),
      "lastOrderAt" = (SELECT MAX(o."processedAt") FROM "Order" o WHERE o."shop" = "Customer"."shop" AND o."customerId" = "Customer"."customerId")
    WHERE "shop" = ${shop} AND "customerId" IN (${Prisma.join(customerIds)})`;
}
