/**
 * `npm run comments:eval -- --comments <comments.tsv> --catalog <catalog.json> [--json]`
 * comments.tsv: header `locale<TAB>text<TAB>sentiment<TAB>loyalty`; catalog.json: an array of
 * `{title, vendor, productType, tags?}`. Prints accuracy and per-class F1 of both labels, per
 * locale; with --json one line per comment: {"text","sentiment","loyalty"}.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { catalogNames } from "../app/comments/catalog";
import { classifyComment } from "../app/comments/classify.server";
import {
  LOYALTIES,
  SENTIMENTS,
  parseLabelledComments,
} from "../app/comments/labelled";
import { nameLexicon } from "../app/comments/lexicon.server";
import { arg, stopWhenPipeCloses } from "./cli";

stopWhenPipeCloses();
const commentsFile = arg("comments");
const catalogFile = arg("catalog");
if (!commentsFile || !catalogFile) {
  console.error(
    "usage: npm run comments:eval -- --comments <comments.tsv> --catalog <catalog.json> [--json]",
  );
  process.exit(2);
}
const fail = (message: string): never => {
  console.error(`comments:eval: ${message}`);
  process.exit(2);
};
const read = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return fail(`cannot read ${file}`);
  }
};
const catalogJson = (() => {
  try {
    return JSON.parse(read(catalogFile)) as unknown;
  } catch {
    return fail(`${catalogFile} is not JSON`);
  }
})();
const parsedCatalog = z
  .array(
    z.object({
      title: z.string(),
      vendor: z.string().nullish(),
      productType: z.string().nullish(),
      tags: z.array(z.string()).nullish(),
    }),
  )
  .safeParse(catalogJson);
if (!parsedCatalog.success)
  fail(
    `${catalogFile}: expected an array of {title, vendor, productType, tags?} (${parsedCatalog.error.issues[0].path.join(".")}: ${parsedCatalog.error.issues[0].message})`,
  );
const catalog = catalogNames(parsedCatalog.data!, await nameLexicon());
const rows = (() => {
  try {
    return parseLabelledComments(read(commentsFile), {
      labels: !process.argv.includes("--json"),
    });
  } catch (error) {
    return fail(`${commentsFile}: ${(error as Error).message}`);
  }
})();
const results = await Promise.all(
  rows.map(async (r) => ({
    ...r,
    predicted: await classifyComment(r.text, catalog),
  })),
);

if (process.argv.includes("--json")) {
  for (const r of results)
    console.log(
      JSON.stringify({
        text: r.text,
        sentiment: r.predicted.sentiment,
        loyalty: r.predicted.loyalty,
      }),
    );
} else {
  const report = (
    label: "sentiment" | "loyalty",
    classes: string[],
    subset: typeof results,
  ) => {
    const acc =
      subset.filter((r) => r.predicted[label] === r[label]).length /
      (subset.length || 1);
    const f1 = classes.map((c) => {
      const tp = subset.filter(
        (r) => r.predicted[label] === c && r[label] === c,
      ).length;
      const fp = subset.filter(
        (r) => r.predicted[label] === c && r[label] !== c,
      ).length;
      const fn = subset.filter(
        (r) => r.predicted[label] !== c && r[label] === c,
      ).length;
      const f = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
      return `${c} ${f.toFixed(2)}`;
    });
    console.log(
      `  ${label.padEnd(10)} accuracy ${acc.toFixed(3)}   F1: ${f1.join(", ")}`,
    );
  };
  for (const locale of [...new Set(results.map((r) => r.locale))].sort()) {
    const subset = results.filter((r) => r.locale === locale);
    console.log(`${locale} (${subset.length} comments)`);
    report("sentiment", SENTIMENTS, subset);
    report("loyalty", LOYALTIES, subset);
  }
}
