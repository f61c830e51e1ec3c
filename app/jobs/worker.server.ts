import type { PrismaClient } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { availableParallelism } from "node:os";
import {
  claimJobs,
  completeJob,
  completeJobs,
  completeJobsOp,
  errorText,
  failJob,
  type JobRow,
} from "./queue.server";

export type JobHandler = (job: JobRow & { data: unknown }) => Promise<void>;
/**
 * Runs several claimed jobs of one type together; returns each job's error, or null when done.
 * `complete(ids)` is the statement marking those jobs done, for the handler's own final
 * transaction (jobs it does not complete there are completed after it returns).
 */
export type BatchJobHandler = {
  batch: (
    jobs: (JobRow & { data: unknown })[],
    ctx: { complete: (ids: string[]) => ReturnType<typeof completeJobsOp> },
  ) => Promise<Map<string, Error | null>>;
};
export type JobHandlers = Record<string, JobHandler | BatchJobHandler>;

export interface WorkerOptions {
  db: PrismaClient;
  handlers: JobHandlers;
  workerId?: string;
  batchSize?: number;
  idleMs?: number;
  log?: (line: string) => void;
}

/**
 * What `npm run worker`, the inline worker and bench:followups run: 4 loops per process, each
 * claiming up to 100 due jobs at a time, and (`npm run worker`) one process per core. Several
 * loops keep the SMTP/HTTP calls of one batch overlapping the database work of another; a second
 * process puts the second core to work on rendering and MIME (~480/s → ~600/s on 2 cores).
 */
export const WORKER_DEFAULTS = {
  loops: 4,
  batchSize: 100,
  idleMs: 500,
  processes: Math.min(4, availableParallelism()),
};

/** Runs every due job once; returns how many ran. Used by the worker loop and by tests. */
export async function runDueJobs(
  opts: WorkerOptions & { now?: Date },
): Promise<number> {
  const workerId = opts.workerId ?? `worker-${process.pid}`;
  const jobs = await claimJobs(
    opts.db,
    workerId,
    opts.batchSize ?? WORKER_DEFAULTS.batchSize,
    opts.now,
  );
  const fail = async (job: JobRow, error: unknown) => {
    const outcome = await failJob(opts.db, job, workerId, error, opts.now);
    opts.log?.(
      `job ${job.type} ${job.id} failed (${outcome}): ${errorText(error)}`,
    );
  };
  const batches = new Map<string, (JobRow & { data: unknown })[]>();
  for (const job of jobs) {
    const handler = opts.handlers[job.type];
    let data: unknown;
    try {
      data = JSON.parse(job.payload);
    } catch (error) {
      await fail(job, error);
      continue;
    }
    if (handler && typeof handler === "object") {
      batches.set(job.type, [
        ...(batches.get(job.type) ?? []),
        { ...job, data },
      ]);
      continue;
    }
    try {
      if (!handler) throw new Error(`no handler for job type "${job.type}"`);
      await handler({ ...job, data });
      await completeJob(opts.db, job.id, workerId);
    } catch (error) {
      await fail(job, error);
    }
  }
  for (const [type, group] of batches) {
    let results: Map<string, Error | null>;
    const completedByHandler = new Set<string>();
    try {
      results = await (opts.handlers[type] as BatchJobHandler).batch(group, {
        complete: (ids) => {
          for (const id of ids) completedByHandler.add(id);
          return completeJobsOp(opts.db, ids, workerId);
        },
      });
    } catch (error) {
      for (const job of group) await fail(job, error);
      continue;
    }
    // (A commit saved for the jobs the handler completed in its own transaction.)
    await completeJobs(
      opts.db,
      group
        .filter(
          (j) => results.get(j.id) === null && !completedByHandler.has(j.id),
        )
        .map((j) => j.id),
      workerId,
    );
    for (const job of group) {
      const result = results.get(job.id);
      if (result !== null)
        await fail(job, result ?? new Error("no result for job"));
    }
  }
  return jobs.length;
}

/** Polls until `stop()` with `loops` concurrent loops; a crash of one job never stops a loop. */
export function startWorker(opts: WorkerOptions & { loops?: number }): {
  stop: () => Promise<void>;
} {
  const base =
    opts.workerId ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const count = opts.loops ?? WORKER_DEFAULTS.loops;
  let running = true;
  const wakes = new Set<() => void>();
  const loops = Array.from({ length: count }, async (_, i) => {
    const workerId = count === 1 ? base : `${base}-${i}`;
    while (running) {
      let ran = 0;
      try {
        ran = await runDueJobs({ ...opts, workerId });
      } catch (error) {
        opts.log?.(`worker ${workerId}: ${errorText(error)}`);
      }
      if (ran === 0 && running) {
        await new Promise<void>((resolve) => {
          wakes.add(resolve);
          setTimeout(resolve, opts.idleMs ?? WORKER_DEFAULTS.idleMs);
        });
      }
    }
  });
  return {
    async stop() {
      running = false;
      for (const wake of wakes) wake();
      await Promise.all(loops);
    },
  };
}
