/**
 * `npm run comments:train [-- --cv [--folds K]] [--l2 N --epochs N --minCount N --ruleBlend N --ruleLoyalty N --named N]`
 * Trains the comment classifier (app/comments/classifier.ts) on every labelled shop in the repo
 * (app/comments/train.server.ts) and writes app/comments/model.json. Run it after changing the
 * rules of app/comments or the training data; a test fails while model.json is stale.
 * --cv: leave one shop out at a time (train on the others, test on it) and print per-shop
 * accuracy of the rules alone and of the model: how well each does on a shop it never saw.
 * --folds K: the same with the shops dealt into K groups, one group held out at a time: about a
 * tenth of the time of leave-one-shop-out with K = 11, for comparing variants before the full run.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  TRAIN_DEFAULTS,
  predict,
  type TrainOptions,
} from "../app/comments/classifier";
import {
  fit,
  modelFile,
  trainingExamples,
  type Example,
} from "../app/comments/train.server";
import { arg, numberArg } from "./cli";

const root = path.resolve(import.meta.dirname, "..");
const options: TrainOptions = { ...TRAIN_DEFAULTS };
for (const key of [
  "l2",
  "epochs",
  "minCount",
  "ruleBlend",
  "ruleLoyalty",
  "named",
] as const) {
  const value = arg(key);
  if (value !== undefined) options[key] = Number(value);
}
const examples = await trainingExamples(root);

if (process.argv.includes("--cv")) {
  const pct = (n: number, d: number) => (d ? (n / d).toFixed(3) : "  -  ");
  console.log(
    `options ${JSON.stringify(options)}\nshop                               n   ja sentiment rules/model   ja loyalty rules/model   en sentiment rules/model`,
  );
  const total = { n: 0, rs: 0, ms: 0, rl: 0, ml: 0 };
  const folds = numberArg("folds", 0);
  if (arg("folds") !== undefined && !(Number.isInteger(folds) && folds >= 2))
    throw new Error("--folds needs a whole number of at least 2");
  const shops = [...new Set(examples.map((e) => e.shop))].sort();
  const groups = folds
    ? Array.from({ length: folds }, (_, k) => ({
        name: `fold ${k + 1} of ${folds}`,
        shops: new Set(shops.filter((_, i) => i % folds === k)),
      }))
    : shops.map((shop) => ({ name: shop, shops: new Set([shop]) }));
  for (const group of groups) {
    const model = fit(
      examples.filter((e) => !group.shops.has(e.shop)),
      options,
    );
    const test = examples.filter((e) => group.shops.has(e.shop));
    const score = (list: Example[], label: "sentiment" | "loyalty") => ({
      rules: list.filter((e) => e.rule[label] === e[label]).length,
      model: list.filter(
        (e) =>
          predict(model[label], e.features, e.rule.score).label === e[label],
      ).length,
    });
    const ja = test.filter((e) => e.locale === "ja");
    const en = test.filter((e) => e.locale !== "ja");
    const [s, l, es] = [
      score(ja, "sentiment"),
      score(ja, "loyalty"),
      score(en, "sentiment"),
    ];
    total.n += ja.length;
    total.rs += s.rules;
    total.ms += s.model;
    total.rl += l.rules;
    total.ml += l.model;
    console.log(
      `${group.name.padEnd(34)} ${String(ja.length).padStart(3)}   ${pct(s.rules, ja.length)} / ${pct(s.model, ja.length)}          ${pct(l.rules, ja.length)} / ${pct(l.model, ja.length)}        ${pct(es.rules, en.length)} / ${pct(es.model, en.length)}`,
    );
  }
  console.log(
    `${"all (ja)".padEnd(34)} ${String(total.n).padStart(3)}   ${pct(total.rs, total.n)} / ${pct(total.ms, total.n)}          ${pct(total.rl, total.n)} / ${pct(total.ml, total.n)}`,
  );
} else {
  const file = path.join(root, "app/comments/model.json");
  writeFileSync(file, modelFile(examples, options));
  console.log(
    `comments:train: ${examples.length} comments from ${new Set(examples.map((e) => e.shop)).size} shops -> ${path.relative(root, file)}`,
  );
}
