/**
 * `npm run bench:sync [-- --customers 1000000 --orders 3000000 --dashboard-customers 100000 --runs 3] [--order-ids time]`
 *
 * 1. The dev store streams a shop of that size through a real bulk operation into a JSONL file
 *    (generation time reported, not counted as ingest).
 * 2. A separate process ingests it with the app's customer sync into a fresh SQLite database:
 *    ingest seconds and peak RSS of that process. `--runs` times (3), each into a new database:
 *    one run on a shared 2-core machine varies by 15–30%, so the JSON line carries the median
 *    ingest time and the highest peak RSS of the runs (each run is printed too).
 * 3. The same for a 100k-customer shop, then the home dashboard loader is timed (p50/p95).
 * The last line is one JSON object for machines.
 *
 * `--database postgres` ingests into PostgreSQL instead: DATABASE_URL must name a server's database
 * (`eval "$(bash scripts/postgres.sh start)"` starts one); each run gets a new database beside it.
 *
 * The dev store's stream numbers each customer's orders one after the other, so in its file order
 * ids follow the file. In a real shop they follow time while the file follows customers.
 * `--order-ids time` renumbers the orders of the big file by processedAt before the ingest (not
 * timed): every customer's orders scattered over the id range, a harder case than a real shop's,
 * whose customers are mostly created at their first order.
 */
import { execFileSync } from "node:child_process";
import {
  closeSync,
  createReadStream,
  createWriteStream,
  fsyncSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { createInterface } from "node:readline";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { performance } from "node:perf_hooks";
import { createDevStore } from "../dev-store/src/store";
import { arg, numberArg } from "./cli";

const customers = numberArg("customers", 1_000_000);
const orders = numberArg("orders", 3_000_000);
const dashboardCustomers = numberArg("dashboard-customers", 100_000);
const runs = numberArg("runs", 3);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error("--runs needs a whole number of at least 1");
const orderIdsByTime = arg("order-ids") === "time";
const postgres = arg("database") === "postgres";
if (postgres && !/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? ""))
  throw new Error(
    '--database postgres needs DATABASE_URL=postgresql://… (eval "$(bash scripts/postgres.sh start)")',
  );
const dir = mkdtempSync(path.join(tmpdir(), "tsunagu-bench-sync-"));

/** Prisma's client is generated for one provider, chosen by DATABASE_URL (prisma.config.ts). */
function generateClient(forPostgres: boolean): void {
  const env = { ...process.env };
  if (!forPostgres) delete env.DATABASE_URL;
  execFileSync("npx", ["prisma", "generate"], { env, stdio: "ignore" });
}

/** A new, empty database for one ingest: a SQLite file, or a PostgreSQL database beside DATABASE_URL's. */
async function freshDatabase(name: string): Promise<string> {
  if (!postgres) {
    const file = path.join(dir, `${name}.sqlite`);
    for (const suffix of ["", "-wal", "-shm"])
      rmSync(file + suffix, { force: true });
    return file;
  }
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  const db = `tsunagu_bench_${name}`;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${db}`);
  } finally {
    await admin.end();
  }
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${db}`;
  return url.toString();
}

const QUERY = `{ customers { edges { node { id firstName locale state tags updatedAt defaultEmailAddress { emailAddress marketingState } defaultPhoneNumber { phoneNumber marketingState } metafields { edges { node { id namespace key value } } } orders { edges { node { id name processedAt updatedAt customerLocale displayFinancialStatus displayFulfillmentStatus currentTotalPriceSet { shopMoney { amount currencyCode } } } } } } } } }`;

/**
 * Flushes a file to disk now: otherwise the kernel writes its 1.2 GB back during the ingest and
 * the measurement pays for the generation's I/O.
 */
function flushToDisk(file: string): void {
  const fd = openSync(file, "r+");
  fsyncSync(fd);
  closeSync(fd);
}

async function generate(
  c: number,
  o: number,
): Promise<{ file: string; objectCount: number; seconds: number }> {
  const t0 = performance.now();
  const store = createDevStore({
    baseUrl: "http://bench.local",
    scale: { customers: c, orders: o },
  });
  const finished = new Promise<void>((resolve) =>
    store.onWebhook((e) => e.topic === "bulk_operations/finish" && resolve()),
  );
  await store.execute({
    version: "2026-07",
    query: `mutation($q: String!) { bulkOperationRunQuery(query: $q) { userErrors { message } } }`,
    variables: { q: QUERY },
    scopes: ["read_customers", "read_orders"],
    bucketKey: "bench",
  });
  await finished;
  const op = store.state.bulkOperations[store.state.bulkOperations.length - 1];
  if (op.status !== "COMPLETED") throw new Error(`bulk operation ${op.status}`);
  const file = path.join(dir, `shop-${c}.jsonl`);
  await pipeline(
    store.openBulkResult(String(op.legacyId))!,
    createWriteStream(file),
  );
  flushToDisk(file);
  return {
    file,
    objectCount: op.objectCount,
    seconds: (performance.now() - t0) / 1000,
  };
}

const ORDER_ID = /"id":"gid:\/\/shopify\/Order\/\d+"/;

/** Gives the file's orders ids in processedAt order (two passes; only the times are held). */
async function renumberOrdersByTime(file: string): Promise<void> {
  const lines = () =>
    createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const times: number[] = [];
  for await (const line of lines())
    if (ORDER_ID.test(line))
      times.push(Date.parse(/"processedAt":"([^"]+)"/.exec(line)![1]));
  const byTime = Uint32Array.from(times.keys()).sort(
    (a, b) => times[a] - times[b] || a - b,
  );
  const rank = new Uint32Array(times.length);
  byTime.forEach((k, i) => (rank[k] = i + 1));
  const out = createWriteStream(`${file}.time`);
  let k = 0;
  for await (const line of lines()) {
    const next = ORDER_ID.test(line)
      ? line.replace(
          ORDER_ID,
          `"id":"gid://shopify/Order/${5_600_000_000_000 + rank[k++]}"`,
        )
      : line;
    if (!out.write(`${next}\n`))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  flushToDisk(`${file}.time`);
  renameSync(`${file}.time`, file);
}

/**
 * The measured process runs the app's code compiled, as the production server does, not through
 * tsx, whose on-the-fly compiler alone holds some 30 MB (resident 109 MB against 78 MB with the
 * sync's modules and Prisma loaded). Inside the repository, so packages resolve from node_modules.
 */
async function compileChild(): Promise<string> {
  const { build } = await import("esbuild");
  const outfile = path.join(".cache", "bench", "sync-child.mjs");
  await build({
    entryPoints: ["scripts/bench/sync-child.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    logLevel: "error",
  });
  return outfile;
}

let child: string | null = null;

async function ingest(
  file: string,
  objectCount: number,
  db: string,
  dashboardRuns = 0,
): Promise<Record<string, number>> {
  child ??= await compileChild();
  const args = [
    child,
    file,
    String(objectCount),
    db,
    ...(dashboardRuns ? ["--dashboard", String(dashboardRuns)] : []),
  ];
  const out = execFileSync(process.execPath, args, {
    encoding: "utf8",
    maxBuffer: 1 << 20,
    env: { ...process.env, NODE_ENV: "production" },
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

try {
  if (postgres) generateClient(true);
  const big = await generate(customers, orders);
  console.log(
    `generated ${customers.toLocaleString()} customers / ${orders.toLocaleString()} orders: ${big.objectCount.toLocaleString()} JSONL lines, ${(statSync(big.file).size / 1e6).toFixed(0)} MB in ${big.seconds.toFixed(1)} s`,
  );
  if (orderIdsByTime) {
    await renumberOrdersByTime(big.file);
    console.log("order ids renumbered by processedAt (--order-ids time)");
  }
  const results: Record<string, number>[] = [];
  for (let i = 1; i <= runs; i++) {
    const r = await ingest(
      big.file,
      big.objectCount,
      await freshDatabase("big"),
    );
    const rate = Math.round((r.customers + r.orders) / r.ingest_s);
    console.log(
      `ingest run ${i} of ${runs}: ${r.ingest_s} s (${rate.toLocaleString()} records/s), peak RSS ${r.peak_rss_mb} MB`,
    );
    results.push(r);
  }
  rmSync(big.file);
  const seconds = results.map((r) => r.ingest_s).sort((a, b) => a - b);
  const mid = Math.floor(seconds.length / 2);
  const result = {
    customers: results[0].customers,
    orders: results[0].orders,
    ingest_s:
      Math.round(
        (seconds.length % 2
          ? seconds[mid]
          : (seconds[mid - 1] + seconds[mid]) / 2) * 10,
      ) / 10,
    peak_rss_mb: Math.max(...results.map((r) => r.peak_rss_mb)),
  };
  const rate = Math.round((result.customers + result.orders) / result.ingest_s);
  console.log(
    `ingest: median ${result.ingest_s} s of ${runs} (${rate.toLocaleString()} records/s; runs ${seconds.join(", ")} s), highest peak RSS ${result.peak_rss_mb} MB`,
  );

  const small = await generate(dashboardCustomers, dashboardCustomers * 3);
  const dash = await ingest(
    small.file,
    small.objectCount,
    await freshDatabase("dash"),
    40,
  );
  console.log(
    `dashboard loader at ${dashboardCustomers.toLocaleString()} customers: p50 ${dash.dashboard_p50_ms} ms, p95 ${dash.dashboard_p95_ms} ms (40 runs)`,
  );
  console.log(
    JSON.stringify({
      database: postgres ? "postgresql" : "sqlite",
      customers: result.customers,
      orders: result.orders,
      ingest_s: result.ingest_s,
      peak_rss_mb: result.peak_rss_mb,
      dashboard_p95_ms: dash.dashboard_p95_ms,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  // Back to the SQLite client the rest of the repository (tests, demo) expects.
  if (postgres) generateClient(false);
}
