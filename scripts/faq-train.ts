/**
 * `npm run faq:train [-- --cv]`
 * Gathers the FAQ training corpus (app/faq/training/) into app/faq/engine/shopper-words.json,
 * which the index builder reads to give an entry the words shoppers use for entries like it
 * (app/faq/engine/shopper-words.server.ts). Texts are kept as written: they are analysed at
 * build time by the same analyzer as the shop's own entries, so the two never drift apart.
 * A test fails while shopper-words.json is not what this makes from the corpus.
 *
 * With --cv it writes nothing and measures instead, leaving one shop out at a time: the shop's
 * FAQ is indexed with shoppers' words borrowed from the other shops only, and its queries are
 * ranked as `faq:eval` ranks them. Prints MRR@10, recall@1 and recall@3 per locale over all
 * queries, and the mean of the shops' MRR@10; then how many entries the storefront lists per
 * query and how many of the right ones among its first eight it keeps (`shown`).
 *
 * With --cv --ways it measures instead what the merchant's "other ways to ask" do for wordings
 * nobody added (scripts/faq/ways-cv.ts; about four minutes).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { setShopperCorpus } from "../app/faq/engine/shopper-words.server";
import { metrics } from "./faq/eval-data";
import { shown } from "../app/faq/engine/query";
import { publishedSearch } from "./faq/rank";
import { corpusFile, corpusOf, trainingShops } from "./faq/shopper-corpus";
import { waysToAskCv } from "./faq/ways-cv";

const root = path.resolve(import.meta.dirname, "..");
const shops = trainingShops(root);

if (!process.argv.includes("--cv")) {
  const { entries, queries } = corpusOf(shops);
  const file = path.join(root, "app/faq/engine/shopper-words.json");
  writeFileSync(file, corpusFile(entries));
  console.log(
    `faq:train: ${entries.length} entries, ${queries} shopper queries -> ${path.relative(root, file)}`,
  );
} else if (process.argv.includes("--ways")) {
  await waysToAskCv(shops);
} else {
  const fmt = (v: number) => v.toFixed(3);
  const all: { locale: string; ranked: string[]; relevant: string[] }[] = [];
  // What the storefront lists (shown): how many entries, and how many of the right ones ranked
  // in its first eight it keeps.
  const offered: Record<
    string,
    { queries: number; listed: number; right: number; kept: number }
  > = {};
  const perShop: Record<string, number[]> = {};
  console.log("shop        locale  queries  MRR@10  recall@1  recall@3");
  for (const held of shops) {
    setShopperCorpus(corpusOf(shops.filter((s) => s !== held)).entries);
    for (const locale of [...new Set(held.faq.map((e) => e.locale))].sort()) {
      const search = await publishedSearch(
        held.faq.filter((e) => e.locale === locale),
      );
      const rows = held.queries
        .filter((q) => q.locale === locale)
        .map((q) => {
          const hits = search(q.query, 10).hits;
          const listed = new Set(shown(hits).map((h) => h.id));
          const o = (offered[locale] ??= {
            queries: 0,
            listed: 0,
            right: 0,
            kept: 0,
          });
          o.queries++;
          o.listed += listed.size;
          for (const h of hits.slice(0, 8))
            if (q.relevant.includes(h.id)) {
              o.right++;
              if (listed.has(h.id)) o.kept++;
            }
          return {
            locale,
            relevant: q.relevant,
            ranked: hits.map((h) => h.id),
          };
        });
      if (!rows.length) continue;
      all.push(...rows);
      const m = metrics(rows);
      (perShop[locale] ??= []).push(m.mrr10);
      console.log(
        `${held.shop.padEnd(11)} ${locale.padEnd(7)} ${String(m.queries).padStart(7)}  ${fmt(m.mrr10)}   ${fmt(m.recall1)}     ${fmt(m.recall3)}`,
      );
    }
  }
  setShopperCorpus();
  console.log("--- leave one shop out, all queries (shops' mean MRR@10)");
  for (const locale of Object.keys(perShop).sort()) {
    const m = metrics(all.filter((r) => r.locale === locale));
    const mean =
      perShop[locale].reduce((a, b) => a + b, 0) / perShop[locale].length;
    console.log(
      `${locale.padEnd(19)} ${String(m.queries).padStart(7)}  ${fmt(m.mrr10)}   ${fmt(m.recall1)}     ${fmt(m.recall3)}   (${fmt(mean)})`,
    );
  }
  console.log(
    "--- what the storefront lists (entries per query; right entries of its first 8 kept)",
  );
  for (const [locale, o] of Object.entries(offered).sort())
    console.log(
      `${locale.padEnd(19)} ${(o.listed / o.queries).toFixed(2)} entries   ${fmt(o.kept / o.right)} kept`,
    );
}
