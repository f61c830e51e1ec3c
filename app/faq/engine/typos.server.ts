import { distance, LATIN_WORD, TYPO_WEIGHT } from "./query";

/**
 * Known words that are typos of the shop's words. Other shops' shoppers misspell ("warrenty"), so
 * borrowed words make a misspelling known, but weakly, and the query side then never tries it as
 * a typo of the entry's own "warranty". Each Latin word of six letters or more takes, at the
 * weight of a typo, the postings of its two nearest words one edit away (two from eight letters)
 * that weigh more than it does at their strongest (cv en +.002). Shorter words are too often
 * real words an edit apart (point / print, round / around). Done here, at publish time, because
 * scanning the vocabulary per query word made the query side's p99 three times slower.
 */
export function mergeWeakTypos(t: Record<string, number[]>): void {
  const peak = new Map<string, number>();
  const byLength = new Map<number, string[]>();
  for (const [word, postings] of Object.entries(t)) {
    if (!LATIN_WORD.test(word)) continue;
    peak.set(word, Math.max(0, ...postings.filter((_, i) => i % 2)));
    (
      byLength.get(word.length) ??
      byLength.set(word.length, []).get(word.length)!
    ).push(word);
  }
  const merged: [string, Map<number, number>][] = [];
  for (const [word, own] of peak) {
    const max = word.length >= 8 ? 2 : word.length >= 6 ? 1 : 0;
    if (!max) continue;
    const near: [string, number][] = [];
    for (let len = word.length - max; len <= word.length + max; len++)
      for (const other of byLength.get(len) ?? []) {
        if (other === word || peak.get(other)! <= own) continue;
        const d = distance(word, other, max);
        if (d <= max) near.push([other, d]);
      }
    if (!near.length) continue;
    const sum = new Map<number, number>();
    const add = (postings: number[], weight: number) => {
      for (let p = 0; p < postings.length; p += 2)
        sum.set(
          postings[p],
          (sum.get(postings[p]) ?? 0) + postings[p + 1] * weight,
        );
    };
    add(t[word], 1);
    for (const [other] of near.sort((a, b) => a[1] - b[1]).slice(0, 2))
      add(t[other], TYPO_WEIGHT);
    merged.push([word, sum]);
  }
  // Written after all are computed, so a merged word never feeds another's merge.
  for (const [word, sum] of merged)
    t[word] = [...sum]
      .sort((a, b) => a[0] - b[0])
      .flatMap(([d, w]) => [d, Math.round(w)]);
}
