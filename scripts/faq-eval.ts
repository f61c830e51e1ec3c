/**
 * `npm run faq:eval -- --faq <faq.json> --queries <queries.tsv> [--json]`
 * Builds the engine's index per locale from faq.json exactly as publishing does (no per-query
 * hints, no learned signals) and ranks every query among the entries of its locale.
 * Prints MRR@10, recall@1 and recall@3 per locale; with --json one line per query.
 */
import { buildIndex } from "../app/faq/engine/build.server";
import { createSearch } from "../app/faq/engine/query";
import { metrics, readFaq, readQueries } from "./faq/eval-data";
import { arg, stopWhenPipeCloses } from "./cli";

stopWhenPipeCloses();
const faqFile = arg("faq");
const queryFile = arg("queries");
if (!faqFile || !queryFile) {
  console.error(
    "usage: npm run faq:eval -- --faq <faq.json> --queries <queries.tsv> [--json]",
  );
  process.exit(2);
}
const asJson = process.argv.includes("--json");
const entries = readFaq(faqFile);
const queries = readQueries(queryFile);

const searchers = new Map<string, ReturnType<typeof createSearch>>();
for (const locale of new Set(entries.map((e) => e.locale))) {
  const docs = entries
    .filter((e) => e.locale === locale)
    .map((e) => ({
      id: e.id,
      question: e.question,
      answer: e.answer,
      tags: e.tags,
      category: e.category,
    }));
  searchers.set(locale, createSearch(await buildIndex(docs)));
}

const rows = queries.map((q) => ({
  ...q,
  ranked:
    searchers
      .get(q.locale)?.(q.query, 10)
      .hits.map((h) => h.id) ?? [],
}));
if (asJson) {
  for (const r of rows)
    console.log(
      JSON.stringify({ locale: r.locale, query: r.query, ranked: r.ranked }),
    );
} else {
  const fmt = (v: number) => v.toFixed(3);
  console.log("locale  queries  MRR@10  recall@1  recall@3");
  for (const locale of [...new Set(rows.map((r) => r.locale))].sort()) {
    const m = metrics(rows.filter((r) => r.locale === locale));
    console.log(
      `${locale.padEnd(7)} ${String(m.queries).padStart(7)}  ${fmt(m.mrr10)}   ${fmt(m.recall1)}     ${fmt(m.recall3)}`,
    );
  }
  const all = metrics(rows);
  console.log(
    `${"all".padEnd(7)} ${String(all.queries).padStart(7)}  ${fmt(all.mrr10)}   ${fmt(all.recall1)}     ${fmt(all.recall3)}`,
  );
}
