import { fold } from "../faq/engine/text";
import type { CatalogNames } from "./catalog";
import { loyaltyOf, type Loyalty } from "./loyalty";
import {
  asksSomething,
  isHedged,
  sentimentScore,
  type Sentiment,
} from "./sentiment";

/**
 * Reads a customer's comment for two things (framework-free, Japanese first, English too):
 * sentiment (./sentiment.ts) and loyalty (./loyalty.ts). Every result carries the cues it rests
 * on, so the dashboard can show why.
 */
export type { Loyalty, Sentiment };

export interface CommentAnalysis {
  sentiment: Sentiment;
  loyalty: Loyalty;
  cues: string[];
  names: string[];
  /** The rules' sentiment score before any threshold (the classifier reads how sure they were). */
  score: number;
}

export function analyzeComment(
  text: string,
  catalog?: CatalogNames,
): CommentAnalysis {
  const folded = fold(text);
  const { score, cues, endsNegative } = sentimentScore(folded);
  // One softened fault ("少し分かりにくかった") or a fault against a praise is not a verdict.
  const sentiment: Sentiment =
    score > 0.5 ? "positive" : score < -0.5 ? "negative" : "neutral";
  // A question about the product ("脚の長さは調整できますか?") is about the product, like a verdict.
  const l = loyaltyOf(
    folded,
    catalog,
    score !== 0 || asksSomething(folded),
    text,
  );
  // Choosing a named maker or model again is itself a positive statement, even when "looking
  // for" it, unless the comment ends on a fault ("リピートです。ただ今回は…"). Saying only why they bought ("セールだったので試しに") is a fact, not a judgement.
  // (English comments keep the older reading: a stated purpose there is read as a satisfied one.)
  const english = !/[\u3040-\u30ff\u4e00-\u9fff]/.test(folded);
  const purpose =
    english &&
    l.behavScore > 0 &&
    !/needed|wanted|haven'?t|not yet/.test(folded);
  const finalSentiment: Sentiment =
    sentiment === "neutral" &&
    !endsNegative &&
    !isHedged(folded) &&
    (l.psychScore > 0 || purpose)
      ? "positive"
      : sentiment;
  return {
    sentiment: finalSentiment,
    loyalty: l.loyalty,
    cues: [...cues, ...l.cues],
    names: l.names,
    score,
  };
}

/** Per product, the share of each loyalty type among its analysed comments (shares sum to 1). */
export function loyaltyShares(
  items: { products: string[]; loyalty: Loyalty }[],
): Map<string, Record<Loyalty, number> & { comments: number }> {
  const counts = new Map<string, Record<Loyalty, number>>();
  for (const { products, loyalty } of items) {
    for (const p of new Set(products)) {
      const c = counts.get(p) ?? { psychological: 0, behavioral: 0, none: 0 };
      c[loyalty]++;
      counts.set(p, c);
    }
  }
  const out = new Map<string, Record<Loyalty, number> & { comments: number }>();
  for (const [p, c] of counts) {
    const n = c.psychological + c.behavioral + c.none;
    out.set(p, {
      psychological: c.psychological / n,
      behavioral: c.behavioral / n,
      none: c.none / n,
      comments: n,
    });
  }
  return out;
}
