/**
 * `npm run bench:followups [-- --jobs 100000 --shops 100 --procs 2 --workers 4 --batch 100]`
 * (the worker's defaults, WORKER_DEFAULTS: what `npm run worker` runs — on 2 cores, 2 processes)
 *
 * Schedules N follow-up messages across S shops (one tracking flow each, every order with its
 * customer), then drains them with the app's job worker and follow-up engine against a real local
 * SMTP server. Prints jobs/s, the p99 lag of each send behind its scheduled time, duplicates
 * (the same message received twice) and lost messages (scheduled but never received). The last
 * line is one JSON object.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { numberArg } from "./cli";

const jobs = numberArg("jobs", 100_000);
const shops = numberArg("shops", 100);
const { WORKER_DEFAULTS } = await import("../app/jobs/worker.server");
const workers = numberArg("workers", WORKER_DEFAULTS.loops);
const batchSize = numberArg("batch", WORKER_DEFAULTS.batchSize);
const procs = numberArg("procs", WORKER_DEFAULTS.processes);
const dir = mkdtempSync(path.join(tmpdir(), "tsunagu-bench-followups-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.sqlite")}`;
process.env.SHOPIFY_API_KEY ??= "bench";
process.env.SHOPIFY_API_SECRET ??= "bench-secret";
process.env.SHOPIFY_APP_URL ??= "https://app.example";
process.env.NODE_ENV = "production";

// The SMTP server runs in its own process, as a mail provider would.
const { fork } = await import("node:child_process");
const smtp = fork("scripts/bench/smtp-child.ts", [], {
  execArgv: ["--import", "tsx"],
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const smtpUrl = await new Promise<string>((resolve) =>
  smtp.once("message", (m) => resolve((m as { url: string }).url)),
);
const report = () =>
  new Promise<Map<string, { n: number; at: number }>>((resolve, reject) => {
    smtp.once("message", (m) =>
      resolve(
        new Map(
          (m as { report: [string, { n: number; at: number }][] }).report,
        ),
      ),
    );
    smtp.once("exit", (code) =>
      reject(new Error(`the SMTP process exited (${code}) before reporting`)),
    );
    smtp.send({ type: "report" });
  });
process.env.FOLLOWUP_SMTP_URL = smtpUrl;
process.env.FOLLOWUP_EMAIL_FROM = "shop@bench.example";

try {
  const { migrate } = await import("./migrate");
  await migrate(process.env.DATABASE_URL, () => undefined);
  const { default: prisma } = await import("../app/db.server");
  const { PRESETS } = await import("../app/followups/presets");
  const { FOLLOWUP_JOB } = await import("../app/followups/engine.server");
  const { jobHandlers } = await import("../app/jobs/handlers.server");
  const { startWorker } = await import("../app/jobs/worker.server");

  // 1. Shops, customers, orders and the scheduled messages (bulk inserts: the setup is not measured).
  const t0 = performance.now();
  const tracking = PRESETS.find((p) => p.key === "tracking")!;
  const perShop = Math.ceil(jobs / shops);
  const start = new Date(Date.now() + 2_000);
  let scheduled = 0;
  for (let s = 0; s < shops && scheduled < jobs; s++) {
    const shop = `bench-${s}.myshopify.com`;
    await prisma.shop.create({ data: { shop, name: `Bench ${s}` } });
    await prisma.channelSettings.create({
      data: { shop, quietStart: 0, quietEnd: 0 },
    });
    const flow = await prisma.flow.create({
      data: {
        shop,
        preset: "tracking",
        name: "tracking",
        trigger: "fulfilled",
        marketing: false,
        channels: "email",
        steps: JSON.stringify([
          { id: "main", delayMinutes: 0, templates: tracking.templates },
        ]),
        enabled: true,
      },
    });
    const n = Math.min(perShop, jobs - scheduled);
    const ids = Array.from({ length: n }, (_, i) =>
      String(s * perShop + i + 1),
    );
    await prisma.customer.createMany({
      data: ids.map((id) => ({
        shop,
        customerId: id,
        email: `c${id}@bench.example`,
        firstName: `C${id}`,
        locale: Number(id) % 3 ? "ja" : "en",
        emailConsent: "SUBSCRIBED",
      })),
    });
    await prisma.order.createMany({
      data: ids.map((id) => ({
        shop,
        orderId: id,
        name: `#${id}`,
        customerId: id,
        processedAt: new Date(),
        totalPrice: 1000,
        currency: "JPY",
      })),
    });
    // Spread over two seconds, as orders ship through a day compressed.
    const runAt = (i: number) =>
      new Date(start.getTime() + Math.floor((i / n) * 2_000));
    await prisma.job.createMany({
      data: ids.map((id, i) => ({
        shop,
        type: FOLLOWUP_JOB,
        key: `followup:${flow.id}:o${id}`,
        runAt: runAt(i),
        maxAttempts: 6,
        payload: JSON.stringify({
          flowId: flow.id,
          orderId: id,
          customerId: id,
          tracking: [
            {
              company: "ヤマト運輸",
              number: id,
              url: `https://track.example/${id}`,
            },
          ],
          at: start.toISOString(),
        }),
      })),
    });
    await prisma.flowMessage.createMany({
      data: ids.map((id, i) => ({
        shop,
        flowId: flow.id,
        idemKey: `followup:${flow.id}:o${id}`,
        orderId: id,
        customerId: id,
        scheduledAt: runAt(i),
      })),
    });
    scheduled += n;
  }
  console.log(
    `scheduled ${scheduled.toLocaleString()} messages across ${shops} shops in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // 2. Drain with the app's worker (several loops in one process) against the SMTP server.
  while (Date.now() < start.getTime())
    await new Promise((r) => setTimeout(r, 20));
  const t1 = performance.now();
  // Worker processes share the database (SQLite WAL; PostgreSQL claims rows with SKIP LOCKED).
  const children = Array.from({ length: procs - 1 }, () =>
    fork("scripts/bench/followup-worker-child.ts", [], {
      execArgv: ["--import", "tsx"],
      env: {
        ...process.env,
        BENCH_LOOPS: String(workers),
        BENCH_BATCH: String(batchSize),
      },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  await Promise.all(
    children.map((c) => new Promise((resolve) => c.once("message", resolve))),
  );
  const worker = startWorker({
    db: prisma,
    handlers: jobHandlers(prisma),
    workerId: "bench",
    loops: workers,
    batchSize,
  });
  // Progress every 20 s: shows whether the rate holds as the tables grow.
  let mark = { at: performance.now(), left: scheduled };
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    // An existence check while the bench runs (counting 100,000 index entries every half second
    // would take its own share of the measured time); the count only for the progress line.
    if (
      !(await prisma.job.findFirst({
        where: { type: FOLLOWUP_JOB, status: { in: ["queued", "running"] } },
        select: { id: true },
      }))
    )
      break;
    if (performance.now() - mark.at > 20_000) {
      const left = await prisma.job.count({
        where: { type: FOLLOWUP_JOB, status: { in: ["queued", "running"] } },
      });
      console.log(
        `  ${((performance.now() - t1) / 1000).toFixed(0)} s: ${(scheduled - left).toLocaleString()} sent, ${Math.round((mark.left - left) / ((performance.now() - mark.at) / 1000))}/s lately`,
      );
      mark = { at: performance.now(), left };
    }
  }
  const seconds = (performance.now() - t1) / 1000;
  await worker.stop();
  await Promise.all(
    children.map(
      (c) =>
        new Promise(
          (resolve) => (c.once("exit", resolve), c.send({ type: "stop" })),
        ),
    ),
  );
  const received = await report();

  // 3. Check: every scheduled message received exactly once, and how late.
  const messages = await prisma.flowMessage.findMany({
    select: { idemKey: true, scheduledAt: true, status: true },
  });
  let duplicates = 0;
  let lost = 0;
  const lags: number[] = [];
  for (const m of messages) {
    const n = received.get(m.idemKey)?.n ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicates += n - 1;
    const at = received.get(m.idemKey)?.at;
    if (at) lags.push(Math.max(0, at - m.scheduledAt.getTime()));
  }
  lags.sort((a, b) => a - b);
  const p99 = lags.length
    ? lags[Math.min(lags.length - 1, Math.ceil(lags.length * 0.99) - 1)]
    : 0;
  const statuses = await prisma.flowMessage.groupBy({
    by: ["status"],
    _count: { _all: true },
  });
  console.log(
    `drained in ${seconds.toFixed(1)} s by ${procs} worker process(es) × ${workers} loops: ${Object.fromEntries(statuses.map((s) => [s.status, s._count._all])) && statuses.map((s) => `${s.status} ${s._count._all}`).join(", ")}`,
  );
  const sent = messages.filter((m) => m.status === "sent").length;
  console.log(
    JSON.stringify({
      jobs: scheduled,
      sent,
      duplicates,
      lost,
      jobs_per_s: Math.round(scheduled / seconds),
      p99_lag_ms: Math.round(p99),
    }),
  );
  await prisma.$disconnect();
} finally {
  if (smtp.exitCode === null) smtp.kill();
  rmSync(dir, { recursive: true, force: true });
}
