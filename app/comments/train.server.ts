import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { analyzeComment } from "./analysis";
import { catalogNames, type CatalogItem } from "./catalog";
import { commentFeatures } from "./classify.server";
import {
  TRAIN_DEFAULTS,
  train,
  type TaskModel,
  type TrainOptions,
} from "./classifier";
import { LOYALTIES, SENTIMENTS, parseLabelledComments } from "./labelled";
import { nameLexicon } from "./lexicon.server";

/**
 * Training of the comment classifier (`npm run comments:train`, and the test that keeps
 * model.json in step with the rules and the data): every labelled shop in the repo, the comments
 * written for training (app/comments/training/) and the evaluation fixtures of tests/fixtures/comments/.
 */
export const TRAINING_DIRS = [
  "app/comments/training",
  "tests/fixtures/comments",
];

export interface Example {
  shop: string;
  locale: string;
  features: string[];
  sentiment: string;
  loyalty: string;
  rule: { sentiment: string; loyalty: string; score: number };
}

export async function trainingExamples(root: string): Promise<Example[]> {
  const lexicon = await nameLexicon();
  const examples: Example[] = [];
  for (const dir of TRAINING_DIRS) {
    for (const file of readdirSync(path.join(root, dir))
      .filter((f) => f.endsWith(".comments.tsv"))
      .sort()) {
      const shop = file.replace(".comments.tsv", "");
      const items = JSON.parse(
        readFileSync(path.join(root, dir, `${shop}.catalog.json`), "utf8"),
      ) as CatalogItem[];
      const catalog = catalogNames(items, lexicon);
      let comments;
      try {
        comments = parseLabelledComments(
          readFileSync(path.join(root, dir, file), "utf8"),
        );
      } catch (error) {
        throw new Error(`${dir}/${file}: ${(error as Error).message}`);
      }
      for (const { locale, text, sentiment, loyalty } of comments) {
        const rule = analyzeComment(text, catalog);
        examples.push({
          shop: `${dir.split("/").pop()}/${shop}`,
          locale,
          features: await commentFeatures(text, rule),
          sentiment,
          loyalty,
          rule,
        });
      }
    }
  }
  return examples;
}

export function fit(
  examples: Example[],
  options: TrainOptions = TRAIN_DEFAULTS,
): { sentiment: TaskModel; loyalty: TaskModel } {
  const blend = options.ruleBlend;
  const loyalty = train(
    examples.map((e) => ({ features: e.features, label: e.loyalty })),
    LOYALTIES,
    options,
  );
  // The rules' loyalty reading and a catalog name found, trusted more than in-sample training says (TrainOptions).
  const boost = (feature: string, label: number, by: number) => {
    const w = (loyalty.weights[feature] ??= LOYALTIES.map(() => 0));
    w[label] = Math.round((w[label] + by) * 1000) / 1000;
  };
  LOYALTIES.forEach((label, k) => boost(`rl:${label}`, k, options.ruleLoyalty));
  boost("named", LOYALTIES.indexOf("psychological"), options.named);
  return {
    // The rules' score is positive for praise, negative for faults: SENTIMENTS' first and last.
    sentiment: {
      ...train(
        examples.map((e) => ({ features: e.features, label: e.sentiment })),
        SENTIMENTS,
        options,
      ),
      scoreWeight: [blend, 0, -blend],
    },
    loyalty,
  };
}

/** model.json's text for these examples. */
export function modelFile(
  examples: Example[],
  options: TrainOptions = TRAIN_DEFAULTS,
): string {
  return `${JSON.stringify({ trainedOn: examples.length, options, ...fit(examples, options) })}\n`;
}
