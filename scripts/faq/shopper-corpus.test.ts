import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { learnKey } from "../../app/faq/engine/query";
import { readQueries } from "./eval-data";
import { trainingShops } from "./shopper-corpus";

const root = path.resolve(import.meta.dirname, "../..");
/** A query as the engine keys it: folded, letters and digits only ("いつ届く?" = "いつ届く"). */
const key = learnKey;

describe("FAQ training corpus", () => {
  // The corpus's words reach every index the engine builds, so a query of an evaluation set
  // found there would be scored with its own answer's help: such queries are removed when shops
  // are added (app/faq/training/README.md), and this keeps it so.
  it("holds no query of an evaluation set", () => {
    const fixtures = path.join(root, "tests/fixtures/faq");
    const files = readdirSync(fixtures)
      .filter((f) => f.endsWith(".queries.tsv"))
      .map((f) => path.join(fixtures, f));
    const shared = path.join(root, "../shared/eval/faq/queries.dev.tsv");
    if (existsSync(shared)) files.push(shared);
    const evaluation = new Set(
      files.flatMap((f) => readQueries(f).map((q) => key(q.query))),
    );
    expect(evaluation.size).toBeGreaterThan(100);
    const found = trainingShops(root).flatMap(({ shop, queries }) =>
      queries
        .filter((q) => evaluation.has(key(q.query)))
        .map((q) => `${shop}: ${q.query}`),
    );
    expect(found).toEqual([]);
  });
});
