/**
 * `npm run worker`: works the job table until SIGINT/SIGTERM, in JOBS_PROCESSES processes (default
 * one per core, at most 4), each with WORKER_DEFAULTS.loops loops. More may run on other machines
 * (on PostgreSQL they claim rows with SKIP LOCKED; on SQLite they share the file's write lock). A
 * job in hand when a process dies is taken again by another once its lease expires: execution is
 * at least once, and a process that dies is restarted.
 */
import { fork, type ChildProcess } from "node:child_process";
import prisma from "../db.server";
import { env } from "../env.server";
import { jobHandlers } from "./handlers.server";
import { startWorker, WORKER_DEFAULTS } from "./worker.server";

const log = (line: string) => console.warn(`[jobs] ${line}`);
const isChild = process.env.TSUNAGU_WORKER_CHILD === "1";
const processes = isChild
  ? 1
  : (env().JOBS_PROCESSES ?? WORKER_DEFAULTS.processes);
let stopping = false;
const children = new Set<ChildProcess>();

function spawnChild(): void {
  const child = fork(process.argv[1], process.argv.slice(2), {
    env: { ...process.env, TSUNAGU_WORKER_CHILD: "1" },
  });
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (stopping) return;
    log(
      `worker process ${child.pid} exited (${signal ?? code}); starting another`,
    );
    setTimeout(spawnChild, 1_000).unref();
  });
}
for (let i = 1; i < processes; i++) spawnChild();

const worker = startWorker({ db: prisma, handlers: jobHandlers(prisma), log });
console.log(
  `[jobs] worker ${process.pid} started${isChild ? "" : ` (${processes} process${processes > 1 ? "es" : ""})`}`,
);

const stop = async () => {
  stopping = true;
  const exited = [...children].map(
    (c) =>
      new Promise((resolve) => (c.once("exit", resolve), c.kill("SIGTERM"))),
  );
  await worker.stop();
  await Promise.all(exited);
  await prisma.$disconnect();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
