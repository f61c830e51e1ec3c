import type { PrismaClient } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { claimJobs, completeJob, completeJobs, failJob, type JobRow } from "./queue.server";

export type JobHandler = (job: JobRow & { data: unknown }) => Promise<void>;
/** Runs several claimed jobs of one type together; returns each job's error, or null when done. */
export type BatchJobHandler = { batch: (jobs: (JobRow & { data: unknown })[]) => Promise<Map<string, Error | null>> };
export type JobHandlers = Record<string, JobHandler | BatchJobHandler>;

export interface WorkerOptions {
  db: PrismaClient;
  handlers: JobHandlers;
  workerId?: string;
  batchSize?: number;
  idleMs?: number;
  log?: (line: string) => void;
}

/** Runs every due job once; returns how many ran. Used by the worker loop and by tests. */
export async function runDueJobs(opts: WorkerOptions & { now?: Date }): Promise<number> {
  const workerId = opts.workerId ?? `worker-${process.pid}`;
  const jobs = await claimJobs(opts.db, workerId, opts.batchSize ?? 20, opts.now);
  const fail = async (job: JobRow, error: unknown) => {
    const outcome = await failJob(opts.db, job, workerId, error, opts.now);
    opts.log?.(`job ${job.type} ${job.id} failed (${outcome}): ${error instanceof Error ? error.message : error}`);
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
      batches.set(job.type, [...(batches.get(job.type) ?? []), { ...job, data }]);
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
    try {
      results = await (opts.handlers[type] as BatchJobHandler).batch(group);
    } catch (error) {
      for (const job of group) await fail(job, error);
      continue;
    }
    await completeJobs(opts.db, group.filter((j) => results.get(j.id) === null).map((j) => j.id), workerId);
    for (const job of group) {
      const result = results.get(job.id);
      if (result !== null) await fail(job, result ?? new Error("no result for job"));
    }
  }
  return jobs.length;
}

/** Polls until `stop()`; a crash of one job never stops the loop. */
export function startWorker(opts: WorkerOptions): { stop: () => Promise<void> } {
  const workerId = opts.workerId ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  let running = true;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (running) {
      let ran = 0;
      try {
        ran = await runDueJobs({ ...opts, workerId });
      } catch (error) {
        opts.log?.(`worker ${workerId}: ${error instanceof Error ? error.message : error}`);
      }
      if (ran === 0 && running) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, opts.idleMs ?? 500);
        });
      }
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
