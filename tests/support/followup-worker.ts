/**
 * A worker process for the follow-up kill test: runs the due jobs once with the app's real
 * handlers (env: DATABASE_URL, FOLLOWUP_SMTP_URL, SHOPIFY_*), then exits. The test kills it with
 * SIGKILL while the SMTP server holds its message, between send and commit.
 */
const { default: prisma } = await import("../../app/db.server");
const { jobHandlers } = await import("../../app/jobs/handlers.server");
const { runDueJobs } = await import("../../app/jobs/worker.server");
const ran = await runDueJobs({
  db: prisma,
  handlers: jobHandlers(prisma),
  workerId: `kill-test-${process.pid}`,
  now: process.env.WORKER_NOW ? new Date(process.env.WORKER_NOW) : undefined,
});
console.log(JSON.stringify({ ran }));
await prisma.$disconnect();
export {};
