import type { PrismaClient } from "@prisma/client";
import { env } from "../env.server";
import type { SyncedCustomer, SyncedMetafield, SyncedOrder } from "./bulk-rows";
import {
  refreshOrderFactsFor,
  upsertCustomersPostgres,
  upsertOrdersPostgres,
} from "./sync-sql.server";
import { refreshContributions, statsContext } from "../dashboard/stats.server";

/** One batch of the bulk file: customers with their metafields, their orders, stray metafields. */
export interface SyncBatch {
  lines: number;
  customers: Map<
    string,
    SyncedCustomer & { metafields: Record<string, string> }
  >;
  orders: SyncedOrder[];
  orphanMetafields: SyncedMetafield[];
}

/**
 * Writes a batch and its progress mark in one transaction. A writer may still be writing when
 * write() returns (the SQLite writer works on its own thread); finish() waits for everything
 * written so far and throws the first failure; close() releases the connection.
 */
export interface SyncWriter {
  /** Lines per batch (a batch also ends only before a customer line). */
  batchLines: number;
  write(
    shop: string,
    runId: string,
    batch: SyncBatch,
    linesApplied: number,
    now: Date,
  ): Promise<void>;
  finish(): Promise<void>;
  close(): Promise<void> | void;
}

const CHUNK = 500;
const JSON_CHUNK = 5_000;

export interface SyncWriterOptions {
  /** SQLite: from how many lines a sync builds the recency index at the end (tests lower it). */
  deferIndexFrom?: number;
  /** SQLite: orders per range when staged orders are moved in (tests lower it). */
  mergeRangeOrders?: number;
}

/**
 * SQLite gets the direct prepared-statement writer; PostgreSQL set-based statements through Prisma.
 * `lines` is how many lines the run will still apply (the SQLite writer decides from it whether
 * to build the recency index once at the end instead of row by row).
 */
export async function syncWriterFor(
  db: PrismaClient,
  lines = 0,
  options: SyncWriterOptions = {},
): Promise<SyncWriter> {
  const url = env().DATABASE_URL;
  if (url.startsWith("file:")) {
    const { sqliteSyncWriter } = await import("./sync-sqlite.server");
    // The context is per shop; a writer serves one run of one shop.
    // Small batches: the rows of two batches are in memory at once (one written, one parsed), and
    // random index pages cost the same per insert whatever the batch size.
    return lazyContext(
      db,
      (ctx) =>
        sqliteSyncWriter(url.slice("file:".length), ctx, { lines, ...options }),
      1_000,
    );
  }
  return prismaSyncWriter(db);
}

/** Opens the writer on the first batch, when the shop (and so its calendar) is known. */
function lazyContext(
  db: PrismaClient,
  open: (ctx: Awaited<ReturnType<typeof statsContext>>) => SyncWriter,
  batchLines: number,
): SyncWriter {
  let writer: SyncWriter | null = null;
  return {
    batchLines,
    async write(shop, runId, batch, linesApplied, now) {
      writer ??= open(await statsContext(db, shop));
      await writer.write(shop, runId, batch, linesApplied, now);
    },
    finish: async () => writer?.finish(),
    close: () => writer?.close(),
  };
}

export function prismaSyncWriter(db: PrismaClient): SyncWriter {
  return {
    // Fewer, larger transactions: each is several set-based round trips to PostgreSQL.
    batchLines: 10_000,
    finish: async () => undefined,
    close: () => undefined,
    async write(shop, runId, batch, linesApplied, now) {
      await db.$transaction(
        async (tx) => {
          const customers = [...batch.customers.values()].map((c) => ({
            ...c,
            metafields: JSON.stringify(c.metafields),
          }));
          // One JSON parameter per statement: no bound-parameter limit, so larger chunks.
          for (let i = 0; i < customers.length; i += JSON_CHUNK)
            await upsertCustomersPostgres(
              tx,
              shop,
              customers.slice(i, i + JSON_CHUNK),
              now,
            );
          for (let i = 0; i < batch.orders.length; i += JSON_CHUNK)
            await upsertOrdersPostgres(
              tx,
              shop,
              batch.orders.slice(i, i + JSON_CHUNK),
              now,
            );
          // Metafields whose customer line came in an earlier batch (Shopify does not promise the order).
          for (const m of batch.orphanMetafields) {
            const row = await tx.customer.findUnique({
              where: { shop_customerId: { shop, customerId: m.customerId } },
              select: { metafields: true },
            });
            if (!row) continue;
            const merged = {
              ...(JSON.parse(row.metafields) as Record<string, string>),
              [`${m.namespace}.${m.key}`]: m.value,
            };
            await tx.customer.update({
              where: { shop_customerId: { shop, customerId: m.customerId } },
              data: { metafields: JSON.stringify(merged) },
            });
          }
          const touched = [
            ...new Set([
              ...batch.customers.keys(),
              ...batch.orders.map((o) => o.customerId),
            ]),
          ];
          for (let i = 0; i < touched.length; i += CHUNK)
            await refreshOrderFactsFor(tx, shop, touched.slice(i, i + CHUNK));
          await refreshContributions(tx, shop, touched);
          await tx.syncRun.update({
            where: { id: runId },
            data: {
              linesApplied,
              customers: { increment: customers.length },
              orders: { increment: batch.orders.length },
            },
          });
        },
        { timeout: 120_000 },
      );
    },
  };
}
