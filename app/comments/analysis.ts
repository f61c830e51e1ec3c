import { fold } from "../faq/engine/text";
import type { CatalogNames } from "./catalog";
import { loyaltyOf, type Loyalty } from "./loyalty";
import { isHedged, sentimentScore, type Sentiment } from "./sentiment";

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
}

export function analyzeComment(text: string, catalog?: CatalogNames): CommentAnalysis {
  const folded = fold(text);
  const { score, cues } = sentimentScore(folded);
  const sentiment: Sentiment = score > 0 ? "positive" : score < 0 ? "negative" : "neutral";
  const l = loyaltyOf(folded, catalog, score !== 0);
  // Saying why they bought, with nothing negative, is a satisfied purchase.
  // Choosing a named maker or model is itself a positive statement, even when "looking for" it.
  const finalSentiment: Sentiment = sentiment === "neutral" && !isHedged(folded) && (l.psychScore > 0 || (l.behavScore > 0 && !/欲しくて|ほしくて|たくて|探して|needed|wanted|haven't|not yet|まだ/.test(folded))) ? "positive" : sentiment;
  return { sentiment: finalSentiment, loyalty: l.loyalty, cues: [...cues, ...l.cues], names: l.names };
}

/** Per product, the share of each loyalty type among its analysed comments (shares sum to 1). */
export function loyaltyShares(items: { products: string[]; loyalty: Loyalty }[]): Map<string, Record<Loyalty, number> & { comments: number }> {
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
    out.set(p, { psychological: c.psychological / n, behavioral: c.behavioral / n, none: c.none / n, comments: n });
  }
  return out;
}
