import prisma from "../db.server";
import { env } from "../env.server";
import { jobHandlers } from "./handlers.server";
import { startWorker } from "./worker.server";

declare global {
  var __tsunaguWorker: { stop: () => Promise<void> } | undefined;
}

/** JOBS_WORKER=inline runs the worker inside the web process (demo, single-process hosting). */
export function startInlineWorker(): void {
  if (env().JOBS_WORKER !== "inline" || globalThis.__tsunaguWorker) return;
  globalThis.__tsunaguWorker = startWorker({
    db: prisma,
    handlers: jobHandlers(prisma),
    log: (line) => console.warn(`[jobs] ${line}`),
  });
}
