import {
  analyzeComment,
  type CommentAnalysis,
  type Loyalty,
  type Sentiment,
} from "./analysis";
import type { CatalogNames } from "./catalog";
import { predict, type TaskModel } from "./classifier";
import { japaneseTokenizer } from "../faq/engine/kuromoji.server";
import {
  englishFeatures,
  japaneseFeatures,
  type RuleReading,
  type Token,
} from "./features";
import trained from "./model.json";

/**
 * The comment analysis the app uses (server only): the rules of ./analysis.ts read the comment
 * first, then the classifier trained on labelled comments from many shops (./model.json, made by
 * `npm run comments:train`) decides, with the rules' reading among its features. The rules alone
 * carried over badly to shops they were not written against; see ADR 007.
 */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

export async function commentFeatures(
  text: string,
  rule: Pick<
    CommentAnalysis,
    "sentiment" | "loyalty" | "names" | "cues" | "score"
  >,
): Promise<string[]> {
  const reading: RuleReading = {
    sentiment: rule.sentiment,
    loyalty: rule.loyalty,
    named: rule.names.length > 0,
    score: rule.score,
  };
  // Each rule that fired, so the model learns which ones to trust.
  const cues = rule.cues.map((c) => `cue:${c}`);
  const normalized = text.normalize("NFKC");
  if (!JAPANESE.test(normalized))
    return [...englishFeatures(normalized, reading), ...cues];
  const tokens: Token[] = (await japaneseTokenizer())
    .tokenize(normalized)
    .map((t) => ({
      surface: t.surface_form,
      base:
        t.basic_form && t.basic_form !== "*" ? t.basic_form : t.surface_form,
      pos: t.pos,
      pos1: t.pos_detail_1,
    }));
  return [...japaneseFeatures(tokens, normalized, reading), ...cues];
}

const model = trained as unknown as {
  sentiment: TaskModel;
  loyalty: TaskModel;
};

/** Sentiment and loyalty of a comment, with the rules' cues and the names they found. */
export async function classifyComment(
  text: string,
  catalog?: CatalogNames,
): Promise<CommentAnalysis> {
  const rule = analyzeComment(text, catalog);
  const features = await commentFeatures(text, rule);
  const sentiment = predict(model.sentiment, features, rule.score);
  const loyalty = predict(model.loyalty, features);
  // The cues stay the rules' (the words the dashboard shows as why); the labels are the model's.
  return {
    ...rule,
    sentiment: sentiment.label as Sentiment,
    loyalty: loyalty.label as Loyalty,
  };
}
