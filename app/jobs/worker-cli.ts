/**
 * `npm run worker`: works the job table until SIGINT/SIGTERM. Several may run at once (on
 * PostgreSQL they claim rows with SKIP LOCKED). A job in hand when the process dies is taken
 * again by another worker once its lease expires: execution is at least once.
 */
import prisma from "../db.server";
import { jobHandlers } from "./handlers.server";
import { startWorker } from "./worker.server";

const worker = startWorker({ db: prisma, handlers: jobHandlers(prisma), log: (line) => console.warn(`[jobs] ${line}`) });
console.log(`[jobs] worker ${process.pid} started`);

const stop = async () => {
  await worker.stop();
  await prisma.$disconnect();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
