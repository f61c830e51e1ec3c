import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { parseSyncLine } from "./bulk-rows";
import { syncError, truncatedDetail } from "./sync-errors";
import { isUniqueViolation } from "../jobs/queue.server";
import {
  syncWriterFor,
  type SyncBatch,
  type SyncWriterOptions,
} from "./sync-writer.server";
import type { GraphQL } from "../admin-graphql";

/**
 * Full customer sync through a bulk operation:
 *   start -> Shopify runs the query -> bulk_operations/finish -> a job downloads the JSONL,
 *   checks its line count against objectCount (a truncated file applies nothing), then applies
 *   it in batches, each batch in one transaction with the progress mark, so a restart resumes
 *   where it stopped and a rerun gives the same tables.
 */

export const CUSTOMER_SYNC_QUERY = `#graphql
  query CustomerSync {
    customers {
      edges {
        node {
          id
          firstName
          lastName
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

export async function latestSync(db: PrismaClient, shop: string) {
  return db.syncRun.findFirst({
    where: { shop, kind: "customers" },
    orderBy: { startedAt: "desc" },
    select: {
      id: true,
      status: true,
      objectCount: true,
      linesApplied: true,
      customers: true,
      orders: true,
      error: true,
      startedAt: true,
      finishedAt: true,
    },
  });
}

/** Starts a sync unless one is under way; returns the run. */
export async function startCustomerSync(
  db: PrismaClient,
  shop: string,
  graphql: GraphQL,
) {
  const activeKey = `${shop}:customers`;
  let run: { id: string };
  try {
    // The unique activeKey makes two simultaneous starts (e.g. two first requests) one run.
    run = await db.syncRun.create({
      data: { shop, status: "running", activeKey },
      select: { id: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const active = await db.syncRun.findUniqueOrThrow({
      where: { activeKey },
      select: { id: true },
    });
    return { id: active.id, started: false };
  }
  const response = await graphql(RUN_BULK, {
    variables: { query: CUSTOMER_SYNC_QUERY.replace("#graphql", "") },
  });
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
    await fail(
      db,
      run.id,
      syncError("not_started", userErrors.map((e) => e.message).join("; ")),
    );
    return { id: run.id, started: false };
  }
  await db.syncRun.update({
    where: { id: run.id },
    data: { bulkOperationId: bulkOperation.id },
  });
  return { id: run.id, started: true };
}

/**
 * bulk_operations/finish: hand a completed run to the apply job, or record why it failed and say
 * whether to try again (at most three failed runs an hour, so a persistent fault stops).
 */
export async function onBulkFinished(
  db: PrismaClient,
  shop: string,
  payload: {
    admin_graphql_api_id: string;
    status: string;
    error_code: string | null;
  },
): Promise<{ apply: string } | { retry: boolean } | null> {
  const run = await db.syncRun.findFirst({
    where: { shop, bulkOperationId: payload.admin_graphql_api_id },
    select: { id: true, status: true },
  });
  if (!run || run.status !== "running") return null;
  if (payload.status !== "completed") {
    await db.syncRun.update({
      where: { id: run.id },
      data: {
        status: "failed",
        activeKey: null,
        error: syncError(
          "export_failed",
          [payload.status, payload.error_code].filter(Boolean).join(", "),
        ),
        finishedAt: new Date(),
      },
    });
    const recentFailures = await db.syncRun.count({
      where: {
        shop,
        status: "failed",
        finishedAt: { gte: new Date(Date.now() - 3_600_000) },
      },
    });
    return { retry: recentFailures < 3 };
  }
  await db.syncRun.update({
    where: { id: run.id },
    data: { status: "downloading" },
  });
  return { apply: run.id };
}

/** The apply job: download, verify, apply in resumable batches. */
export async function applyCustomerSync(
  db: PrismaClient,
  runId: string,
  graphql: GraphQL,
  fetchFile: typeof fetch = fetch,
  options: SyncWriterOptions = {},
) {
  const run = await db.syncRun.findUnique({
    where: { id: runId },
    select: {
      shop: true,
      status: true,
      bulkOperationId: true,
      linesApplied: true,
    },
  });
  if (
    !run ||
    !run.bulkOperationId ||
    !["downloading", "applying"].includes(run.status)
  )
    return;
  const response = await graphql(BULK_STATUS, {
    variables: { id: run.bulkOperationId },
  });
  const status = z
    .object({
      data: z.object({
        node: z
          .object({
            status: z.string(),
            objectCount: z.string(),
            url: z.string().url().nullable(),
          })
          .nullable(),
      }),
    })
    .parse(await response.json()).data.node;
  if (!status || status.status !== "COMPLETED" || !status.url)
    return fail(
      db,
      runId,
      syncError("export_failed", status?.status ?? "missing"),
    );
  const expected = Number(status.objectCount);

  const dir = await mkdtemp(path.join(tmpdir(), "tsunagu-sync-"));
  try {
    const file = path.join(dir, "result.jsonl");
    const download = await fetchFile(status.url);
    if (!download.ok || !download.body)
      throw new Error(`download failed: HTTP ${download.status}`);
    const counter = lineCounter();
    await pipeline(
      Readable.fromWeb(download.body as WebReadableStream),
      counter,
      createWriteStream(file),
    );
    const lines = counter.lines();
    if (lines !== expected)
      return fail(
        db,
        runId,
        syncError("truncated", truncatedDetail(lines, expected)),
      );
    await db.syncRun.update({
      where: { id: runId },
      data: { status: "applying", objectCount: expected },
    });

    // Batches end just before a customer line, so a customer and the orders and metafields that
    // follow it are written together; the progress mark is the last line of the batch.
    let index = 0;
    let batch = newBatch();
    const writer = await syncWriterFor(
      db,
      expected - run.linesApplied,
      options,
    );
    try {
      for await (const lines of readLines(file))
        for (const line of lines) {
          if (!line.trim()) continue;
          index++;
          if (index <= run.linesApplied) continue; // applied before a restart
          const row = parseSyncLine(line);
          if ("customer" in row && batch.lines >= writer.batchLines) {
            await writer.write(run.shop, runId, batch, index - 1, new Date());
            batch = newBatch();
          }
          batch.lines++;
          if ("customer" in row)
            batch.customers.set(row.customer.customerId, {
              ...row.customer,
              metafields: {},
            });
          else if ("order" in row) batch.orders.push(row.order);
          else {
            const parent = batch.customers.get(row.metafield.customerId);
            if (parent)
              parent.metafields[
                `${row.metafield.namespace}.${row.metafield.key}`
              ] = row.metafield.value;
            else batch.orphanMetafields.push(row.metafield);
          }
        }
      await writer.write(run.shop, runId, batch, index, new Date());
      await writer.finish();
    } finally {
      await writer.close();
    }
    await db.syncRun.update({
      where: { id: runId },
      data: {
        status: "completed",
        activeKey: null,
        finishedAt: new Date(),
        error: null,
      },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function fail(db: PrismaClient, runId: string, error: string) {
  await db.syncRun.update({
    where: { id: runId },
    data: { status: "failed", activeKey: null, error, finishedAt: new Date() },
  });
}

function newBatch(): SyncBatch {
  return { lines: 0, customers: new Map(), orders: [], orphanMetafields: [] };
}

/**
 * Lines of a UTF-8 file, a megabyte's worth at a time, split on raw bytes (readline's per-line
 * overhead was seconds per million lines).
 */
async function* readLines(file: string): AsyncGenerator<string[]> {
  let rest: Buffer | null = null;
  for await (const chunk of createReadStream(file, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    const buf: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    const lines: string[] = [];
    let start = 0;
    for (
      let nl = buf.indexOf(10, start);
      nl >= 0;
      nl = buf.indexOf(10, start)
    ) {
      lines.push(
        buf.toString(
          "utf8",
          start,
          nl > start && buf[nl - 1] === 13 ? nl - 1 : nl,
        ),
      );
      start = nl + 1;
    }
    rest = start < buf.length ? buf.subarray(start) : null;
    yield lines;
  }
  if (rest?.length) yield [rest.toString("utf8")];
}

/**
 * Counts non-empty lines of the bytes passing through (the download), so no second read is
 * needed. Jumps from newline to newline (Buffer.indexOf) and looks at the bytes of a line only
 * until the first one that is not blank, which for JSONL is the first.
 */
function lineCounter(): Transform & { lines: () => number } {
  let lines = 0;
  let lineHasContent = false;
  const blank = (byte: number) => byte === 13 || byte === 32 || byte === 9;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let start = 0;
      while (start < chunk.length) {
        const nl = chunk.indexOf(10, start);
        const end = nl < 0 ? chunk.length : nl;
        for (let i = start; !lineHasContent && i < end; i++)
          if (!blank(chunk[i])) lineHasContent = true;
        if (nl < 0) break;
        if (lineHasContent) lines++;
        lineHasContent = false;
        start = nl + 1;
      }
      done(null, chunk);
    },
  });
  return Object.assign(counter, {
    lines: () => lines + (lineHasContent ? 1 : 0),
  });
}
