import type { PrismaClient } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { claimJobs, completeJob, failJob, type JobRow } from "./queue.server";

export type JobHandler = (job: JobRow & { data: unknown }) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

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
  for (const job of jobs) {
    const handler = opts.handlers[job.type];
    try {
      if (!handler) throw new Error(`no handler for job type "${job.type}"`);
      await handler({ ...job, data: JSON.parse(job.payload) });
      await completeJob(opts.db, job.id, workerId);
    } catch (error) {
      const outcome = await failJob(opts.db, job, workerId, error, opts.now);
      opts.log?.(`job ${job.type} ${job.id} failed (${outcome}): ${error instanceof Error ? error.message : error}`);
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
