/**
 * One cold start of publishing, in its own process (scripts/bench-faq.ts runs it with
 * `node --expose-gc --import tsx`, as the worker runs under tsx): the first Japanese index a
 * server builds loads the analyzer's dictionaries and the shipped shopper-words corpus; the
 * first English one then loads WordNet. Prints one JSON line: { ja_s, en_s, heap_mb, peak_rss_mb }.
 */
import { performance } from "node:perf_hooks";
import { resourceUsage } from "node:process";
import { buildIndex } from "../../app/faq/engine/build.server";

const t0 = performance.now();
await buildIndex([
  { id: "ja", question: "送料はいくらですか?", answer: "全国一律550円です。" },
]);
const t1 = performance.now();
await buildIndex([
  { id: "en", question: "How long does shipping take?", answer: "Two days." },
]);
const t2 = performance.now();
(globalThis as { gc?: () => void }).gc?.();
console.log(
  JSON.stringify({
    ja_s: (t1 - t0) / 1000,
    en_s: (t2 - t1) / 1000,
    heap_mb: process.memoryUsage().heapUsed / 1e6,
    peak_rss_mb: resourceUsage().maxRSS / 1e3,
  }),
);
