import type { PreviewHit } from "./preview.server";

/**
 * "送料 → 配送料、送料無料 / いくら": each query word, and the entry's words it found when they
 * are not just the word itself or its stem (readings, synonyms, shoppers' words, typos), four
 * at most.
 */
export function whyText(why: PreviewHit["why"], comma: string): string {
  return why
    .map(({ word, matched }) => {
      // A stem of the word itself ("returns" → "return") says nothing new.
      const others = matched.filter(
        (m) => m !== word && !(m.length >= 3 && word.startsWith(m)),
      );
      if (!others.length) return word;
      const shown = others.slice(0, 4).join(comma);
      return `${word} → ${shown}${others.length > 4 ? "…" : ""}`;
    })
    .join(" / ");
}

/**
 * "いくら+送料, 送料": the query's words an entry has side by side, and character pairs of text
 * the index did not know or of a negation (ない) the entry's question shares (their "~"
 * dropped): why one entry outranks another that matched the same words.
 */
export function togetherText(together: string[], comma: string): string {
  return together.map((pair) => pair.replace(/^~/, "")).join(comma);
}
