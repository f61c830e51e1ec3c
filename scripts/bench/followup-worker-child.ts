/** A second worker process for bench:followups (env: DATABASE_URL, FOLLOWUP_SMTP_URL, ...). Stops on "stop". */
const { default: prisma } = await import("../../app/db.server");
const { jobHandlers } = await import("../../app/jobs/handlers.server");
const { startWorker } = await import("../../app/jobs/worker.server");
const loops = Number(process.env.BENCH_LOOPS ?? 2);
const batchSize = Number(process.env.BENCH_BATCH ?? 100);
const worker = startWorker({
  db: prisma,
  handlers: jobHandlers(prisma),
  workerId: `bench-child-${process.pid}`,
  loops,
  batchSize,
});
process.send?.({ ready: true });
process.on("message", async (m: { type: string }) => {
  if (m.type !== "stop") return;
  await worker.stop();
  await prisma.$disconnect();
  process.exit(0);
});
export {};
