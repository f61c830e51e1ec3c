/**
 * `npm run bench:faq [-- --faq <faq.json> --queries <queries.tsv>]`
 * 1. Quality side by side on the evaluation set: this engine, Fuse.js (defaults, keys
 *    question/answer) and MiniSearch (Intl.Segmenter + CJK bigrams): MRR@10, recall@1, recall@3.
 * 2. Query latency p50/p99 at 50, 1,000 and 10,000 synthesised entries, in Node and in chromium
 *    (the storefront script's own engine code, run in the browser), with the index size.
 * 3. The storefront script's size, gzipped.
 * 4. A server's first publish: the first Japanese and English index builds of a fresh process
 *    (dictionaries and the shopper-words corpus loading), with its heap and peak memory; median
 *    of three processes (scripts/bench/faq-first-build-child.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { buildIndex } from "../app/faq/engine/build.server";
import { createSearch } from "../app/faq/engine/query";
import { metrics, readFaq, readQueries, type EvalEntry } from "./faq/eval-data";
import { fuseSearch, miniSearch } from "./faq/baselines";
import { synthesise } from "./faq/synth";
import { publishedSearch } from "./faq/rank";
import {
  STOREFRONT_DEFINE,
  STOREFRONT_SCRIPTS,
  bundle,
  minifyAgain,
  gzipSize,
} from "./build-storefront";
import { arg } from "./cli";

const entries = readFaq(arg("faq") ?? "../shared/eval/faq/faq.json");
const queries = readQueries(
  arg("queries") ?? "../shared/eval/faq/queries.dev.tsv",
);
const fmt = (v: number) => v.toFixed(3);

console.log("== quality on the evaluation set (MRR@10 / recall@1 / recall@3)");
const engines: Record<
  string,
  (locale: string, docs: EvalEntry[]) => Promise<(q: string) => string[]>
> = {
  tsunagu: async (_l, docs) => {
    const s = await publishedSearch(docs);
    return (q) => s(q).hits.map((h) => h.id);
  },
  "fuse.js": async (_l, docs) => fuseSearch(docs),
  minisearch: async (_l, docs) => miniSearch(docs),
};
const locales = [...new Set(queries.map((q) => q.locale))].sort();
console.log(
  `${"engine".padEnd(12)}${locales.map((l) => l.padEnd(24)).join("")}`,
);
for (const [name, make] of Object.entries(engines)) {
  const cells: string[] = [];
  for (const locale of locales) {
    const search = await make(
      locale,
      entries.filter((e) => e.locale === locale),
    );
    const m = metrics(
      queries
        .filter((q) => q.locale === locale)
        .map((q) => ({ ranked: search(q.query), relevant: q.relevant })),
    );
    cells.push(
      `${fmt(m.mrr10)} / ${fmt(m.recall1)} / ${fmt(m.recall3)}`.padEnd(24),
    );
  }
  console.log(`${name.padEnd(12)}${cells.join("")}`);
}

console.log("\n== latency (ms per query) and index size");
const sample = [
  "送料はいくら",
  "返品したい",
  "いつ届く",
  "ぎふと",
  "サイズ交換できますか",
  "refund",
  "retrun policy",
  "how long does shipping take",
  "パスワード忘れた",
  "クーポン使えますか",
];
const percentile = (xs: number[], p: number) =>
  xs.sort((a, b) => a - b)[
    Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)
  ];
const indexes: Record<number, string> = {};
for (const n of [50, 1000, 10000]) {
  const docs = [
    ...synthesise(Math.ceil(n / 2), "ja"),
    ...synthesise(Math.floor(n / 2), "en"),
  ];
  const t0 = performance.now();
  const index = await buildIndex(docs);
  const buildS = (performance.now() - t0) / 1000;
  const json = JSON.stringify(index);
  indexes[n] = json;
  const search = createSearch(JSON.parse(json));
  for (let w = 0; w < 20; w++) for (const q of sample) search(q); // warm up the JIT
  const times: number[] = [];
  for (let round = 0; round < 200; round++) {
    for (const q of sample) {
      const t = performance.now();
      search(q);
      times.push(performance.now() - t);
    }
  }
  console.log(
    `node     ${String(n).padStart(6)} entries: p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms; index ${(json.length / 1024).toFixed(0)} KB (${(gzipSync(json).length / 1024).toFixed(0)} KB gzipped), built in ${buildS.toFixed(1)} s`,
  );
}

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(chromiumPath)) {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({ executablePath: chromiumPath });
  const page = await browser.newPage();
  const { build } = await import("esbuild");
  const engine = await minifyAgain(
    (
      await build({
        entryPoints: ["app/faq/engine/query.ts"],
        bundle: true,
        format: "iife",
        globalName: "FaqEngine",
        write: false,
        minify: true,
        define: STOREFRONT_DEFINE,
      })
    ).outputFiles[0].text,
  );
  await page.addScriptTag({ content: engine });
  // The same loop around a function that does nothing: how much of a p99 is the browser's own
  // pauses (garbage collection, scheduling, the 0.1 ms timer) rather than the search.
  const floor = await page.evaluate((sample) => {
    const out: number[] = [];
    let sink = 0;
    for (let round = 0; round < 200; round++) {
      for (const q of sample) {
        const t = performance.now();
        sink += q.length;
        out.push(performance.now() - t);
      }
    }
    return sink ? out : [];
  }, sample);
  console.log(
    `chromium  empty loop: p50 ${percentile(floor, 50).toFixed(3)} ms, p99 ${percentile(floor, 99).toFixed(3)} ms (the browser's own pauses)`,
  );
  for (const n of [50, 1000, 10000]) {
    const times = await page.evaluate(
      ({ json, sample }) => {
        const search = (
          window as unknown as {
            FaqEngine: { createSearch: (i: unknown) => (q: string) => unknown };
          }
        ).FaqEngine.createSearch(JSON.parse(json));
        for (let w = 0; w < 20; w++) for (const q of sample) search(q);
        const out: number[] = [];
        for (let round = 0; round < 200; round++) {
          for (const q of sample) {
            const t = performance.now();
            search(q);
            out.push(performance.now() - t);
          }
        }
        return out;
      },
      { json: indexes[n], sample },
    );
    console.log(
      `chromium ${String(n).padStart(6)} entries: p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms (timer resolution 0.1 ms)`,
    );
  }
  await browser.close();
} else {
  console.log(
    `chromium: not found at ${chromiumPath}; skipped (scripts/e2e.sh installs it)`,
  );
}

console.log("\n== storefront script");
for (const s of STOREFRONT_SCRIPTS) {
  const code = await bundle(s.entry);
  console.log(
    `${s.out}: ${code.length} bytes, ${gzipSize(code)} bytes gzipped (budget ${s.budgetGzip})`,
  );
}

console.log("\n== a server's first publish (fresh process; median of 3)");
const starts = Array.from(
  { length: 3 },
  () =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          "--expose-gc",
          "--import",
          "tsx",
          "scripts/bench/faq-first-build-child.ts",
        ],
        { encoding: "utf8" },
      ),
    ) as { ja_s: number; en_s: number; heap_mb: number; peak_rss_mb: number },
);
const median = (f: (s: (typeof starts)[number]) => number) =>
  starts.map(f).sort((a, b) => a - b)[1];
console.log(
  `first ja build ${median((s) => s.ja_s).toFixed(1)} s, then first en build ${median((s) => s.en_s).toFixed(1)} s; heap after ${median((s) => s.heap_mb).toFixed(0)} MB, peak RSS ${median((s) => s.peak_rss_mb).toFixed(0)} MB`,
);
