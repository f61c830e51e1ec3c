import Database from "better-sqlite3";
import type { SyncedOrder } from "./bulk-rows";
import type { SyncBatch, SyncWriter } from "./sync-writer.server";
import { addDelta, contributionOf, newDeltas, parseContribution, type Contribution, type StatDeltas } from "../dashboard/contrib";
import type { StatsContext } from "../dashboard/stats.server";

/**
 * The customer sync's writer for SQLite: prepared statements on a direct better-sqlite3
 * connection to the same database file, one transaction per batch. Prisma's per-query cost
 * (building and binding multi-row statements through the driver adapter) was most of the ingest
 * time of a million-customer shop. Same upserts and same order-fact rule as sync-sql.server.ts:
 *  - a customer's orders follow it in the bulk file, so its facts are computed from the batch and
 *    written with the customer row;
 *  - when the table holds something the batch does not show (an order a webhook brought after
 *    Shopify's snapshot, or a newer version that the upsert kept), that customer's facts are
 *    recomputed from the stored orders instead.
 * Each customer's dashboard contribution is computed the same way and the aggregates moved by
 * the difference (app/dashboard/contrib.ts). The progress mark is written in the same transaction.
 */
let seq = 0;
const idBase = Date.now().toString(36);
// Increasing ids append to the primary-key index instead of splitting random pages.
const nextId = () => `s${idBase}${(seq++).toString(36).padStart(8, "0")}`;
const iso = (d: Date | null) => (d ? d.toISOString().replace("Z", "+00:00") : null);
const SCALE = 10_000;

interface Facts {
  n: number;
  spent: number;
  first: Date | null;
  last: Date | null;
}

function factsOf(orders: SyncedOrder[]): Map<string, Facts> {
  const facts = new Map<string, Facts>();
  for (const o of orders) {
    let f = facts.get(o.customerId);
    if (!f) facts.set(o.customerId, (f = { n: 0, spent: 0, first: null, last: null }));
    f.n++;
    // Refunded and voided orders add nothing to amount spent (refreshOrderFactsFor's rule).
    if (o.financialStatus !== "voided" && o.financialStatus !== "refunded") f.spent += Math.round(Number(o.totalPrice) * SCALE);
    if (!f.first || o.processedAt < f.first) f.first = o.processedAt;
    if (!f.last || o.processedAt > f.last) f.last = o.processedAt;
  }
  return facts;
}

export function sqliteSyncWriter(file: string, stats: StatsContext): SyncWriter {
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  db.pragma("cache_size = -8192");
  // Checkpoint the WAL every ~80 MB instead of every 4 MB: each page is copied to the database
  // file fewer times during a large sync; close() checkpoints what is left.
  db.pragma("wal_autocheckpoint = 20000");
  const customer = db.prepare(`
    INSERT INTO "Customer" ("id", "shop", "customerId", "email", "phone", "firstName", "locale", "accountState",
      "emailConsent", "smsConsent", "tags", "metafields", "shopifyUpdatedAt", "updatedAt",
      "ordersCount", "amountSpent", "firstOrderAt", "lastOrderAt", "contrib")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT ("shop", "customerId") DO UPDATE SET
      "email" = excluded."email", "phone" = excluded."phone", "firstName" = excluded."firstName", "locale" = excluded."locale",
      "accountState" = excluded."accountState", "emailConsent" = excluded."emailConsent", "smsConsent" = excluded."smsConsent",
      "tags" = excluded."tags", "metafields" = excluded."metafields", "shopifyUpdatedAt" = excluded."shopifyUpdatedAt", "updatedAt" = excluded."updatedAt",
      "ordersCount" = excluded."ordersCount", "amountSpent" = excluded."amountSpent", "firstOrderAt" = excluded."firstOrderAt", "lastOrderAt" = excluded."lastOrderAt",
      "contrib" = excluded."contrib"
    WHERE "Customer"."shopifyUpdatedAt" IS NULL OR excluded."shopifyUpdatedAt" IS NULL OR "Customer"."shopifyUpdatedAt" <= excluded."shopifyUpdatedAt"`);
  const order = db.prepare(`
    INSERT INTO "Order" ("id", "shop", "orderId", "name", "customerId", "locale", "processedAt", "totalPrice", "currency",
      "financialStatus", "fulfillmentStatus", "productIds", "shopifyUpdatedAt", "updatedAt")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)
    ON CONFLICT ("shop", "orderId") DO UPDATE SET
      "name" = excluded."name", "customerId" = excluded."customerId", "locale" = excluded."locale", "processedAt" = excluded."processedAt",
      "totalPrice" = excluded."totalPrice", "currency" = excluded."currency", "financialStatus" = excluded."financialStatus",
      "fulfillmentStatus" = excluded."fulfillmentStatus", "shopifyUpdatedAt" = excluded."shopifyUpdatedAt", "updatedAt" = excluded."updatedAt"
    WHERE "Order"."shopifyUpdatedAt" IS NULL OR excluded."shopifyUpdatedAt" IS NULL OR "Order"."shopifyUpdatedAt" <= excluded."shopifyUpdatedAt"`);
  const metafieldsOf = db.prepare(`SELECT "metafields" FROM "Customer" WHERE "shop" = ? AND "customerId" = ?`);
  const setMetafields = db.prepare(`UPDATE "Customer" SET "metafields" = ? WHERE "shop" = ? AND "customerId" = ?`);
  // Index-only: how many orders the table holds for each of the batch's customers.
  const storedCounts = db.prepare(`SELECT "customerId" AS cid, COUNT(*) AS n FROM "Order" WHERE "shop" = ? AND "customerId" IN (SELECT value FROM json_each(?)) GROUP BY "customerId"`);
  const refreshFacts = db.prepare(`
    UPDATE "Customer" SET "ordersCount" = f.n, "amountSpent" = f.spent, "firstOrderAt" = f.first, "lastOrderAt" = f.last
    FROM (
      SELECT o."customerId" AS cid, COUNT(*) AS n, MIN(o."processedAt") AS first, MAX(o."processedAt") AS last,
        COALESCE(SUM(CASE WHEN o."financialStatus" IS NULL OR o."financialStatus" NOT IN ('voided', 'refunded') THEN o."totalPrice" ELSE 0 END), 0) AS spent
      FROM "Order" o WHERE o."shop" = ? AND o."customerId" IN (SELECT value FROM json_each(?)) GROUP BY o."customerId"
    ) f
    WHERE "Customer"."shop" = ? AND "Customer"."customerId" = f.cid`);
  const contribsOf = db.prepare(`SELECT "customerId" AS cid, "contrib" FROM "Customer" WHERE "shop" = ? AND "customerId" IN (SELECT value FROM json_each(?))`);
  const orderTimes = db.prepare(`SELECT "processedAt" FROM "Order" WHERE "shop" = ? AND "customerId" = ?`);
  const setContrib = db.prepare(`UPDATE "Customer" SET "contrib" = ? WHERE "shop" = ? AND "customerId" = ?`);
  const total = db.prepare(`
    INSERT INTO "StatTotal" ("shop", "customers", "fans", "timezone", "dormantDays") VALUES (?, ?, ?, ?, ?)
    ON CONFLICT ("shop") DO UPDATE SET "customers" = "StatTotal"."customers" + excluded."customers", "fans" = "StatTotal"."fans" + excluded."fans"`);
  const day = db.prepare(`INSERT INTO "StatDay" ("shop", "day", "lastOrders") VALUES (?, ?, ?) ON CONFLICT ("shop", "day") DO UPDATE SET "lastOrders" = "StatDay"."lastOrders" + excluded."lastOrders"`);
  const month = db.prepare(`
    INSERT INTO "StatMonth" ("shop", "month", "orders", "repeatOrders", "recovered") VALUES (?, ?, ?, ?, ?)
    ON CONFLICT ("shop", "month") DO UPDATE SET "orders" = "StatMonth"."orders" + excluded."orders",
      "repeatOrders" = "StatMonth"."repeatOrders" + excluded."repeatOrders", "recovered" = "StatMonth"."recovered" + excluded."recovered"`);
  const applyDeltas = (shop: string, d: StatDeltas) => {
    if (d.customers || d.fans) total.run(shop, d.customers, d.fans, stats.calendar.timeZone, stats.dormantDays);
    for (const [key, n] of d.days) if (n) day.run(shop, key, n);
    for (const [key, c] of d.months) if (c[0] || c[1] || c[2]) month.run(shop, key, c[0], c[1], c[2]);
  };
  const contribution = (orders: { processedAt: Date }[]) => contributionOf(orders.map((o) => o.processedAt), stats.calendar, stats.dormantDays);
  const progress = db.prepare(`UPDATE "SyncRun" SET "linesApplied" = ?, "customers" = "customers" + ?, "orders" = "orders" + ?, "updatedAt" = ? WHERE "id" = ?`);

  const write = db.transaction((shop: string, runId: string, batch: SyncBatch, linesApplied: number, now: Date) => {
    const at = iso(now);
    const facts = factsOf(batch.orders);
    const ordersOf = new Map<string, SyncedOrder[]>();
    for (const o of batch.orders) (ordersOf.get(o.customerId) ?? ordersOf.set(o.customerId, []).get(o.customerId)!).push(o);
    const before = new Map((contribsOf.all(shop, JSON.stringify([...batch.customers.keys()])) as { cid: string; contrib: string | null }[]).map((r) => [r.cid, r.contrib]));
    const after = new Map<string, { json: string; value: Contribution }>();
    const recompute = new Set<string>();
    for (const c of batch.customers.values()) {
      const f = facts.get(c.customerId) ?? { n: 0, spent: 0, first: null, last: null };
      const value = contribution(ordersOf.get(c.customerId) ?? []);
      const contrib = JSON.stringify(value);
      const { changes } = customer.run(nextId(), shop, c.customerId, c.email, c.phone, c.firstName, c.locale, c.accountState, c.emailConsent, c.smsConsent, c.tags, JSON.stringify(c.metafields), iso(c.shopifyUpdatedAt), at, f.n, f.spent / SCALE, iso(f.first), iso(f.last), contrib);
      if (changes === 0) recompute.add(c.customerId);
      else after.set(c.customerId, { json: contrib, value });
    }
    for (const o of batch.orders) {
      const { changes } = order.run(nextId(), shop, o.orderId, o.name, o.customerId, o.locale, iso(o.processedAt), o.totalPrice, o.currency, o.financialStatus, o.fulfillmentStatus, iso(o.shopifyUpdatedAt), at);
      if (changes === 0 || !batch.customers.has(o.customerId)) recompute.add(o.customerId);
    }
    // Metafields whose customer line came in an earlier batch (Shopify does not promise the order).
    for (const m of batch.orphanMetafields) {
      const row = metafieldsOf.get(shop, m.customerId) as { metafields: string } | undefined;
      if (!row) continue;
      setMetafields.run(JSON.stringify({ ...(JSON.parse(row.metafields) as Record<string, string>), [`${m.namespace}.${m.key}`]: m.value }), shop, m.customerId);
    }
    for (const { cid, n } of storedCounts.all(shop, JSON.stringify([...batch.customers.keys()])) as { cid: string; n: number }[]) {
      if (n !== (facts.get(cid)?.n ?? 0)) recompute.add(cid);
    }
    if (recompute.size) {
      refreshFacts.run(shop, JSON.stringify([...recompute]), shop);
      const outside = [...recompute].filter((id) => !before.has(id) && !batch.customers.has(id));
      for (const r of contribsOf.all(shop, JSON.stringify(outside)) as { cid: string; contrib: string | null }[]) before.set(r.cid, r.contrib);
      for (const id of recompute) {
        const value = contribution((orderTimes.all(shop, id) as { processedAt: string }[]).map((o) => ({ processedAt: new Date(o.processedAt) })));
        const contrib = JSON.stringify(value);
        setContrib.run(contrib, shop, id);
        after.set(id, { json: contrib, value });
      }
    }
    const deltas = newDeltas();
    for (const [id, { json, value }] of after) if (before.get(id) !== json) addDelta(deltas, parseContribution(before.get(id) ?? null), value);
    applyDeltas(shop, deltas);
    progress.run(linesApplied, batch.customers.size, batch.orders.length, at, runId);
  });

  return {
    async write(shop, runId, batch, linesApplied, now) {
      write(shop, runId, batch, linesApplied, now);
    },
    close: () => {
      db.pragma("wal_checkpoint(PASSIVE)");
      db.close();
    },
  };
}
