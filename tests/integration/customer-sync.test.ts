import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import {
  applyCustomerSync,
  latestSync,
  onBulkFinished,
  startCustomerSync,
} from "~/customers/sync.server";
import { createDevStore } from "../../dev-store/src/store";
import type { WebhookEvent } from "../../dev-store/src/contract";
import { resetDatabase } from "../support/db";
import { devStoreAdmin } from "../support/dev-store-admin";
import { DEFERRED_INDEXES } from "~/customers/sync-sqlite.server";
import { migrate, pendingMigrations } from "../../scripts/migrate";

/** The customer sync against the dev store's real bulk operations (in process, no HTTP). */
const SCOPES = ["read_customers", "read_orders", "read_fulfillments"];

function harness() {
  const core = createDevStore({
    baseUrl: "http://dev-store.test",
    now: new Date("2026-11-01T00:00:00Z"),
    counts: { customers: 600, orders: 1800 },
  });
  const shop = core.shop;
  const graphql = devStoreAdmin(core, { scopes: SCOPES, bucketKey: "t" });
  const fetchFile = (async (url: string | URL | Request) => {
    const id = String(url).match(/_bulk\/(\d+)\.jsonl$/)![1];
    const stream = core.openBulkResult(id);
    return stream
      ? new Response(Readable.toWeb(stream as Readable) as ReadableStream)
      : new Response("gone", { status: 404 });
  }) as typeof fetch;
  const finished = () =>
    new Promise<WebhookEvent>((resolve) => {
      const off = core.onWebhook((e) => {
        if (e.topic === "bulk_operations/finish") {
          off();
          resolve(e);
        }
      });
    });
  /** Starts a sync and lets Shopify finish the bulk operation; the run is ready to apply. */
  async function ready() {
    const done = finished();
    const { id } = await startCustomerSync(prisma, shop, graphql);
    const next = await onBulkFinished(
      prisma,
      shop,
      (await done).payload as never,
    );
    return { id, next };
  }
  async function sync() {
    const { id, next } = await ready();
    if (next && "apply" in next)
      await applyCustomerSync(prisma, next.apply, graphql, fetchFile);
    return id;
  }
  return { core, shop, graphql, fetchFile, ready, sync };
}

async function snapshot(shop: string) {
  const customers = await prisma.customer.findMany({
    where: { shop },
    orderBy: { customerId: "asc" },
    select: {
      customerId: true,
      ordersCount: true,
      amountSpent: true,
      lastOrderAt: true,
      tags: true,
      emailConsent: true,
      locale: true,
      metafields: true,
    },
  });
  const orders = await prisma.order.count({ where: { shop } });
  return {
    customers: customers.map((c) => ({
      ...c,
      amountSpent: c.amountSpent.toString(),
    })),
    orders,
  };
}

/** The dashboard aggregates of a shop, as the tests compare them. */
async function stats(shop: string) {
  const [total, days, months] = await Promise.all([
    prisma.statTotal.findUnique({
      where: { shop },
      select: { customers: true, fans: true },
    }),
    prisma.statDay.findMany({
      where: { shop, lastOrders: { not: 0 } },
      orderBy: { day: "asc" },
      select: { day: true, lastOrders: true },
    }),
    prisma.statMonth.findMany({
      where: { shop, OR: [{ orders: { not: 0 } }, { recovered: { not: 0 } }] },
      orderBy: { month: "asc" },
      select: {
        month: true,
        orders: true,
        repeatOrders: true,
        recovered: true,
      },
    }),
  ]);
  return { total, days, months };
}

beforeEach(async () => {
  await resetDatabase(prisma);
});

describe("customer sync", () => {
  it("copies every customer and their orders, with the same order facts as the store", async () => {
    const h = harness();
    await h.sync();
    const run = await latestSync(prisma, h.shop);
    expect(run).toMatchObject({ status: "completed", error: null });
    expect(await prisma.customer.count({ where: { shop: h.shop } })).toBe(
      h.core.state.customers.length,
    );
    expect(await prisma.order.count({ where: { shop: h.shop } })).toBe(
      h.core.state.orders.filter((o) => o.customerId).length,
    );
    const repeat = h.core.state.customers.filter(
      (c) => c.orderIds.length >= 2,
    ).length;
    expect(
      await prisma.customer.count({
        where: { shop: h.shop, ordersCount: { gte: 2 } },
      }),
    ).toBe(repeat);
    const withPoints = h.core.state.customers.find((c) => c.metafields.length)!;
    const pointsRow = await prisma.customer.findFirstOrThrow({
      where: { shop: h.shop, customerId: String(withPoints.legacyId) },
    });
    expect(JSON.parse(pointsRow.metafields)).toEqual({
      "loyalty.points": withPoints.metafields[0].value,
    });
    const sample = h.core.state.customers.find((c) => c.orderIds.length > 3)!;
    const row = await prisma.customer.findFirstOrThrow({
      where: { shop: h.shop, customerId: String(sample.legacyId) },
    });
    expect(Number(row.amountSpent)).toBe(h.core.state.amountSpent(sample));
    // Both names: Japanese greetings address the family name.
    expect([row.lastName, row.firstName]).toEqual([
      sample.lastName,
      sample.firstName,
    ]);
  });

  it("gives the same tables when run twice, and never runs two at once", async () => {
    const h = harness();
    await h.sync();
    const first = await snapshot(h.shop);
    await h.sync();
    expect(await snapshot(h.shop)).toEqual(first);
    const a = startCustomerSync(prisma, h.shop, h.graphql);
    const b = startCustomerSync(prisma, h.shop, h.graphql);
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.id).toBe(rb.id);
    expect([ra.started, rb.started].filter(Boolean)).toHaveLength(1);
  });

  it("applies nothing from a truncated result and says why", async () => {
    const h = harness();
    h.core.bulkFaults.truncate = true;
    await h.sync();
    const run = await latestSync(prisma, h.shop);
    expect(run?.status).toBe("failed");
    expect(run?.error).toMatch(/^truncated:\d+\/\d+$/);
    expect(await prisma.customer.count({ where: { shop: h.shop } })).toBe(0);
  });

  it("reports a failed bulk operation", async () => {
    const h = harness();
    h.core.bulkFaults.fail = true;
    await h.sync();
    expect(await latestSync(prisma, h.shop)).toMatchObject({
      status: "failed",
      error: "export_failed:failed, internal_server_error",
    });
    // It is retried, but a fault that persists stops after three failures in an hour.
    const retries: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      const { next } = await h.ready();
      retries.push(Boolean(next && "retry" in next && next.retry));
    }
    expect(retries).toEqual([true, false, false]);
  });

  it("resumes after a crash without applying lines twice", async () => {
    const h = harness();
    await h.sync();
    const expected = await snapshot(h.shop);
    await resetDatabase(prisma);
    // A run that stopped after its first 1,000 lines: those rows are in, the rest is not.
    const { id } = await h.ready();
    await prisma.syncRun.update({
      where: { id },
      data: { status: "applying", linesApplied: 1000, customers: 0, orders: 0 },
    });
    await applyCustomerSync(prisma, id, h.graphql, h.fetchFile);
    const run = await prisma.syncRun.findUniqueOrThrow({ where: { id } });
    expect(run.status).toBe("completed");
    // Only the lines after the mark were applied (metafield lines are not counted as records).
    const metafieldLines = h.core.state.customers.reduce(
      (n, c) => n + c.metafields.length,
      0,
    );
    expect(run.customers + run.orders).toBeLessThanOrEqual(
      run.objectCount - 1000,
    );
    expect(run.customers + run.orders).toBeGreaterThanOrEqual(
      run.objectCount - 1000 - metafieldLines,
    );
    // Re-applying the first 1,000 lines now completes the picture: same tables as a clean run.
    await prisma.syncRun.update({
      where: { id },
      data: { status: "applying", linesApplied: 0 },
    });
    await applyCustomerSync(prisma, id, h.graphql, h.fetchFile);
    expect(await snapshot(h.shop)).toEqual(expected);
  });
});

describe("customer sync and webhooks together", () => {
  it("brings tags, consents and locale that a customers/update leaves out from the Admin API, once per customer version", async () => {
    const { topicHandlers } = await import("~/webhooks/process.server");
    const { jobHandlers } = await import("~/jobs/handlers.server");
    const { runDueJobs } = await import("~/jobs/worker.server");
    const { unauthenticated } = await import("~/shopify.server");
    const { CUSTOMER_REFRESH_JOB } = await import("~/customers/refresh.server");
    const h = harness();
    await h.sync();
    const c = h.core.state.customers.find(
      (x) =>
        !x.tags.includes("points") &&
        x.emailMarketing !== "SUBSCRIBED" &&
        x.locale === "ja",
    )!;
    const deliveries: WebhookEvent[] = [];
    const off = h.core.onWebhook((e) => deliveries.push(e));
    // The merchant tags the customer in Shopify admin; the customer subscribes and switches to English.
    await h.core.upsertCustomer({
      id: `gid://shopify/Customer/${c.legacyId}`,
      tags: [...c.tags, "points"],
      emailMarketingState: "SUBSCRIBED",
      locale: "en",
    });
    off();
    const update = deliveries.find((e) => e.topic === "customers/update")!;
    expect(update.payload).not.toHaveProperty("tags");
    await topicHandlers["customers/update"](prisma, h.shop, update.payload);
    const row = () =>
      prisma.customer.findFirstOrThrow({
        where: { shop: h.shop, customerId: String(c.legacyId) },
        select: { tags: true, emailConsent: true, locale: true },
      });
    expect((await row()).tags).not.toContain("points");
    const admin = vi.spyOn(unauthenticated, "admin").mockResolvedValue({
      session: { accessToken: "shpat_test" },
      admin: { graphql: h.graphql },
    } as never);
    try {
      await runDueJobs({ db: prisma, handlers: jobHandlers(prisma) });
    } finally {
      admin.mockRestore();
    }
    expect(await row()).toMatchObject({
      emailConsent: "SUBSCRIBED",
      locale: "en",
    });
    expect((await row()).tags).toContain(",points,");
    // A redelivery of the same version asks Shopify nothing more.
    await topicHandlers["customers/update"](prisma, h.shop, update.payload);
    expect(
      await prisma.job.count({ where: { type: CUSTOMER_REFRESH_JOB } }),
    ).toBe(1);
  });

  it("forgets a customer Shopify no longer has, unless the mirror still holds their orders", async () => {
    const { refreshCustomer } = await import("~/customers/refresh.server");
    const shop = "deleted.myshopify.com";
    await prisma.customer.createMany({
      data: [
        { shop, customerId: "71", email: "gone@example.jp" },
        { shop, customerId: "72", email: "buyer@example.jp" },
      ],
    });
    await prisma.order.create({
      data: {
        shop,
        orderId: "8001",
        customerId: "72",
        name: "#8001",
        processedAt: new Date(),
        totalPrice: 1000,
        currency: "JPY",
      },
    });
    // What the Admin API answers for a customer deleted in Shopify admin.
    const gone = async () =>
      new Response(JSON.stringify({ data: { customer: null } }));
    await refreshCustomer(prisma, shop, "71", gone);
    await refreshCustomer(prisma, shop, "72", gone);
    expect(
      (
        await prisma.customer.findMany({
          where: { shop },
          select: { customerId: true },
        })
      ).map((c) => c.customerId),
    ).toEqual(["72"]);
  });

  it("keeps a webhook's newer data when the snapshot it raced with is applied", async () => {
    const h = harness();
    const { id } = await h.ready();
    // After Shopify took the snapshot, the customer changed and the webhook was processed first.
    const c = h.core.state.customers[0];
    const later = new Date(Date.parse(c.updatedAt) + 60_000);
    await prisma.customer.create({
      data: {
        shop: h.shop,
        customerId: String(c.legacyId),
        tags: ",vip-new,",
        shopifyUpdatedAt: later,
      },
    });
    await applyCustomerSync(prisma, id, h.graphql, h.fetchFile);
    const row = await prisma.customer.findFirstOrThrow({
      where: { shop: h.shop, customerId: String(c.legacyId) },
    });
    expect(row.tags).toBe(",vip-new,");
    expect(await prisma.customer.count({ where: { shop: h.shop } })).toBe(
      h.core.state.customers.length,
    );
  });
});

describe("dashboard aggregates", () => {
  it("kept incrementally by the sync and by webhooks, equal a rebuild from the tables, and a later full sync", async () => {
    const { rebuildStats } = await import("~/dashboard/stats.server");
    const { topicHandlers } = await import("~/webhooks/process.server");
    const h = harness();
    await h.sync();
    const afterSync = await stats(h.shop);
    expect(afterSync.total!.customers).toBe(h.core.state.customers.length);

    // Webhooks: a returning customer orders, a new customer signs up and orders twice.
    const deliveries: WebhookEvent[] = [];
    h.core.onWebhook((e) => deliveries.push(e));
    const variantId = `gid://shopify/ProductVariant/${h.core.state.products[0].variants[0].legacyId}`;
    const returning = h.core.state.customers.find(
      (c) => c.orderIds.length === 1,
    )!;
    await h.core.createOrder({
      customerId: `gid://shopify/Customer/${returning.legacyId}`,
      lines: [{ variantId, quantity: 1 }],
    });
    const { customerId } = await h.core.upsertCustomer({
      firstName: "花子",
      email: "hanako@example.jp",
      locale: "ja",
    });
    await h.core.createOrder({
      customerId,
      lines: [{ variantId, quantity: 1 }],
      processedAt: "2026-06-01T03:00:00Z",
    });
    await h.core.createOrder({
      customerId,
      lines: [{ variantId, quantity: 2 }],
    });
    for (const e of deliveries) {
      const handler = topicHandlers[e.topic];
      if (handler) await handler(prisma, h.shop, e.payload as never);
    }
    const incremental = await stats(h.shop);
    expect(incremental.total!.customers).toBe(afterSync.total!.customers + 1);
    expect(incremental.total!.fans).toBe(afterSync.total!.fans + 2);

    await rebuildStats(prisma, h.shop);
    expect(await stats(h.shop)).toEqual(incremental);

    await h.sync();
    expect(await stats(h.shop)).toEqual(incremental);
  });
});

describe("customer sync from a hand-written bulk file", () => {
  it("merges a metafield that arrives batches after its customer into the stored customer", async () => {
    const shop = "orphans.myshopify.com";
    const customer = (n: number) =>
      JSON.stringify({
        id: `gid://shopify/Customer/${n}`,
        firstName: `C${n}`,
        locale: "ja",
        state: "ENABLED",
        tags: [],
        updatedAt: "2026-10-01T00:00:00Z",
      });
    const metafield = (n: number, key: string, value: string) =>
      JSON.stringify({
        id: `gid://shopify/Metafield/${n}${key.length}`,
        namespace: "loyalty",
        key,
        value,
        __parentId: `gid://shopify/Customer/${n}`,
      });
    // Customer 1 and one metafield, then enough customers to close several batches, then a second
    // metafield of customer 1 and one for a customer the file never lists.
    const lines = [
      customer(1),
      metafield(1, "tier", "gold"),
      ...Array.from({ length: 25_000 }, (_, i) => customer(i + 2)),
      metafield(1, "points", "120"),
      metafield(999_999, "points", "5"),
    ];
    const run = await prisma.syncRun.create({
      data: {
        shop,
        status: "downloading",
        bulkOperationId: "gid://shopify/BulkOperation/77",
      },
    });
    const graphql = async () =>
      new Response(
        JSON.stringify({
          data: {
            node: {
              status: "COMPLETED",
              objectCount: String(lines.length),
              url: "http://bulk.test/77.jsonl",
            },
          },
        }),
      );
    const fetchFile = (async () =>
      new Response(lines.join("\n") + "\n")) as unknown as typeof fetch;
    await applyCustomerSync(prisma, run.id, graphql, fetchFile);
    expect(
      await prisma.syncRun.findUniqueOrThrow({
        where: { id: run.id },
        select: { status: true, error: true },
      }),
    ).toEqual({ status: "completed", error: null });
    const one = await prisma.customer.findUniqueOrThrow({
      where: { shop_customerId: { shop, customerId: "1" } },
      select: { metafields: true },
    });
    expect(JSON.parse(one.metafields)).toEqual({
      "loyalty.tier": "gold",
      "loyalty.points": "120",
    });
    expect(await prisma.customer.count({ where: { shop } })).toBe(25_001);
  });
});

describe("customer sync of a large shop on SQLite", () => {
  const sqlite = /^file:/.test(process.env.DATABASE_URL ?? "file:");
  const indexSql = async (name: string) =>
    (
      await prisma.$queryRawUnsafe<{ sql: string }[]>(
        `SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '${name}'`,
      )
    )[0]?.sql ?? null;
  const indexes = async () =>
    Promise.all(Object.values(DEFERRED_INDEXES).map((d) => indexSql(d.name)));
  const tables = async (shop: string) => ({
    ...(await snapshot(shop)),
    stats: await stats(shop),
  });
  /** Syncs row by row for the expected tables, empties the database and readies the same shop's run again. */
  const rowByRowThenReady = async (h: ReturnType<typeof harness>) => {
    await h.sync();
    const rowByRow = await tables(h.shop);
    await resetDatabase(prisma);
    return { rowByRow, id: (await h.ready()).id };
  };
  const staged = async () =>
    Number(
      (
        await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(
          `SELECT COUNT(*) AS n FROM "SyncOrderStage"`,
        )
      )[0].n,
    );

  it("the indexes it builds at the end are the ones the migrations define", async () => {
    if (!sqlite) return; // the PostgreSQL pass: nothing is deferred there
    for (const d of Object.values(DEFERRED_INDEXES)) {
      const defined = await indexSql(d.name);
      expect(defined).not.toBeNull();
      expect(d.create.replace("IF NOT EXISTS ", "")).toBe(defined);
      // ...and first created by the migration it names.
      const first = pendingMigrations("prisma/migrations", new Set()).find(
        (m) => m.sql.includes(`"${d.name}"`),
      );
      expect(first?.name).toBe(d.definedBy);
    }
  });

  it("an older database still waiting for the migration that creates an index upgrades", async () => {
    if (!sqlite) return;
    const { default: Database } = await import("better-sqlite3");
    const file = path.join(
      mkdtempSync(path.join(tmpdir(), "tsunagu-upgrade-")),
      "old.sqlite",
    );
    const db = new Database(file);
    db.exec(
      `CREATE TABLE "_tsunagu_migrations" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`,
    );
    for (const m of pendingMigrations("prisma/migrations", new Set()).filter(
      (m) => m.name < DEFERRED_INDEXES.orderFacts.definedBy,
    )) {
      db.exec(m.sql);
      db.prepare(`INSERT INTO "_tsunagu_migrations" VALUES (?, ?)`).run(
        m.name,
        "2026-11-24T00:00:00Z",
      );
    }
    db.close();
    expect(await migrate(`file:${file}`, () => undefined)).toContain(
      DEFERRED_INDEXES.orderFacts.definedBy,
    );
  });

  it("stages the orders, moves them in by ranges of order id and builds the indexes at the end, with the same tables as row by row", async () => {
    if (!sqlite) return;
    const h = harness();
    const { rowByRow, id } = await rowByRowThenReady(h);
    // A run watched batch by batch: the indexes are gone while it writes and orders wait in the
    // stage; both are back, and the stage empty, when it is done.
    const seen: { indexes: (string | null)[]; staged: number }[] = [];
    const watch = setInterval(
      () =>
        void Promise.all([indexes(), staged()]).then(([i, n]) =>
          seen.push({ indexes: i, staged: n }),
        ),
      2,
    );
    await applyCustomerSync(prisma, id, h.graphql, h.fetchFile, {
      deferIndexFrom: 1,
      mergeRangeOrders: 300,
    });
    clearInterval(watch);
    expect(await tables(h.shop)).toEqual(rowByRow);
    expect(await indexes()).not.toContain(null);
    expect(seen.some((s) => s.indexes[0] === null && s.staged > 0)).toBe(true);
    expect(await staged()).toBe(0);
    expect(
      (await prisma.syncRun.findUniqueOrThrow({ where: { id } })).stageMergedTo,
    ).toBe("~");
    const plan = await prisma.$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN SELECT "customerId" FROM "Customer" WHERE "shop" = 'x' ORDER BY "lastOrderAt" DESC LIMIT 100`,
    );
    expect(plan.map((p) => p.detail).join(" ")).toContain(
      DEFERRED_INDEXES.customerRecency.name,
    );
  });

  it("keeps what webhooks write while orders are staged: the same tables and numbers as a full sync afterwards", async () => {
    if (!sqlite) return;
    const { topicHandlers } = await import("~/webhooks/process.server");
    const h = harness();
    const { id } = await h.ready();
    const deliveries: WebhookEvent[] = [];
    h.core.onWebhook((e) => deliveries.push(e));
    const variantId = `gid://shopify/ProductVariant/${h.core.state.products[0].variants[0].legacyId}`;
    // As soon as a customer's orders wait in the stage, that customer orders again and one of the
    // staged orders ships (a newer version of it): both webhooks are handled at once.
    let fired: Promise<void> | null = null;
    const watch = setInterval(() => {
      if (fired) return;
      fired = (async () => {
        const [row] = await prisma.$queryRawUnsafe<
          { orderId: string; customerId: string }[]
        >(`SELECT "orderId", "customerId" FROM "SyncOrderStage" LIMIT 1`);
        if (!row) return void (fired = null);
        await h.core.createOrder({
          customerId: `gid://shopify/Customer/${row.customerId}`,
          lines: [{ variantId, quantity: 1 }],
        });
        await h.core.fulfillOrder(`gid://shopify/Order/${row.orderId}`, {
          company: "ヤマト運輸",
          number: "123456789012",
        });
        // As the webhook job does: a handler whose transaction meets the sync's write between its
        // read and its write fails with SQLITE_BUSY (WAL snapshot), and the job queue runs it again.
        for (const e of deliveries.splice(0)) {
          for (let attempt = 1; ; attempt++) {
            try {
              await topicHandlers[e.topic]?.(
                prisma,
                h.shop,
                e.payload as never,
              );
              break;
            } catch (error) {
              if (
                attempt >= 8 ||
                !/SQLITE_BUSY|database is locked/.test(String(error))
              )
                throw error;
              await new Promise((r) => setTimeout(r, 20 * attempt));
            }
          }
        }
      })();
    }, 1);
    await applyCustomerSync(prisma, id, h.graphql, h.fetchFile, {
      deferIndexFrom: 1,
      mergeRangeOrders: 300,
    });
    clearInterval(watch);
    expect(fired).not.toBeNull();
    await fired;
    const incremental = await tables(h.shop);
    await resetDatabase(prisma);
    await h.sync();
    expect(incremental).toEqual(await tables(h.shop));
  });

  it("goes on moving staged orders in after a failure half-way, from the last range it finished", async () => {
    if (!sqlite) return;
    const h = harness();
    const { rowByRow, id } = await rowByRowThenReady(h);
    // The disk fills up on an order of the middle ranges.
    const ids = h.core.state.orders
      .filter((o) => o.customerId)
      .map((o) => String(o.legacyId))
      .sort();
    const victim = ids[Math.floor(ids.length * 0.6)];
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER "full" BEFORE INSERT ON "Order" WHEN NEW."orderId" = '${victim}' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
    );
    await expect(
      applyCustomerSync(prisma, id, h.graphql, h.fetchFile, {
        deferIndexFrom: 1,
        mergeRangeOrders: 300,
      }),
    ).rejects.toThrow(/disk is full/);
    const stopped = await prisma.syncRun.findUniqueOrThrow({ where: { id } });
    expect(stopped.stageMergedTo! < victim).toBe(true);
    expect(await staged()).toBeGreaterThan(0);
    expect(await indexes()).not.toContain(null);
    expect(
      await prisma.order.count({ where: { shop: h.shop } }),
    ).toBeGreaterThan(0);
    await prisma.$executeRawUnsafe(`DROP TRIGGER "full"`);
    // Counts the order rows written a second time.
    await prisma.$executeRawUnsafe(`CREATE TABLE "again" ("orderId" TEXT)`);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER "again" AFTER UPDATE ON "Order" BEGIN INSERT INTO "again" VALUES (NEW."orderId"); END`,
    );
    // The job runs again: nothing left to read, the rest of the stage moves in.
    await applyCustomerSync(prisma, id, h.graphql, h.fetchFile, {
      deferIndexFrom: 1,
      mergeRangeOrders: 300,
    });
    expect(await tables(h.shop)).toEqual(rowByRow);
    expect(await staged()).toBe(0);
    // The ranges moved before the failure were not moved again.
    const again = await prisma.$queryRawUnsafe<unknown[]>(
      `SELECT "orderId" FROM "again"`,
    );
    await prisma.$executeRawUnsafe(`DROP TRIGGER "again"`);
    await prisma.$executeRawUnsafe(`DROP TABLE "again"`);
    expect(again).toEqual([]);
  });

  it("puts the indexes back when the sync fails half-way, and migrations put them back after a crash", async () => {
    if (!sqlite) return;
    const shop = "broken.myshopify.com";
    const customer = (n: number) =>
      JSON.stringify({
        id: `gid://shopify/Customer/${n}`,
        firstName: `C${n}`,
        locale: "ja",
        state: "ENABLED",
        tags: [],
        updatedAt: "2026-10-01T00:00:00Z",
      });
    const lines = [
      ...Array.from({ length: 3_000 }, (_, i) => customer(i + 1)),
      "{not json",
      customer(3_001),
    ];
    const run = await prisma.syncRun.create({
      data: {
        shop,
        status: "downloading",
        bulkOperationId: "gid://shopify/BulkOperation/78",
      },
    });
    const graphql = async () =>
      new Response(
        JSON.stringify({
          data: {
            node: {
              status: "COMPLETED",
              objectCount: String(lines.length),
              url: "http://bulk.test/78.jsonl",
            },
          },
        }),
      );
    const fetchFile = (async () =>
      new Response(lines.join("\n") + "\n")) as unknown as typeof fetch;
    await expect(
      applyCustomerSync(prisma, run.id, graphql, fetchFile, {
        deferIndexFrom: 1,
      }),
    ).rejects.toThrow(/not JSON/);
    expect(await indexes()).not.toContain(null);
    // A process that died mid-sync never rebuilt them: the next migrate does.
    for (const d of Object.values(DEFERRED_INDEXES))
      await prisma.$executeRawUnsafe(`DROP INDEX "${d.name}"`);
    await migrate(process.env.DATABASE_URL!, () => undefined);
    expect(await indexes()).not.toContain(null);
  });
});
