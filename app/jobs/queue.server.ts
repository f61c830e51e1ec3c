import { Prisma, type PrismaClient } from "@prisma/client";
import { LEASE_MS, retryDelayMs } from "./backoff";
import { NOT_CONNECTED } from "../shops/connection";

/**
 * A durable job table. Execution is at least once: a job is claimed (locked) by one worker,
 * and if that worker dies before `completeJob`, the lease runs out and another worker takes it.
 * Handlers must therefore be idempotent; `key` makes enqueueing idempotent.
 */

export interface JobRow {
  id: string;
  shop: string;
  type: string;
  key: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
}

export interface EnqueueInput {
  shop: string;
  type: string;
  key: string;
  payload: unknown;
  runAt?: Date;
  maxAttempts?: number;
}

type Db = PrismaClient | Prisma.TransactionClient;

/** Returns false when a job with the same key already exists (nothing is written). */
export async function enqueueJob(
  db: Db,
  input: EnqueueInput,
): Promise<boolean> {
  try {
    await db.job.create({
      data: {
        shop: input.shop,
        type: input.type,
        key: input.key,
        payload: JSON.stringify(input.payload),
        runAt: input.runAt ?? new Date(),
        maxAttempts: input.maxAttempts ?? 8,
      },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002"
  );
}

const SELECT = {
  id: true,
  shop: true,
  type: true,
  key: true,
  payload: true,
  attempts: true,
  maxAttempts: true,
} as const;

/**
 * Claims up to `limit` due jobs for `workerId`. On PostgreSQL several workers claim
 * concurrently with FOR UPDATE SKIP LOCKED; SQLite serialises writers, so a conditional update
 * inside a transaction is enough there.
 */
export async function claimJobs(
  db: PrismaClient,
  workerId: string,
  limit: number,
  now = new Date(),
): Promise<JobRow[]> {
  const staleBefore = new Date(now.getTime() - LEASE_MS);
  if (isPostgres(db)) {
    return db.$queryRaw<JobRow[]>`
      UPDATE "Job" SET status = 'running', "lockedBy" = ${workerId}, "lockedAt" = ${now}, attempts = attempts + 1, "updatedAt" = ${now}
      WHERE id IN (
        SELECT id FROM "Job"
        WHERE (status = 'queued' AND "runAt" <= ${now}) OR (status = 'running' AND "lockedAt" < ${staleBefore})
        ORDER BY "runAt" ASC
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, shop, type, key, payload, attempts, "maxAttempts"`;
  }
  return db.$transaction(async (tx) => {
    // Two index range reads rather than one OR: with an OR, SQLite scans the whole table to sort
    // by runAt, which grows with every finished job (259/s instead of ~430/s at 100k jobs).
    const queued = await tx.job.findMany({
      where: { status: "queued", runAt: { lte: now } },
      orderBy: { runAt: "asc" },
      take: limit,
      select: { id: true, runAt: true },
    });
    const stale = await tx.job.findMany({
      where: { status: "running", lockedAt: { lt: staleBefore } },
      orderBy: { runAt: "asc" },
      take: limit,
      select: { id: true, runAt: true },
    });
    const due = [...queued, ...stale]
      .sort((a, b) => a.runAt.getTime() - b.runAt.getTime())
      .slice(0, limit);
    if (due.length === 0) return [];
    await tx.job.updateMany({
      where: { id: { in: due.map((d) => d.id) } },
      data: {
        status: "running",
        lockedBy: workerId,
        lockedAt: now,
        attempts: { increment: 1 },
      },
    });
    return tx.job.findMany({
      where: { id: { in: due.map((d) => d.id) }, lockedBy: workerId },
      select: SELECT,
    });
  });
}

export async function completeJob(
  db: PrismaClient,
  id: string,
  workerId: string,
): Promise<void> {
  await db.job.updateMany({
    where: { id, lockedBy: workerId },
    data: {
      status: "done",
      finishedAt: new Date(),
      lockedBy: null,
      lockedAt: null,
      lastError: null,
    },
  });
}

/** Completes several jobs with one statement (batch handlers). */
export async function completeJobs(
  db: PrismaClient,
  ids: string[],
  workerId: string,
): Promise<void> {
  if (!ids.length) return;
  await completeJobsOp(db, ids, workerId);
}

/**
 * The statement that completes jobs, for a handler to put in its own transaction: the job is done
 * exactly when the handler's results are committed, and one commit (one fsync) is saved.
 */
export function completeJobsOp(
  db: PrismaClient,
  ids: string[],
  workerId: string,
) {
  return db.job.updateMany({
    where: { id: { in: ids }, lockedBy: workerId },
    data: {
      status: "done",
      finishedAt: new Date(),
      lockedBy: null,
      lockedAt: null,
      lastError: null,
    },
  });
}

/**
 * What went wrong, as a line for the merchant's task list and the log: an Error's message, or
 * the status of a Response a library threw instead ("[object Response]" said nothing).
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error instanceof Response)
    return `HTTP ${error.status}${error.statusText ? ` ${error.statusText}` : ""}`;
  return String(error);
}

/** A failed attempt: retry later with backoff, or give up ("dead") after maxAttempts, keeping the reason. */
export async function failJob(
  db: PrismaClient,
  job: JobRow,
  workerId: string,
  error: unknown,
  now = new Date(),
): Promise<"retry" | "dead"> {
  const message = errorText(error);
  const dead =
    job.attempts >= job.maxAttempts || error instanceof PermanentJobError;
  await db.job.updateMany({
    where: { id: job.id, lockedBy: workerId },
    data: dead
      ? {
          status: "dead",
          lastError: message.slice(0, 2000),
          lockedBy: null,
          lockedAt: null,
          finishedAt: now,
        }
      : {
          status: "queued",
          lastError: message.slice(0, 2000),
          lockedBy: null,
          lockedAt: null,
          runAt: new Date(now.getTime() + retryDelayMs(job.attempts)),
        },
  });
  return dead ? "dead" : "retry";
}

/** Moves a dead job back to the queue (admin "retry" button). */
export async function retryDeadJob(
  db: PrismaClient,
  shop: string,
  id: string,
): Promise<boolean> {
  const result = await db.job.updateMany({
    where: { id, shop, status: "dead" },
    data: {
      status: "queued",
      attempts: 0,
      runAt: new Date(),
      finishedAt: null,
    },
  });
  return result.count === 1;
}

/**
 * After the app reconnects to a shop (a new token exchanged): its jobs that failed for want of
 * one run now, from a fresh count of attempts, dead or still waiting.
 */
export async function releaseWaitingJobs(
  db: PrismaClient,
  shop: string,
  now = new Date(),
): Promise<number> {
  const result = await db.job.updateMany({
    where: {
      shop,
      status: { in: ["queued", "dead"] },
      lastError: { startsWith: NOT_CONNECTED },
    },
    data: { status: "queued", attempts: 0, runAt: now, finishedAt: null },
  });
  return result.count;
}

/** Thrown by a handler when retrying cannot help (bad payload): the job goes straight to dead. */
export class PermanentJobError extends Error {}

function isPostgres(db: PrismaClient): boolean {
  // The adapter's provider tells which SQL dialect the client speaks.
  const provider = (
    db as unknown as { _engineConfig?: { activeProvider?: string } }
  )._engineConfig?.activeProvider;
  return provider === "postgresql";
}
