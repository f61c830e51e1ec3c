import type { SyncedOrder } from "./bulk-rows";
import type {
  SyncBatch,
  SyncWriter,
  SyncWriterOptions,
} from "./sync-writer.server";
import Database from "better-sqlite3";
import {
  openSqliteThread,
  stepRunner,
  type Guard,
  type Step,
} from "./sqlite-thread.server";
import {
  addDelta,
  contributionOf,
  newDeltas,
  parseContribution,
  type Contribution,
  type StatDeltas,
} from "../dashboard/contrib";
import type { StatsContext } from "../dashboard/stats.server";

/**
 * The customer sync's writer for SQLite: prepared statements on a direct better-sqlite3
 * connection to the same database file, one transaction per batch. Prisma's per-query cost
 * (building and binding multi-row statements through the driver adapter) was most of the ingest
 * time of a million-customer shop. The connection lives on its own thread (sqlite-thread.server.ts):
 * while it writes batch N, this thread parses batch N+1 and computes its rows, so a sync uses
 * both cores. Same upserts and same order-fact rule as sync-sql.server.ts:
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
const iso = (d: Date | null) =>
  d ? d.toISOString().replace("Z", "+00:00") : null;
const SCALE = 10_000;

interface Facts {
  n: number;
  spent: number;
  first: SyncedOrder | null;
  last: SyncedOrder | null;
}

function factsOf(orders: SyncedOrder[]): Map<string, Facts> {
  const facts = new Map<string, Facts>();
  for (const o of orders) {
    let f = facts.get(o.customerId);
    if (!f)
      facts.set(
        o.customerId,
        (f = { n: 0, spent: 0, first: null, last: null }),
      );
    f.n++;
    // Refunded and voided orders add nothing to amount spent (refreshOrderFactsFor's rule).
    if (o.financialStatus !== "voided" && o.financialStatus !== "refunded")
      f.spent += Math.round(Number(o.totalPrice) * SCALE);
    if (!f.first || o.processedAt < f.first.processedAt) f.first = o;
    if (!f.last || o.processedAt > f.last.processedAt) f.last = o;
  }
  return facts;
}

// The values a whole batch shares (shop, time) come last, passed once per batch (Step.flat.suffix):
// millions of copies of the same strings were a good part of what the threads passed each other.
const CUSTOMER = `
  INSERT INTO "Customer" ("id", "customerId", "email", "phone", "firstName", "lastName", "locale", "accountState",
    "emailConsent", "smsConsent", "tags", "metafields", "shopifyUpdatedAt",
    "ordersCount", "amountSpent", "firstOrderAt", "lastOrderAt", "contrib", "shop", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("shop", "customerId") DO UPDATE SET
    "email" = excluded."email", "phone" = excluded."phone", "firstName" = excluded."firstName", "lastName" = excluded."lastName", "locale" = excluded."locale",
    "accountState" = excluded."accountState", "emailConsent" = excluded."emailConsent", "smsConsent" = excluded."smsConsent",
    "tags" = excluded."tags", "metafields" = excluded."metafields", "shopifyUpdatedAt" = excluded."shopifyUpdatedAt", "updatedAt" = excluded."updatedAt",
    "ordersCount" = excluded."ordersCount", "amountSpent" = excluded."amountSpent", "firstOrderAt" = excluded."firstOrderAt", "lastOrderAt" = excluded."lastOrderAt",
    "contrib" = excluded."contrib"
  WHERE "Customer"."shopifyUpdatedAt" IS NULL OR excluded."shopifyUpdatedAt" IS NULL OR "Customer"."shopifyUpdatedAt" <= excluded."shopifyUpdatedAt"`;
const ORDER_COLUMNS = `"id", "orderId", "name", "customerId", "locale", "processedAt", "totalPrice", "currency",
    "financialStatus", "fulfillmentStatus", "shopifyUpdatedAt", "productIds", "shop", "updatedAt"`;
const ORDER_CONFLICT = `
  ON CONFLICT ("shop", "orderId") DO UPDATE SET
    "name" = excluded."name", "customerId" = excluded."customerId", "locale" = excluded."locale", "processedAt" = excluded."processedAt",
    "totalPrice" = excluded."totalPrice", "currency" = excluded."currency", "financialStatus" = excluded."financialStatus",
    "fulfillmentStatus" = excluded."fulfillmentStatus", "shopifyUpdatedAt" = excluded."shopifyUpdatedAt", "updatedAt" = excluded."updatedAt"
  WHERE "Order"."shopifyUpdatedAt" IS NULL OR excluded."shopifyUpdatedAt" IS NULL OR "Order"."shopifyUpdatedAt" <= excluded."shopifyUpdatedAt"`;
const ORDER = `INSERT INTO "Order" (${ORDER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?) ${ORDER_CONFLICT}`;
// The same row without its id, held in file order until the end of a staged sync (the run id follows shop and time).
const STAGE = `
  INSERT INTO "SyncOrderStage" ("orderId", "name", "customerId", "locale", "processedAt", "totalPrice", "currency",
    "financialStatus", "fulfillmentStatus", "shopifyUpdatedAt", "shop", "updatedAt", "runId")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const range = (to: boolean) =>
  `"orderId" > ?${to ? ` AND "orderId" <= ?` : ""}`;
/**
 * One order-id range of the stage, sorted, into Order. The (shop, orderId) index is appended to,
 * and so is the primary key's: the row id is the merge's prefix and the order id, in the same order.
 */
const MERGE = (to: boolean) => `
  INSERT INTO "Order" (${ORDER_COLUMNS})
  SELECT ? || "orderId", "orderId", "name", "customerId", "locale", "processedAt", "totalPrice", "currency",
    "financialStatus", "fulfillmentStatus", "shopifyUpdatedAt", '', "shop", "updatedAt"
  FROM "SyncOrderStage" WHERE "runId" = ? AND ${range(to)} ORDER BY "orderId" ${ORDER_CONFLICT}`;
/** Orders already stored in a range before it is merged (a webhook's, or older ones): their customers are recomputed. */
const STORED_IN_RANGE = (to: boolean) =>
  `SELECT "orderId" AS oid, "customerId" AS cid FROM "Order" WHERE "shop" = ? AND ${range(to)}`;
const MERGED_TO = `UPDATE "SyncRun" SET "stageMergedTo" = ? WHERE "id" = ?`;
// A metafield whose customer line came in an earlier batch (Shopify does not promise the order):
// merged into the stored object; a customer that is not stored is left alone.
const MERGE_METAFIELD = `UPDATE "Customer" SET "metafields" = json_patch(COALESCE("metafields", '{}'), ?) WHERE "shop" = ? AND "customerId" = ?`;
// Index-only: how many orders the table holds for each of the batch's customers.
const STORED_COUNTS = `SELECT "customerId" AS cid, COUNT(*) AS n FROM "Order" WHERE "shop" = ? AND "customerId" IN (SELECT value FROM json_each(?)) GROUP BY "customerId"`;
const REFRESH_FACTS = `
  UPDATE "Customer" SET "ordersCount" = f.n, "amountSpent" = f.spent, "firstOrderAt" = f.first, "lastOrderAt" = f.last
  FROM (
    SELECT o."customerId" AS cid, COUNT(*) AS n, MIN(o."processedAt") AS first, MAX(o."processedAt") AS last,
      COALESCE(SUM(CASE WHEN o."financialStatus" IS NULL OR o."financialStatus" NOT IN ('voided', 'refunded') THEN o."totalPrice" ELSE 0 END), 0) AS spent
    FROM "Order" o WHERE o."shop" = ? AND o."customerId" IN (SELECT value FROM json_each(?)) GROUP BY o."customerId"
  ) f
  WHERE "Customer"."shop" = ? AND "Customer"."customerId" = f.cid`;
const CONTRIBS_OF = `SELECT "customerId" AS cid, "contrib" FROM "Customer" WHERE "shop" = ? AND "customerId" IN (SELECT value FROM json_each(?))`;
const ORDER_TIMES = `SELECT "customerId" AS cid, "processedAt" AS at FROM "Order" WHERE "shop" = ? AND "customerId" IN (SELECT value FROM json_each(?))`;
const SET_CONTRIB = `UPDATE "Customer" SET "contrib" = ? WHERE "shop" = ? AND "customerId" = ?`;
const TOTAL = `
  INSERT INTO "StatTotal" ("shop", "customers", "fans", "timezone", "dormantDays") VALUES (?, ?, ?, ?, ?)
  ON CONFLICT ("shop") DO UPDATE SET "customers" = "StatTotal"."customers" + excluded."customers", "fans" = "StatTotal"."fans" + excluded."fans"`;
const DAY = `INSERT INTO "StatDay" ("shop", "day", "lastOrders") VALUES (?, ?, ?) ON CONFLICT ("shop", "day") DO UPDATE SET "lastOrders" = "StatDay"."lastOrders" + excluded."lastOrders"`;
const MONTH = `
  INSERT INTO "StatMonth" ("shop", "month", "orders", "repeatOrders", "recovered") VALUES (?, ?, ?, ?, ?)
  ON CONFLICT ("shop", "month") DO UPDATE SET "orders" = "StatMonth"."orders" + excluded."orders",
    "repeatOrders" = "StatMonth"."repeatOrders" + excluded."repeatOrders", "recovered" = "StatMonth"."recovered" + excluded."recovered"`;
const CUSTOMER_WIDTH = 18;
const ORDER_WIDTH = 11;
const PROGRESS = `UPDATE "SyncRun" SET "linesApplied" = ?, "customers" = "customers" + ?, "orders" = "orders" + ?, "updatedAt" = ? WHERE "id" = ?`;

/**
 * Indexes a large first sync builds once at the end instead of row by row: SQLite sorts and
 * writes them in one pass. Nothing depends on them for correctness, only for speed: while one is
 * missing, the queries it serves scan the shop's rows instead. They are rebuilt when the sync ends,
 * fails or is stopped, and by `npm run db:migrate` after a crash (restoreDeferredIndexes).
 *  - The customers' recency index serves the member lists (newest last order first) and the
 *    dormant group. A customer's last order date has nothing to do with the file's order, so each
 *    customer row landed on a random page of it (a third of the thread's time at 1M customers).
 *  - The orders' (shop, customerId, processedAt) index follows the file while batches are
 *    written, but not while the staged orders are moved in by order id (see merge()), so it is
 *    dropped for the move when the table holds fewer orders than are moved.
 */
export const DEFERRED_INDEXES = {
  customerRecency: {
    name: "Customer_shop_lastOrderAt_idx",
    create: `CREATE INDEX IF NOT EXISTS "Customer_shop_lastOrderAt_idx" ON "Customer"("shop", "lastOrderAt")`,
    /** The migration that first creates it (restoreDeferredIndexes must not create it earlier). */
    definedBy: "20261124144258_init",
  },
  orderFacts: {
    name: "Order_shop_customerId_processedAt_idx",
    create: `CREATE INDEX IF NOT EXISTS "Order_shop_customerId_processedAt_idx" ON "Order"("shop", "customerId", "processedAt")`,
    definedBy: "20261124160104_order_facts_index",
  },
};
type Deferred = keyof typeof DEFERRED_INDEXES;
/** Below this many lines the rows go straight into the indexes: a rebuild would cost more. */
const DEFER_FROM_LINES = 100_000;
/**
 * A sync stages its orders only when the shop holds at most this many: the orders already stored
 * in a range are read before the range is moved in, and their customers recomputed afterwards.
 */
const STAGE_WHILE_STORED = 10_000;
/** Orders moved in per transaction (each range scans the stage once and sorts its share). */
const MERGE_RANGE_ORDERS = 400_000;
/** One staged order in this many is read to place the range bounds. */
const SAMPLE_EVERY = 64;

/**
 * Whether the order ids of a batch (the first) mostly grow with the file, as when a shop's
 * customers each ordered once: then writing them as they come appends to the (shop, orderId)
 * index, and staging them would only cost a second copy.
 */
export function followsFile(orders: { orderId: string }[]): boolean {
  let max = "";
  let back = 0;
  const above = (a: string, b: string) =>
    a.length > b.length || (a.length === b.length && a > b);
  for (const o of orders) {
    if (above(o.orderId, max)) max = o.orderId;
    else back++;
  }
  return back <= orders.length * FOLLOWS_FILE_BACKWARDS;
}
/** The share of a first batch's orders that may go back in id while the ids still "follow the file". */
const FOLLOWS_FILE_BACKWARDS = 0.05;

/**
 * Builds the deferred indexes a sync that dropped them did not live to rebuild: those whose
 * migration is applied (`applied`, migration names), so a database still waiting for that
 * migration does not get the index before the migration creates it.
 */
export function restoreDeferredIndexes(
  db: Database.Database,
  applied: Set<string>,
): void {
  for (const index of Object.values(DEFERRED_INDEXES))
    if (applied.has(index.definedBy)) db.exec(index.create);
}

/** What a batch will write, computed from the batch alone (no database), on the caller's thread. */
interface Planned {
  customerIds: string;
  customers: { id: string; json: string; value: Contribution }[];
  /** CUSTOMER_WIDTH values per customer, without the shop and time (a suffix). */
  customerRows: unknown[];
  /** ORDER_WIDTH values per order (with its row id) or one fewer when staged (the id is given when it is moved in). */
  orderRows: unknown[];
  /** The shop and time every customer row, and every order row, of the batch shares. */
  customerSuffix: [string, string];
  orderSuffix: [string, string];
  orderCustomers: string[];
  metafieldRows: unknown[][];
  counts: Map<string, number>;
}

const PRAGMAS = [
  "busy_timeout = 5000",
  "cache_size = -8192",
  // Checkpoint the WAL every ~400 MB instead of every 4 MB. Index pages written at random (the
  // recency index when it is kept; the (shop, orderId) index when orders are not staged) are then
  // copied to the database file once per checkpoint instead of once per few commits (commit and
  // checkpoint time at 1M customers, with the recency index kept: 29 s -> 22 s). close()
  // checkpoints the rest and truncates the file.
  "wal_autocheckpoint = 100000",
  // No fsync per commit (WAL stays consistent; a power cut can lose the last batches, which the
  // progress mark, written in the same transactions, then re-applies).
  "synchronous = NORMAL",
];

/** How the aggregates move when customers' stored contributions (`before`, JSON) become `after`. */
function deltasBetween(
  before: Map<string, string | null>,
  after: Map<string, { json: string; value: Contribution }>,
): StatDeltas {
  const deltas = newDeltas();
  for (const [id, { json, value }] of after)
    if (before.get(id) !== json)
      addDelta(deltas, parseContribution(before.get(id) ?? null), value);
  return deltas;
}

export function sqliteSyncWriter(
  file: string,
  stats: StatsContext,
  options: SyncWriterOptions & { lines?: number } = {},
): SyncWriter {
  const thread = openSqliteThread(file, PRAGMAS);
  const dropped = new Set<Deferred>();
  /**
   * Orders go to SyncOrderStage in file order and move into Order sorted by order id at the end.
   * A real shop's order ids follow time while the file follows customers, so written batch by
   * batch they land on random pages of the (shop, orderId) index. `at` is the one updatedAt every
   * staged row gets: an order row of the shop updated after it was written by someone else.
   */
  let stage: { at: string; mergedTo: string | null } | null = null;

  const drop = async (index: Deferred) => {
    await thread.run([
      { sql: `DROP INDEX IF EXISTS "${DEFERRED_INDEXES[index].name}"` },
    ]);
    dropped.add(index);
  };

  /** Before the first batch: what this sync builds at the end, and whether it stages its orders. */
  async function start(
    shop: string,
    runId: string,
    now: string,
    first: SyncBatch,
  ) {
    const lines = options.lines ?? 0;
    // A run that stopped with orders staged goes on staging (and merges them at the end) whatever is left of it.
    const [, staged, mark, customers, stored] = (await thread.run([
      {
        sql: `DELETE FROM "SyncOrderStage" WHERE "shop" = ? AND "runId" <> ?`,
        rows: [[shop, runId]],
      },
      {
        sql: `SELECT "updatedAt" AS at FROM "SyncOrderStage" WHERE "runId" = ? LIMIT 1`,
        rows: [[runId]],
        all: true,
      },
      {
        sql: `SELECT "stageMergedTo" AS mergedTo FROM "SyncRun" WHERE "id" = ?`,
        rows: [[runId]],
        all: true,
      },
      // max(rowid) reads one page; it counts rows ever inserted, so it errs towards keeping the index.
      {
        sql: `SELECT COALESCE(MAX(rowid), 0) AS n FROM "Customer"`,
        rows: [[]],
        all: true,
      },
      {
        sql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM "Order" WHERE "shop" = ? LIMIT ${STAGE_WHILE_STORED + 1})`,
        rows: [[shop]],
        all: true,
      },
    ])) as [
      unknown,
      { at: string }[],
      { mergedTo: string | null }[],
      { n: number }[],
      { n: number }[],
    ];
    const large =
      lines >= (options.deferIndexFrom ?? DEFER_FROM_LINES) &&
      customers[0].n <= lines;
    if (large) await drop("customerRecency");
    if (staged.length)
      stage = { at: staged[0].at, mergedTo: mark[0]?.mergedTo ?? null };
    else if (
      large &&
      stored[0].n <= STAGE_WHILE_STORED &&
      !followsFile(first.orders)
    )
      stage = { at: now, mergedTo: null };
  }

  /** Builds the dropped indexes: on the thread, or on a connection of its own if the thread died. */
  async function rebuild() {
    for (const index of [...dropped]) {
      try {
        await thread.run([{ sql: DEFERRED_INDEXES[index].create }]);
      } catch {
        const db = new Database(file);
        try {
          db.pragma("busy_timeout = 30000");
          db.exec(DEFERRED_INDEXES[index].create);
        } finally {
          db.close();
        }
      }
      dropped.delete(index);
    }
  }
  const contribution = (times: Date[]) =>
    contributionOf(times, stats.calendar, stats.dormantDays);

  function plan(shop: string, batch: SyncBatch, at: string): Planned {
    const facts = factsOf(batch.orders);
    const timesOf = new Map<string, Date[]>();
    for (const o of batch.orders)
      (
        timesOf.get(o.customerId) ??
        timesOf.set(o.customerId, []).get(o.customerId)!
      ).push(o.processedAt);
    const customers: Planned["customers"] = [];
    const customerRows: unknown[] = [];
    for (const c of batch.customers.values()) {
      const f = facts.get(c.customerId) ?? {
        n: 0,
        spent: 0,
        first: null,
        last: null,
      };
      const value = contribution(timesOf.get(c.customerId) ?? []);
      const json = JSON.stringify(value);
      customers.push({ id: c.customerId, json, value });
      customerRows.push(
        nextId(),
        c.customerId,
        c.email,
        c.phone,
        c.firstName,
        c.lastName,
        c.locale,
        c.accountState,
        c.emailConsent,
        c.smsConsent,
        c.tags,
        JSON.stringify(c.metafields),
        c.shopifyUpdatedAtText,
        f.n,
        f.spent / SCALE,
        f.first?.processedAtText ?? null,
        f.last?.processedAtText ?? null,
        json,
      );
    }
    const orderRows: unknown[] = [];
    const orderAt = stage?.at ?? at;
    for (const o of batch.orders) {
      if (!stage) orderRows.push(nextId());
      orderRows.push(
        o.orderId,
        o.name,
        o.customerId,
        o.locale,
        o.processedAtText,
        o.totalPrice,
        o.currency,
        o.financialStatus,
        o.fulfillmentStatus,
        o.shopifyUpdatedAtText,
      );
    }
    const metafieldRows = batch.orphanMetafields.map((m) => [
      JSON.stringify({ [`${m.namespace}.${m.key}`]: m.value }),
      shop,
      m.customerId,
    ]);
    const counts = new Map([...facts].map(([id, f]) => [id, f.n]));
    return {
      customerIds: JSON.stringify([...batch.customers.keys()]),
      customers,
      customerRows,
      orderRows,
      customerSuffix: [shop, at],
      orderSuffix: [shop, orderAt],
      orderCustomers: batch.orders.map((o) => o.customerId),
      metafieldRows,
      counts,
    };
  }

  /**
   * Facts and contributions of `ids` recomputed from the stored orders (the customers with a row:
   * `before` holds their stored contribution). Returns the step that stores the contributions and
   * what they became.
   */
  function recompute(
    shop: string,
    ids: string[],
    run: (steps: Step[]) => unknown[],
  ): {
    steps: Step[];
    after: Map<string, { json: string; value: Contribution }>;
  } {
    const json = JSON.stringify(ids);
    const [, times] = run([
      { sql: REFRESH_FACTS, rows: [[shop, json, shop]] },
      { sql: ORDER_TIMES, rows: [[shop, json]], all: true },
    ]);
    const timesOf = new Map<string, Date[]>(ids.map((id) => [id, []]));
    for (const r of times as { cid: string; at: string }[])
      timesOf.get(r.cid)?.push(new Date(r.at));
    const rows: unknown[][] = [];
    const after = new Map<string, { json: string; value: Contribution }>();
    for (const [id, list] of timesOf) {
      const value = contribution(list);
      const text = JSON.stringify(value);
      rows.push([text, shop, id]);
      after.set(id, { json: text, value });
    }
    return { steps: [{ sql: SET_CONTRIB, rows }], after };
  }

  /** The rest of a batch's transaction, once its upserts have answered; ends with COMMIT. */
  function settle(
    shop: string,
    runId: string,
    batch: SyncBatch,
    linesApplied: number,
    at: string,
    p: Planned,
    out: unknown[],
    run: (steps: Step[]) => unknown[],
  ): Step[] {
    const before = new Map(
      (out[1] as { cid: string; contrib: string | null }[]).map((r) => [
        r.cid,
        r.contrib,
      ]),
    );
    const customerChanges = out[2] as number[];
    const orderChanges = out[3] as number[];
    const after = new Map<string, { json: string; value: Contribution }>();
    const again = new Set<string>();
    p.customers.forEach((c, i) =>
      customerChanges[i] === 0 ? again.add(c.id) : after.set(c.id, c),
    );
    orderChanges.forEach((changes, i) => {
      if (changes === 0 || !batch.customers.has(p.orderCustomers[i]))
        again.add(p.orderCustomers[i]);
    });
    for (const { cid, n } of out[5] as { cid: string; n: number }[])
      if (n !== (p.counts.get(cid) ?? 0)) again.add(cid);
    const steps: Step[] = [];
    if (again.size) {
      // Something stored that the batch does not show: that customer's facts come from the table.
      const outside = [...again].filter(
        (id) => !before.has(id) && !batch.customers.has(id),
      );
      const [stored] = run([
        {
          sql: CONTRIBS_OF,
          rows: [[shop, JSON.stringify(outside)]],
          all: true,
        },
      ]);
      for (const r of stored as { cid: string; contrib: string | null }[])
        before.set(r.cid, r.contrib);
      // An order whose customer is stored nowhere moves no aggregate.
      const known = [...again].filter(
        (id) => before.has(id) || batch.customers.has(id),
      );
      const done = recompute(shop, known, run);
      steps.push(...done.steps);
      for (const [id, value] of done.after) after.set(id, value);
    }
    const deltas = deltasBetween(before, after);
    return [
      ...steps,
      ...aggregates(shop, deltas),
      ...progress(runId, batch, linesApplied, at),
    ];
  }

  let here: Database.Database | null = null;
  const statements = new Map<string, Database.Statement>();
  const runHere = stepRunner((sql) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = here!.prepare(sql)));
    return st;
  });
  const openHere = () => {
    if (!here) {
      here = new Database(file);
      for (const pragma of PRAGMAS) here.pragma(pragma);
    }
    return here;
  };

  /**
   * A batch the fast path did not take (customers stored before, rows kept by newer data...): its
   * orders go straight into Order, since its facts are recomputed from the table.
   */
  function applyHere(
    shop: string,
    runId: string,
    batch: SyncBatch,
    linesApplied: number,
    at: string,
    p: Planned,
  ): void {
    openHere()
      .transaction(() => {
        const out = runHere([
          { sql: "SELECT 1" },
          ...upserts(shop, runId, p, false),
        ]);
        runHere(
          settle(shop, runId, batch, linesApplied, at, p, out, runHere).filter(
            (step) => step.sql !== "COMMIT",
          ),
        );
      })
      .immediate();
  }

  /** The batch's writes; their results (steps 1–5 after BEGIN) are what settle() and the guards read. */
  function upserts(
    shop: string,
    runId: string,
    p: Planned,
    staged: boolean,
  ): Step[] {
    if (!staged && stage) {
      // Planned for the stage, written straight to Order: each row gets its id.
      const rows: unknown[] = [];
      for (let i = 0; i < p.orderRows.length; i += ORDER_WIDTH - 1)
        rows.push(nextId(), ...p.orderRows.slice(i, i + ORDER_WIDTH - 1));
      p = { ...p, orderRows: rows };
    }
    return [
      { sql: CONTRIBS_OF, rows: [[shop, p.customerIds]], all: true },
      {
        sql: CUSTOMER,
        flat: {
          width: CUSTOMER_WIDTH,
          values: p.customerRows,
          suffix: p.customerSuffix,
        },
      },
      staged
        ? {
            sql: STAGE,
            flat: {
              width: ORDER_WIDTH - 1,
              values: p.orderRows,
              suffix: [...p.orderSuffix, runId],
            },
          }
        : {
            sql: ORDER,
            flat: {
              width: ORDER_WIDTH,
              values: p.orderRows,
              suffix: p.orderSuffix,
            },
          },
      { sql: MERGE_METAFIELD, rows: p.metafieldRows },
      { sql: STORED_COUNTS, rows: [[shop, p.customerIds]], all: true },
    ];
  }

  /** Moves the aggregates by the deltas. */
  function aggregates(shop: string, deltas: StatDeltas): Step[] {
    const steps: Step[] = [];
    if (deltas.customers || deltas.fans)
      steps.push({
        sql: TOTAL,
        rows: [
          [
            shop,
            deltas.customers,
            deltas.fans,
            stats.calendar.timeZone,
            stats.dormantDays,
          ],
        ],
      });
    const days = [...deltas.days]
      .filter(([, n]) => n)
      .map(([key, n]) => [shop, key, n]);
    if (days.length) steps.push({ sql: DAY, rows: days });
    const months = [...deltas.months]
      .filter(([, c]) => c[0] || c[1] || c[2])
      .map(([key, c]) => [shop, key, c[0], c[1], c[2]]);
    if (months.length) steps.push({ sql: MONTH, rows: months });
    return steps;
  }

  /** Marks the progress and commits. */
  const progress = (
    runId: string,
    batch: SyncBatch,
    linesApplied: number,
    at: string,
  ): Step[] => [
    {
      sql: PROGRESS,
      rows: [
        [linesApplied, batch.customers.size, batch.orders.length, at, runId],
      ],
    },
    { sql: "COMMIT" },
  ];

  /**
   * The common case of a first sync, decided on the thread without a round trip: none of the
   * batch's customers was stored before (so every contribution is new), every order row was
   * written, every order's customer is in the batch and the stored order counts are the batch's
   * (none at all when the orders are staged). Then the closing steps can be computed in advance.
   * Anything else falls back to applyHere().
   */
  function fastPath(
    shop: string,
    runId: string,
    batch: SyncBatch,
    linesApplied: number,
    at: string,
    p: Planned,
  ): { guards: Guard[]; steps: Step[] } {
    if (p.orderCustomers.some((id) => !batch.customers.has(id)))
      return { guards: [{ kind: "never", step: 0 }], steps: [] };
    const deltas = newDeltas();
    for (const c of p.customers) addDelta(deltas, null, c.value);
    return {
      guards: [
        { kind: "empty", step: 1 },
        { kind: "noZero", step: 2 },
        { kind: "noZero", step: 3 },
        stage
          ? { kind: "empty", step: 5 }
          : { kind: "counts", step: 5, expect: [...p.counts] },
      ],
      steps: [
        ...aggregates(shop, deltas),
        ...progress(runId, batch, linesApplied, at),
      ],
    };
  }

  /**
   * Moves the staged orders into Order by ranges of order id, each range sorted and in its own
   * transaction (so webhooks and requests wait at most one range), the (shop, orderId) index
   * appended to. Then recomputes the customers whose facts the batches could not know: those of
   * orders already stored in a range before it was moved (written by a webhook, or kept by a newer
   * version), and those of orders someone else wrote after the staged rows (updatedAt later than
   * the stage's). Each range records how far the move got, so a restart goes on from there.
   */
  async function merge(shop: string, runId: string) {
    if (!stage) return;
    const [sample, [{ n: orderRows }]] = (await thread.run([
      {
        sql: `SELECT "orderId" AS id FROM "SyncOrderStage" WHERE "runId" = ? AND "seq" % ${SAMPLE_EVERY} = 0`,
        rows: [[runId]],
        all: true,
      },
      {
        sql: `SELECT COALESCE(MAX(rowid), 0) AS n FROM "Order"`,
        rows: [[]],
        all: true,
      },
    ])) as [{ id: string }[], { n: number }[]];
    // Order ids are ASCII digits: JavaScript's string order is SQLite's BINARY order.
    const ids = sample.map((r) => r.id).sort();
    const from = stage.mergedTo ?? "";
    const bounds: string[] = [];
    const every = Math.max(
      1,
      Math.round(
        (options.mergeRangeOrders ?? MERGE_RANGE_ORDERS) / SAMPLE_EVERY,
      ),
    );
    for (let i = every; i < ids.length; i += every)
      if (ids[i] > (bounds[bounds.length - 1] ?? from)) bounds.push(ids[i]);
    if (orderRows <= ids.length * SAMPLE_EVERY) await drop("orderFacts");
    // Row ids after every id the table holds (sync ids are "s" and a base-36 time; Prisma's "c...").
    const prefix = `s${Date.now().toString(36)}-`;
    const suspects = new Set<string>();
    const storedIds: string[] = [];
    let lo = from;
    for (const hi of [...bounds, null]) {
      const to = hi !== null;
      const params = to ? [lo, hi] : [lo];
      const [, stored] = (await thread.run([
        { sql: "BEGIN IMMEDIATE" },
        { sql: STORED_IN_RANGE(to), rows: [[shop, ...params]], all: true },
        { sql: MERGE(to), rows: [[prefix, runId, ...params]] },
        // "~" sorts after every digit: the whole stage is in.
        { sql: MERGED_TO, rows: [[hi ?? "~", runId]] },
        { sql: "COMMIT" },
      ])) as [unknown, { oid: string; cid: string | null }[]];
      for (const r of stored) {
        storedIds.push(r.oid);
        if (r.cid) suspects.add(r.cid);
      }
      if (hi !== null) lo = hi;
    }
    await rebuild();
    const [fromStage, later] = (await thread.run([
      // The staged side of an order also stored: its customer may differ (an order moved customers).
      {
        sql: `SELECT DISTINCT "customerId" AS cid FROM "SyncOrderStage" WHERE "runId" = ? AND "orderId" IN (SELECT value FROM json_each(?))`,
        rows: [[runId, JSON.stringify(storedIds)]],
        all: true,
      },
      {
        sql: `SELECT DISTINCT "customerId" AS cid FROM "Order" NOT INDEXED WHERE "shop" = ? AND "updatedAt" > ? AND "customerId" IS NOT NULL`,
        rows: [[shop, stage.at]],
        all: true,
      },
    ])) as { cid: string | null }[][];
    for (const r of [...fromStage, ...later]) if (r.cid) suspects.add(r.cid);
    recomputeHere(shop, [...suspects]);
    const [[other]] = (await thread.run([
      {
        sql: `SELECT 1 AS x FROM "SyncOrderStage" WHERE "runId" <> ? LIMIT 1`,
        rows: [[runId]],
        all: true,
      },
    ])) as unknown[][];
    // Without a WHERE clause SQLite drops the table's pages at once instead of row by row.
    await thread.run([
      other
        ? {
            sql: `DELETE FROM "SyncOrderStage" WHERE "runId" = ?`,
            rows: [[runId]],
          }
        : { sql: `DELETE FROM "SyncOrderStage"` },
    ]);
    stage = null;
  }

  /** Customers' facts and contributions from the stored orders, 500 per transaction, on this thread. */
  function recomputeHere(shop: string, ids: string[]) {
    const db = openHere();
    for (let i = 0; i < ids.length; i += 500) {
      db.transaction(() => {
        const [rows] = runHere([
          {
            sql: CONTRIBS_OF,
            rows: [[shop, JSON.stringify(ids.slice(i, i + 500))]],
            all: true,
          },
        ]) as { cid: string; contrib: string | null }[][];
        const before = new Map(rows.map((r) => [r.cid, r.contrib]));
        const { steps, after } = recompute(shop, [...before.keys()], runHere);
        runHere([...steps, ...aggregates(shop, deltasBetween(before, after))]);
      }).immediate();
    }
  }

  // One batch at a time is with the thread while this thread parses and plans the next. (Letting
  // a second one wait in the thread's queue measured slower, 78 s against 62 s at 1M customers,
  // and 40 MB heavier: more live rows, more garbage collection on both threads.)
  const pending: Promise<void>[] = [];
  let failure: unknown = null;
  /** Set by the first batch, after start(). */
  let shopOf: { shop: string; runId: string } | null = null;
  const check = () => {
    if (failure) throw failure;
  };

  return {
    batchLines: 1_000,
    async write(shop, runId, batch, linesApplied, now) {
      check();
      const at = iso(now)!;
      if (!shopOf) await start(shop, runId, at, batch);
      shopOf = { shop, runId };
      const p = plan(shop, batch, at);
      if (pending.length) await pending.shift();
      check();
      const done = thread
        .runGuarded(
          [
            { sql: "BEGIN IMMEDIATE" },
            ...upserts(shop, runId, p, stage !== null),
          ],
          fastPath(shop, runId, batch, linesApplied, at, p),
        )
        .then(({ settled }) => {
          // The thread rolled the batch back: apply it here, synchronously, on this thread's own
          // connection. Nothing else can run meanwhile, so no transaction is ever left waiting
          // for this thread (whose other SQLite calls would block it: a deadlock until timeout).
          if (!settled) applyHere(shop, runId, batch, linesApplied, at, p);
        })
        .catch((error: unknown) => {
          failure ??= error;
        });
      pending.push(done);
    },
    async finish() {
      await Promise.all(pending.splice(0));
      check();
      if (shopOf) await merge(shopOf.shop, shopOf.runId);
      await rebuild();
    },
    close: async () => {
      here?.close();
      // A sync that failed or was stopped still leaves the indexes in place (and its staged
      // orders, which the run merges when it is resumed).
      await rebuild().catch(() => undefined);
      await thread.close(failure ? [] : ["wal_checkpoint(TRUNCATE)"]);
    },
  };
}
