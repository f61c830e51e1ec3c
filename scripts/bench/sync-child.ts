/**
 * One measured ingest, in its own process so its peak memory is its own:
 *   node <compiled sync-child.mjs> <result.jsonl> <objectCount> <sqlite file | postgresql URL> [--dashboard N]
 * (scripts/bench-sync.ts compiles it first; `node --import tsx scripts/bench/sync-child.ts` also works).
 * Prints one JSON line: { ingest_s, peak_rss_mb, customers, orders, dashboard_p95_ms? }.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { performance } from "node:perf_hooks";
import { numberArg } from "../cli";

const [file, objectCount, dbFile] = process.argv.slice(2);
const dashboardRuns = numberArg("dashboard", 0);
process.env.DATABASE_URL = /^postgres(ql)?:\/\//.test(dbFile)
  ? dbFile
  : `file:${dbFile}`;
process.env.SHOPIFY_API_KEY ??= "bench";
process.env.SHOPIFY_API_SECRET ??= "bench";
process.env.SHOPIFY_APP_URL ??= "http://127.0.0.1:1";

const { migrate } = await import("../migrate");
await migrate(process.env.DATABASE_URL, () => undefined);
const { default: prisma } = await import("../../app/db.server");
const { applyCustomerSync } = await import("../../app/customers/sync.server");
const shop = "bench.myshopify.com";
const run = await prisma.syncRun.create({
  data: {
    shop,
    status: "downloading",
    bulkOperationId: "gid://shopify/BulkOperation/1",
  },
});
const graphql = async () =>
  new Response(
    JSON.stringify({
      data: {
        node: {
          status: "COMPLETED",
          objectCount,
          url: "http://bench.local/result.jsonl",
        },
      },
    }),
  );
const fetchFile = (async () =>
  new Response(
    Readable.toWeb(createReadStream(file)) as ReadableStream,
  )) as unknown as typeof fetch;

let peak = 0;
const sampler = setInterval(
  () => (peak = Math.max(peak, process.memoryUsage().rss)),
  50,
);
const t0 = performance.now();
await applyCustomerSync(prisma, run.id, graphql, fetchFile);
const ingest_s = (performance.now() - t0) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const done = await prisma.syncRun.findUniqueOrThrow({ where: { id: run.id } });
if (done.status !== "completed")
  throw new Error(`sync ended ${done.status}: ${done.error}`);

const out: Record<string, number> = {
  ingest_s: Math.round(ingest_s * 10) / 10,
  peak_rss_mb: Math.round(peak / 1e6),
  customers: done.customers,
  orders: done.orders,
};
if (dashboardRuns) {
  const { getDashboard } = await import("../../app/dashboard/metrics.server");
  const times: number[] = [];
  for (let i = 0; i < dashboardRuns; i++) {
    const t = performance.now();
    await getDashboard(prisma, shop, { dormantDays: 120 }, "Asia/Tokyo");
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  out.dashboard_p95_ms = Math.round(times[Math.ceil(times.length * 0.95) - 1]);
  out.dashboard_p50_ms = Math.round(times[Math.floor(times.length / 2)]);
}
console.log(JSON.stringify(out));
await prisma.$disconnect();
