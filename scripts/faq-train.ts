/**
 * `npm run faq:train [-- --cv [--shops <list>] [--from <list>] [--borrow <fraction>] [--jobs <n>] [--ways]]`
 * Gathers the FAQ training corpus (app/faq/training/) into app/faq/engine/shopper-words.json,
 * which the index builder reads to give an entry the words shoppers use for entries like it
 * (app/faq/engine/shopper-words.server.ts). The texts are shipped analysed, by the analyzer the
 * shop's own entries go through, so that a server does not analyse them on its first publish;
 * a test fails while shopper-words.json is not what this makes from the corpus (after any change
 * to the corpus or the analyzer).
 *
 * With --cv it writes nothing and measures instead, leaving one shop out at a time: the shop's
 * FAQ is indexed with shoppers' words borrowed from the other shops only, and its queries are
 * ranked as `faq:eval` ranks them. Prints MRR@10, recall@1 and recall@3 per locale over all
 * queries (four decimals), and the mean of the shops' MRR@10; then how many entries the
 * storefront lists per query and how many of the right ones among its first eight it keeps
 * (`shown`). For like-for-like figures after the corpus grows (scripts/faq/cv.ts):
 *   --shops <list>      hold out only these shops ("a,b,c" or "@file", one name a line)
 *   --from <list>       borrow only from these shops
 *   --borrow <fraction> borrow from this share of them, chosen by a hash of each shop's name
 *   --jobs <n>          run over n processes (default: 2; on two cores about half an hour
 *                       for the 364 shops of lists/first-364.txt borrowing from all 1,324,
 *                       several times that holding out all; --ways runs in one)
 *
 * With --cv --ways it measures instead what the merchant's "other ways to ask" do for wordings
 * nobody added (scripts/faq/ways-cv.ts; about four minutes).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { arg, numberArg } from "./cli";
import { metrics } from "./faq/eval-data";
import {
  CvOptionError,
  cvWorker,
  runCv,
  shopList,
  type CvPlan,
  type CvRow,
} from "./faq/cv";
import { corpusFile, shopperCorpus, trainingShops } from "./faq/shopper-corpus";
import { waysToAskCv } from "./faq/ways-cv";

const root = path.resolve(import.meta.dirname, "..");
const shops = trainingShops(root);

function planOf(): CvPlan {
  const held = arg("shops");
  const from = arg("from");
  const borrow = numberArg("borrow", 1);
  if (!(borrow > 0 && borrow <= 1))
    throw new CvOptionError(
      `--borrow must be a fraction in (0, 1], not ${arg("borrow")}`,
    );
  return {
    held: held === undefined ? shops : shopList(held, shops),
    from: from === undefined ? shops : shopList(from, shops),
    borrow,
  };
}

if (!process.argv.includes("--cv")) {
  const { entries, queries } = await shopperCorpus(root);
  const file = path.join(root, "app/faq/engine/shopper-words.json");
  writeFileSync(file, corpusFile(entries));
  console.log(
    `faq:train: ${entries.length} entries, ${queries} shopper queries -> ${path.relative(root, file)}`,
  );
} else {
  let plan: CvPlan;
  const jobs = numberArg("jobs", 2);
  try {
    plan = planOf();
    if (!(Number.isInteger(jobs) && jobs >= 1))
      throw new CvOptionError(
        `--jobs must be a whole number ≥ 1, not ${arg("jobs")}`,
      );
  } catch (error) {
    if (!(error instanceof CvOptionError)) throw error;
    console.error(`faq:train: ${error.message}`);
    process.exit(2);
  }
  if (process.argv.includes("--ways")) await waysToAskCv(plan);
  else if (!(await cvWorker(plan))) await report(plan, jobs);
}

async function report(plan: CvPlan, jobs: number) {
  const fmt = (v: number) => v.toFixed(4);
  const all: CvRow[] = [];
  console.log(
    `holding out ${plan.held.length} shops, borrowing from ${plan.from.length}${plan.borrow < 1 ? ` × ${plan.borrow}` : ""}, ${jobs} process${jobs > 1 ? "es" : ""}`,
  );
  console.log("shop           locale  queries  MRR@10  recall@1  recall@3");
  await runCv(plan, jobs, (rows, shop) => {
    all.push(...rows);
    for (const locale of [...new Set(rows.map((r) => r.locale))].sort()) {
      const m = metrics(rows.filter((r) => r.locale === locale));
      console.log(
        `${shop.padEnd(14)} ${locale.padEnd(7)} ${String(m.queries).padStart(7)}  ${fmt(m.mrr10)}  ${fmt(m.recall1)}    ${fmt(m.recall3)}`,
      );
    }
  });
  console.log("--- leave one shop out, all queries (shops' mean MRR@10)");
  const locales = [...new Set(all.map((r) => r.locale))].sort();
  for (const locale of locales) {
    const rows = all.filter((r) => r.locale === locale);
    const m = metrics(rows);
    const perShop = [...new Set(rows.map((r) => r.shop))].map(
      (shop) => metrics(rows.filter((r) => r.shop === shop)).mrr10,
    );
    const mean = perShop.reduce((a, b) => a + b, 0) / perShop.length;
    console.log(
      `${locale.padEnd(22)} ${String(m.queries).padStart(7)}  ${fmt(m.mrr10)}  ${fmt(m.recall1)}    ${fmt(m.recall3)}   (${fmt(mean)})`,
    );
  }
  console.log(
    "--- what the storefront lists (entries per query; right entries of its first 8 kept)",
  );
  for (const locale of locales) {
    const rows = all.filter((r) => r.locale === locale);
    const sum = (f: (r: CvRow) => number) => rows.reduce((a, r) => a + f(r), 0);
    console.log(
      `${locale.padEnd(22)} ${(sum((r) => r.listed) / rows.length).toFixed(2)} entries   ${fmt(sum((r) => r.kept) / sum((r) => r.right))} kept`,
    );
  }
}
