/**
 * `npm run faq:eval -- --faq <faq.json> --queries <queries.tsv> [--json]`
 * Builds the engine's index per locale from faq.json exactly as publishing does (no per-query
 * hints, no learned signals) and ranks every query among the entries of its locale.
 * Prints MRR@10, recall@1 and recall@3 per locale; with --json one line per query.
 * Relative paths are read from where npm was started. Bad files stop it with one line naming
 * the entry or line at fault (exit 2).
 */
import { EvalInputError, metrics, readFaq, readQueries } from "./faq/eval-data";
import { rankQueries } from "./faq/rank";
import { fileArg, stopWhenPipeCloses } from "./cli";

stopWhenPipeCloses();
const faqFile = fileArg("faq");
const queryFile = fileArg("queries");
if (!faqFile || !queryFile) {
  console.error(
    "usage: npm run faq:eval -- --faq <faq.json> --queries <queries.tsv> [--json]",
  );
  process.exit(2);
}
const asJson = process.argv.includes("--json");

let input;
try {
  input = { entries: readFaq(faqFile), queries: readQueries(queryFile) };
} catch (error) {
  if (!(error instanceof EvalInputError)) throw error;
  console.error(`faq:eval: ${error.message}`);
  process.exit(2);
}
const { rows, unmatched } = await rankQueries(input.entries, input.queries);
for (const locale of unmatched)
  console.error(
    `faq:eval: no entries in locale "${locale}": its queries rank nothing`,
  );

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
