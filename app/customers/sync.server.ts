import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { Prisma, type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { parseSyncLine, type SyncedCustomer, type SyncedMetafield, type SyncedOrder } from "./bulk-rows";
import { isUniqueViolation } from "../jobs/queue.server";

/**
 * Full customer sync through a bulk operation:
 *   start -> Shopify runs the query -> bulk_operations/finish -> a job downloads the JSONL,
 *   checks its line count against objectCount (a truncated file applies nothing), then applies
 *   it in batches, each batch in one transaction with the progress mark, so a restart resumes
 *   where it stopped and a rerun gives the same tables.
 */
type GraphQL = (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response>;

export const CUSTOMER_SYNC_QUERY = `#graphql
  query CustomerSync {
    customers {
      edges {
        node {
          id
          firstName
          locale
          state
          tags
          updatedAt
          defaultEmailAddress { emailAddress marketingState }
          defaultPhoneNumber { phoneNumber marketingState }
          metafields {
            edges {
              node { id namespace key value }
            }
          }
          orders {
            edges {
              node {
                id
                name
                processedAt
                updatedAt
                customerLocale
                displayFinancialStatus
                displayFulfillmentStatus
                currentTotalPriceSet { shopMoney { amount currencyCode } }
              }
            }
          }
        }
      }
    }
  }
`;

const RUN_BULK = `#graphql
  mutation StartCustomerSync($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message }
    }
  }
`;

const BULK_STATUS = `#graphql
  query CustomerSyncStatus($id: ID!) {
    node(id: $id) {
      ... on BulkOperation { id status errorCode objectCount url }
    }
  }
`;

const BATCH = 500;

export async function latestSync(db: PrismaClient, shop: string) {
  return db.syncRun.findFirst({
    where: { shop, kind: "customers" },
    orderBy: { startedAt: "desc" },
    select: { id: true, status: true, objectCount: true, linesApplied: true, customers: true, orders: true, error: true, startedAt: true, finishedAt: true },
  });
}

/** Starts a sync unless one is under way; returns the run. */
export async function startCustomerSync(db: PrismaClient, shop: string, graphql: GraphQL) {
  const activeKey = `${shop}:customers`;
  let run: { id: string };
  try {
    // The unique activeKey makes two simultaneous starts (e.g. two first requests) one run.
    run = await db.syncRun.create({ data: { shop, status: "running", activeKey }, select: { id: true } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const active = await db.syncRun.findUniqueOrThrow({ where: { activeKey }, select: { id: true } });
    return { id: active.id, started: false };
  }
  const response = await graphql(RUN_BULK, { variables: { query: CUSTOMER_SYNC_QUERY.replace("#graphql", "") } });
  const body = z
    .object({
      data: z.object({
        bulkOperationRunQuery: z.object({
          bulkOperation: z.object({ id: z.string() }).nullable(),
          userErrors: z.array(z.object({ message: z.string() })),
        }),
      }),
    })
    .parse(await response.json());
  const { bulkOperation, userErrors } = body.data.bulkOperationRunQuery;
  if (!bulkOperation) {
    await fail(db, run.id, userErrors.map((e) => e.message).join("; ") || "bulk operation was not started");
    return { id: run.id, started: false };
  }
  await db.syncRun.update({ where: { id: run.id }, data: { bulkOperationId: bulkOperation.id } });
  return { id: run.id, started: true };
}

/**
 * bulk_operations/finish: hand a completed run to the apply job, or record why it failed and say
 * whether to try again (at most three failed runs an hour, so a persistent fault stops).
 */
export async function onBulkFinished(
  db: PrismaClient,
  shop: string,
  payload: { admin_graphql_api_id: string; status: string; error_code: string | null },
): Promise<{ apply: string } | { retry: boolean } | null> {
  const run = await db.syncRun.findFirst({ where: { shop, bulkOperationId: payload.admin_graphql_api_id }, select: { id: true, status: true } });
  if (!run || run.status !== "running") return null;
  if (payload.status !== "completed") {
    await db.syncRun.update({
      where: { id: run.id },
      data: { status: "failed", activeKey: null, error: `bulk operation ${payload.status}${payload.error_code ? ` (${payload.error_code})` : ""}`, finishedAt: new Date() },
    });
    const recentFailures = await db.syncRun.count({ where: { shop, status: "failed", finishedAt: { gte: new Date(Date.now() - 3_600_000) } } });
    return { retry: recentFailures < 3 };
  }
  await db.syncRun.update({ where: { id: run.id }, data: { status: "downloading" } });
  return { apply: run.id };
}

/** The apply job: download, verify, apply in resumable batches. */
export async function applyCustomerSync(db: PrismaClient, runId: string, graphql: GraphQL, fetchFile: typeof fetch = fetch) {
  const run = await db.syncRun.findUnique({ where: { id: runId }, select: { shop: true, status: true, bulkOperationId: true, linesApplied: true } });
  if (!run || !run.bulkOperationId || !["downloading", "applying"].includes(run.status)) return;
  const response = await graphql(BULK_STATUS, { variables: { id: run.bulkOperationId } });
  const status = z
    .object({ data: z.object({ node: z.object({ status: z.string(), objectCount: z.string(), url: z.string().url().nullable() }).nullable() }) })
    .parse(await response.json()).data.node;
  if (!status || status.status !== "COMPLETED" || !status.url) return fail(db, runId, `bulk operation is ${status?.status ?? "missing"}`);
  const expected = Number(status.objectCount);

  const dir = await mkdtemp(path.join(tmpdir(), "tsunagu-sync-"));
  try {
    const file = path.join(dir, "result.jsonl");
    const download = await fetchFile(status.url);
    if (!download.ok || !download.body) throw new Error(`download failed: HTTP ${download.status}`);
    await pipeline(Readable.fromWeb(download.body as WebReadableStream), createWriteStream(file));
    let lines = 0;
    for await (const line of createInterface({ input: createReadStream(file) })) if (line.trim()) lines++;
    if (lines !== expected) return fail(db, runId, `result file is truncated: ${lines} of ${expected} lines; nothing was applied`);
    await db.syncRun.update({ where: { id: runId }, data: { status: "applying", objectCount: expected } });

    let index = 0;
    let customers: SyncedCustomer[] = [];
    let orders: SyncedOrder[] = [];
    let metafields: SyncedMetafield[] = [];
    for await (const line of createInterface({ input: createReadStream(file) })) {
      if (!line.trim()) continue;
      index++;
      if (index <= run.linesApplied) continue; // applied before a restart
      const row = parseSyncLine(line);
      if ("customer" in row) customers.push(row.customer);
      else if ("order" in row) orders.push(row.order);
      else metafields.push(row.metafield);
      if (customers.length + orders.length + metafields.length >= BATCH) {
        await applyBatch(db, run.shop, runId, { customers, orders, metafields }, index);
        customers = [];
        orders = [];
        metafields = [];
      }
    }
    await applyBatch(db, run.shop, runId, { customers, orders, metafields }, index);
    await db.syncRun.update({ where: { id: runId }, data: { status: "completed", activeKey: null, finishedAt: new Date(), error: null } });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function fail(db: PrismaClient, runId: string, error: string) {
  await db.syncRun.update({ where: { id: runId }, data: { status: "failed", activeKey: null, error, finishedAt: new Date() } });
}

async function applyBatch(
  db: PrismaClient,
  shop: string,
  runId: string,
  { customers, orders, metafields }: { customers: SyncedCustomer[]; orders: SyncedOrder[]; metafields: SyncedMetafield[] },
  linesApplied: number,
) {
  await db.$transaction(async (tx) => {
    // A webhook that arrived after Shopify took the snapshot is newer than the snapshot: keep it.
    const storedUpdatedAt = async (table: "customer" | "order", ids: string[]) => {
      const rows =
        table === "customer"
          ? await tx.customer.findMany({ where: { shop, customerId: { in: ids } }, select: { customerId: true, shopifyUpdatedAt: true } })
          : (await tx.order.findMany({ where: { shop, orderId: { in: ids } }, select: { orderId: true, shopifyUpdatedAt: true } })).map((r) => ({ customerId: r.orderId, shopifyUpdatedAt: r.shopifyUpdatedAt }));
      return new Map(rows.map((r) => [r.customerId, r.shopifyUpdatedAt]));
    };
    const isStale = (stored: Date | null | undefined, incoming: Date | null) => Boolean(stored && incoming && stored > incoming);
    const storedCustomers = await storedUpdatedAt("customer", customers.map((c) => c.customerId));
    for (const c of customers) {
      const { customerId, ...data } = c;
      if (isStale(storedCustomers.get(customerId), data.shopifyUpdatedAt)) continue;
      // A customer's metafields follow its line; start from none so deleted ones disappear.
      await tx.customer.upsert({ where: { shop_customerId: { shop, customerId } }, create: { shop, customerId, ...data }, update: { ...data, metafields: "{}" } });
    }
    const byCustomer = new Map<string, SyncedMetafield[]>();
    for (const m of metafields) byCustomer.set(m.customerId, [...(byCustomer.get(m.customerId) ?? []), m]);
    for (const [customerId, list] of byCustomer) {
      const row = await tx.customer.findUnique({ where: { shop_customerId: { shop, customerId } }, select: { metafields: true } });
      if (!row) continue;
      const merged = { ...(JSON.parse(row.metafields) as Record<string, string>), ...Object.fromEntries(list.map((m) => [`${m.namespace}.${m.key}`, m.value])) };
      await tx.customer.update({ where: { shop_customerId: { shop, customerId } }, data: { metafields: JSON.stringify(merged) } });
    }
    const storedOrders = await storedUpdatedAt("order", orders.map((o) => o.orderId));
    for (const o of orders) {
      const { orderId, totalPrice, ...data } = o;
      if (isStale(storedOrders.get(orderId), data.shopifyUpdatedAt)) continue;
      const row = { ...data, totalPrice: new Prisma.Decimal(totalPrice) };
      await tx.order.upsert({ where: { shop_orderId: { shop, orderId } }, create: { shop, orderId, ...row }, update: row });
    }
    const touched = [...new Set([...customers.map((c) => c.customerId), ...orders.map((o) => o.customerId)])];
    for (const customerId of touched) await refreshOrderFacts(tx, shop, customerId);
    await tx.syncRun.update({
      where: { id: runId },
      data: { linesApplied, customers: { increment: customers.length }, orders: { increment: orders.length } },
    });
  }, { timeout: 60_000 });
}

/** A customer's order facts, recomputed from the stored orders (shared with the webhook path). */
export async function refreshOrderFacts(db: Prisma.TransactionClient | PrismaClient, shop: string, customerId: string, locale?: string | null) {
  // Like Shopify's numberOfOrders every order counts; refunded and voided ones add nothing to amount spent.
  const [all, paid] = await Promise.all([
    db.order.aggregate({ where: { shop, customerId }, _count: { _all: true }, _min: { processedAt: true }, _max: { processedAt: true } }),
    db.order.aggregate({ where: { shop, customerId, financialStatus: { notIn: ["voided", "refunded"] } }, _sum: { totalPrice: true } }),
  ]);
  const facts = {
    ordersCount: all._count._all,
    amountSpent: paid._sum.totalPrice ?? new Prisma.Decimal(0),
    firstOrderAt: all._min.processedAt,
    lastOrderAt: all._max.processedAt,
  };
  await db.customer.upsert({
    where: { shop_customerId: { shop, customerId } },
    create: { shop, customerId, locale: locale ?? null, ...facts },
    update: facts,
  });
}
