import { fold, isLightWord, isStopword, runs, stem } from "./text";

/**
 * The query side of the FAQ search: the same module in the storefront script and on the server
 * (admin preview, evaluation). No dictionary here: the index's vocabulary already holds every
 * form the builder derived (readings, stems, variants, synonyms), so a query is segmented by
 * finding the best cover of its text with vocabulary words, and scored by adding the weights
 * the builder precomputed.
 */
export interface FaqIndex {
  v: 1;
  ids: string[];
  /** term → [entry, weight, entry, weight, ...] (BM25 weights × 100) */
  t: Record<string, number[]>;
  /** learnKey(query) → [entry, strength, ...]: learned queries and ways to ask */
  lq?: Record<string, number[]>;
}

export interface Hit {
  id: string;
  score: number;
  /** With `explain`: per query word, in query order, the index words of the entry it matched. */
  why: [string, string[]][];
  /**
   * With `explain`: the query's words the entry has side by side ("いくら+送料", "credit+card")
   * and the character pairs of unknown text it met ("~送料"), or of a negation its question
   * shares with the query ("~ない"), which add to its score on top of the words.
   */
  together?: string[];
}

export interface SearchResult {
  hits: Hit[];
  weak: boolean;
}

const KANJI = /[\u3400-\u9fff々]/;
/** Vocabulary words tried as what a misspelt Latin word meant (the index builder uses it too). */
export const LATIN_WORD = /^[a-z0-9]{3,}$/;
/** The weight of a typo's nearest words (the index builder gives weak misspellings the same). */
export const TYPO_WEIGHT = 0.7;

/**
 * The entries a shopper is offered for a query: at most eight, and none scoring under a tenth of
 * the first, where an entry met only a borrowed word or a shared kanji (every entry of a shop
 * borrows some). `npm run faq:train -- --cv` measures it: 4.8 entries listed instead of 7.3 for
 * a Japanese query, 3.2 instead of 4.6 for an English one, 99% of the right ones kept.
 */
export const shown = <H extends { score: number }>(hits: H[]): H[] =>
  hits.slice(0, 8).filter((h) => h.score * 10 >= hits[0].score);

/** Optimal string alignment distance, stopping early once above `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2] + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * The key a learned query or a way to ask is stored under: a 32-bit FNV-1a hash of its folded
 * letters and digits, so the page carries no text a shopper typed. "" when nothing is left.
 */
export function learnKey(query: string): string {
  let h = 2166136261;
  const key = fold(query).replace(/[^\p{L}\p{N}]+/gu, "");
  for (const c of key) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return key && (h >>> 0).toString(36);
}

/**
 * "何日", "何週間", "何ヶ月" ask when, as いつ does: not about 日 (whose compounds 日時,
 * 日付, 曜日 fill date-choice entries) but about time (cv ja +.001); in kana too ("なんにち").
 * Not 何時間: that asks how many hours (a battery, a candle, a drying time), which the
 * entries answer in 時間. Set apart, so that no word reads across it: "何日もつ" is いつ +
 * もつ, not いつも + つ (cv ja +.0003, R@3 +10 queries).
 * The text with them read as いつ: the query side segments it so, and the index builder pairs
 * words so.
 */
export const asWhen = (text: string) =>
  text.replace(
    /(何|なん)(日|にち|週間?|しゅうかん|[かけ]?月|かげつ)/g,
    " いつ ",
  );

/**
 * The pairs a Japanese word makes with the two words said before it, each in code-point order
 * ("いくら+送料" however typed): the index builder (japanesePairs) and the query side form them
 * with this one function, so that they meet.
 */
export const nearPairs = (said: string[], word: string) =>
  said.slice(-2).map((x) => [x, word].sort().join("+"));

/**
 * Best cover of a Japanese run by vocabulary words (longer words win over short kana hits).
 * Returns the words (last first), and the uncovered stretches that hold kanji (still a topic the
 * shopper named: they count against coverage and are tried as character pairs).
 * A word is worth its length squared, a kanji counting as two kana: "水出しの" is 水出 (a kanji
 * word, the し left over), not 水 + 出し (cv ja +.0011, R@3 +.0010 against one kana; 1.7 or
 * 2.5 kana measured within .0003 of two). The index builder covers text with it too.
 */
const worth = (word: string) =>
  (word.length + [...word].filter((c) => KANJI.test(c)).length) ** 2;
export function cover(
  text: string,
  known: (word: string) => unknown,
): [words: string[], gaps: string[]] {
  const n = text.length;
  const best = new Array<number>(n + 1).fill(0);
  const from = new Array<number>(n + 1).fill(-1);
  for (let i = 1; i <= n; i++) {
    best[i] = best[i - 1];
    for (let j = Math.max(0, i - 12); j < i; j++) {
      const word = text.slice(j, i);
      const value = known(word) ? best[j] + worth(word) : 0;
      if (value > best[i]) {
        best[i] = value;
        from[i] = j;
      }
    }
  }
  const words: string[] = [];
  const gaps: string[] = [];
  let gap = "";
  const close = () => {
    if (/[\u3400-\u9fff\u30fc]/.test(gap) || gap.length > 3) gaps.push(gap);
    gap = "";
  };
  for (let i = n; i > 0;) {
    const j = from[i];
    if (j >= 0 && best[i] !== best[i - 1]) {
      close();
      words.push(text.slice(j, i));
      i = j;
    } else if (text[--i] > " ") gap = text[i] + gap;
    // A space (set around いつ by asWhen) ends a stretch.
    else close();
  }
  close();
  return [words, gaps];
}

export function createSearch(chunks: FaqIndex | FaqIndex[]) {
  const list = Array.isArray(chunks) ? chunks : [chunks];
  const ids = list.find((c) => c.ids?.length)?.ids ?? [];
  // Without a prototype: "constructor" or "toString" typed by a shopper is not a term.
  const t: Record<string, number[]> = Object.assign(
    Object.create(null),
    ...list.map((c) => c.t),
  );
  const lq: Record<string, number[]> = Object.assign(
    Object.create(null),
    ...list.map((c) => c.lq ?? {}),
  );
  const latinWords = Object.keys(t).filter((k) => LATIN_WORD.test(k));
  // Single characters only as kanji words or as grammar (a particle: は + いつ, not はい + つ).
  const known = (s: string) =>
    t[s] && (s.length > 1 || KANJI.test(s) || !t[s].length);
  // Per-entry scratch, made once: a fresh buffer per query made the browser collect garbage
  // often enough to show in p99 (chromium, 1,000 entries).
  const n = ids.length;
  const score = new Float64Array(n);
  const covered = new Float64Array(n);
  const seen = new Int16Array(n);
  /** How much of the current query word each entry has met so far (its strongest term). */
  const met = new Float64Array(n);
  /** How many query words each entry met at all: what says a search is weak. */
  const touched = new Uint8Array(n);
  // The shop's entries, counted as twelve at least for how many hold a term: in a small FAQ a
  // word two of three entries hold is not yet the shop's product.
  const many = Math.max(n, 12);
  // Kanji → vocabulary words containing it, for unknown compounds ("保障" finds "保証").
  const byKanji = new Map<string, string[]>();
  for (const w of Object.keys(t)) {
    if (w.length < 2 || /[~+]/.test(w)) continue;
    for (const c of new Set(w))
      if (KANJI.test(c)) (byKanji.get(c) ?? byKanji.set(c, []).get(c)!).push(w);
  }
  /**
   * Vocabulary words (of six characters at most) sharing a kanji with `text`, weighted by the share
   * of their characters that are those kanji: the twelve with the largest share, not the first
   * twelve in vocabulary order (borrowed words make the lists long).
   */
  const sharingKanji = (
    text: string,
    weight: number,
    skip: (w: string) => boolean,
  ): [string, number][] => {
    const kanji = [...text].filter((c) => KANJI.test(c));
    const near = [
      ...new Set(kanji.flatMap((c) => byKanji.get(c) ?? [])),
    ].filter((w) => w.length <= 6 && !skip(w));
    const scored = near.map(
      (w) =>
        [
          w,
          weight * ([...w].filter((c) => kanji.includes(c)).length / w.length),
        ] as [string, number],
    );
    return scored.sort((a, b) => b[1] - a[1]).slice(0, 12);
  };

  /** `explain` lists the query words each hit matched (the admin preview); the storefront skips it. */
  return function search(
    query: string,
    limit = 10,
    explain = false,
  ): SearchResult {
    const units: [string, number][][] = [];
    /** The query word each unit stands for (explanations only). */
    const heads: string[] = [];
    // Terms scored on top of the words, not counted in coverage: Japanese character pairs
    // ("~送料") and English words side by side ("credit+card", light words skipped, as
    // englishPairs makes them). Pushed unchecked: a pair the index lacks scores nothing, so
    // one formed across what englishPairs stops at ("when", punctuation) meets no entry.
    // Japanese words near one another too ("いくら+送料"), as japanesePairs makes them.
    const pairs: string[] = [];
    let prev = "";
    const said: string[] = [];
    /** The units of the Japanese words scored, in the order typed. */
    const spoken: [string, number][][] = [];
    for (const { latin, text } of runs(fold(query.slice(0, 200)))) {
      if (latin) {
        if (isStopword(text)) continue;
        const s = stem(text);
        const light = isLightWord(text);
        if (!light) {
          pairs.push(`${prev}+${s}`);
          prev = s;
        }
        const split = [...s]
          .map((_, i) =>
            [stem(text.slice(0, i)), stem(text.slice(i))].filter(
              (w) => w.length > 3 && t[w],
            ),
          )
          .sort(
            (a, b) =>
              b.length - a.length || b.join("").length - a.join("").length,
          )[0];
        if (t[s]) units.push([[s, light ? 0.3 : 1]]);
        else {
          // Typos in words of five letters or more; shorter ones would meet real words ("shop"/"ship").
          // Two from seven letters ("baterries", "vinager"): cv en R@3 +.0002, R@1 -.0004.
          // Not tried for a closed compound the entries write apart ("waterproof" → "water" + "proof").
          const max =
            split?.length === 2 ? 0 : s.length >= 7 ? 2 : s.length >= 5 ? 1 : 0;
          // The nearest four: a large vocabulary holds many words two edits away.
          const near = max
            ? latinWords
                .map((w) => [w, distance(s, w, max)] as [string, number])
                .filter(([, d]) => d <= max)
            : [];
          // Else the compound's parts, or its one known part ("sunscreen" → "screen"), which must
          // not hide a typo's word ("wholesail" is "wholesale", not "whole" + "sail").
          if (near.length)
            units.push(
              near
                .sort((a, b) => a[1] - b[1])
                .slice(0, 4)
                .map(([w]) => [w, TYPO_WEIGHT] as [string, number]),
            );
          else
            units.push(
              split?.length
                ? split.map((w) => [w, 0.8] as [string, number])
                : // Or the words it begins, shortest first: a word still being typed ("retu" →
                  // "return"), of three letters or more and three fifths of the word at least
                  // ("fast" is not "fastener"); cv en +.0006 (+.0007 without the share). Not a
                  // number ("100" is not "1000"): its third character must be a letter.
                  text[2] > "9"
                  ? latinWords
                      .filter(
                        (w) =>
                          w.length * 3 <= text.length * 5 && w.startsWith(text),
                      )
                      .sort((a, b) => a.length - b.length)
                      .slice(0, 4)
                      .map((w) => [w, 0.5] as [string, number])
                  : [],
            );
        }
        heads.push(text);
      } else {
        const [words, gaps] = cover(asWhen(text), known);
        // Words without postings are grammar: recognised, so not unknown text, but not scored.
        for (const w of words.reverse())
          if (t[w].length) {
            // Japanese words near one another, as the index pairs them (japanesePairs): each
            // with the two scored words before it, in either order, across spaces
            // ("石けんの送料いくら": 石けん+送料, いくら+石けん, いくら+送料).
            pairs.push(...nearPairs(said, w));
            said.push(w);
            // A long word also stands for the two words it is made of ("そうりょうむりょう" =
            // "そうりょう" + "むりょう"), for entries that have them apart or only one of them.
            const unit: [string, number][] = [[w, 1]];
            for (let i = 2; w.length > 3 && i < w.length - 1; i++)
              if (known(w.slice(0, i)) && known(w.slice(i)))
                unit.push([w.slice(0, i), 0.5], [w.slice(i), 0.5]);
            // And, more weakly than an unknown word, the words sharing its kanji ("死んでた" →
            // 死着): a word borrowed from other shops' shoppers is known, yet the shop's own
            // entry may have it only inside a compound. At 0.2 since such words count for
            // coverage by their share only (cv ja +.0006 against 0.125; 0.18 to 0.25 within .0002).
            unit.push(
              ...sharingKanji(w, 0.2, (x) => unit.some(([u]) => u === x)),
            );
            units.push(unit);
            heads.push(w);
            spoken.push(unit);
          }
        for (const gap of gaps) {
          // An unknown compound of two or more kanji, or an inflected word the index lacks
          // ("飛べる" for "飛行"): words sharing a kanji with it, weakly. A query of one kanji alone is not a topic.
          const kanji = [...gap].filter((c) => KANJI.test(c));
          units.push(
            kanji.length > 1 || (kanji.length && text.length > 1)
              ? sharingKanji(gap, 0.25, () => false)
              : [],
          );
          heads.push(gap);
          // Character pairs that hold a kanji (kana pairs such as "ます" are grammar, not topic).
          for (let i = 0; i + 1 < gap.length; i++)
            if (KANJI.test(gap.slice(i, i + 2)))
              pairs.push(`~${gap.slice(i, i + 2)}`);
        }
        // A shopper saying something does not work (ない, ません) is nearer an entry whose question
        // says so too ("届かない", "つながりません"): the character pairs the index holds for its
        // question (~ない, ~せん), scored on top of the words. As words such endings are grammar:
        // scored, they ranked every entry that has one first (build.server.ts). After something:
        // ない alone is no topic. Throwaway runs on two quarters of the training shops (ADR 005):
        // ja MRR +.0007 and +.0011, R@3 +.0005 and +.0013.
        if (/.(ない|ません)/.test(text)) pairs.push("~ない", "~せん");
      }
    }
    // Japanese words typed first count a little more: the last counts 0.85 of the first, those
    // between in proportion (cv ja +.0007, R@3 +.0008; 0.9 and 0.75 within .0005 of it, the
    // last counting more −.0017; English words so weighed +.0002, R@3 one query fewer: not
    // kept). Our reading: a Japanese sentence ends on its predicate, whose words (かける, 置く,
    // 返す) more entries share than the nouns before it.
    spoken.forEach((unit, i) => {
      for (const term of unit)
        term[1] *= 1 - (0.15 * i) / (spoken.length - 1 || 1);
    });
    score.fill(0);
    covered.fill(0);
    touched.fill(0);
    seen.fill(-1);
    // A query word counts towards an entry's coverage by the strongest term it met there: a
    // word itself, its typo, compound half or light form wholly; a word sharing its kanji by
    // four times its weight: by its share of those kanji for an unknown compound, 0.8 of that
    // for a known word ("日陰" met only in 日数 covers 0.4 of it). Counted wholly, a shared
    // kanji let an entry cover a word it does not have (cv ja +.0011; 3 to 8 times within
    // .0003 of 4, 16 times +.0002).
    // And a term many of the shop's entries have (its product's name, 注文) covers a word only
    // in part: wholly where one entry in seventeen has it at most, 0.24 where all have it (0.35
    // × ln(1 + entries / entries with it); cv ja +.0007, en +.0003, R@3 +.0007 and +.0006 at
    // 0.4, when 0.3 and 0.5 measured within .0002 of it). Measured again after later changes
    // (session thirty-nine, throwaway runs on two quarters of the training shops), 0.35
    // against 0.4: ja MRR +.0004 and +.0010, R@3 ±0 and +.0007, en +.0003.
    units.forEach((unit, k) => {
      for (const [term, weight] of unit) {
        const postings = t[term];
        const credit =
          Math.min(1, 4 * weight) *
          Math.min(1, 0.35 * Math.log(1 + (2 * many) / postings.length));
        for (let p = 0; p < postings.length; p += 2) {
          const d = postings[p];
          score[d] += postings[p + 1] * weight;
          if (seen[d] !== k) {
            seen[d] = k;
            met[d] = 0;
            touched[d]++;
          }
          if (credit > met[d]) {
            covered[d] += credit - met[d];
            met[d] = credit;
          }
        }
      }
    });
    for (const pair of new Set(pairs)) {
      const postings = t[pair] ?? [];
      for (let p = 0; p < postings.length; p += 2)
        score[postings[p]] += postings[p + 1];
    }
    const total = units.length || 1;
    let top = 0;
    // An entry meeting every word the shopper typed beats one meeting a single word strongly:
    // a tenth of the score stands without coverage (cv ja +.0009, en −.0001 against a fifth,
    // once shared kanji count partly; a fifth had measured best before, against 0.1, 0.3, 0.4),
    // and the rest grows a little faster than the share covered, as its power 1.3 (cv ja
    // +.0006, en +.0002, R@3 ±0 and +3 queries; 1.2 and 1.4 within .0002, 2 and 0.8 lower).
    for (let d = 0; d < n; d++) {
      score[d] *= 0.1 + 0.9 * (covered[d] / total) ** 1.3;
      top = Math.max(top, score[d]);
    }
    // What shoppers who asked the same question went on to open (and found helpful).
    const learned = lq[learnKey(query)] ?? [];
    for (let p = 0; p < learned.length; p += 2)
      score[learned[p]] += Math.max(top, 100) * 0.25 * learned[p + 1];
    const order: number[] = [];
    for (let d = 0; d < n; d++) if (score[d] > 0) order.push(d);
    order.sort((a, b) => score[b] - score[a]).length = Math.min(
      order.length,
      limit,
    );
    const hits = order.map((d) => {
      const hit: Hit = {
        id: ids[d],
        score: Math.round(score[d]) / 100,
        why: [],
      };
      // For the admin preview only: the storefront build defines FAQ_STOREFRONT, and the
      // minifier drops this block (esbuild inlines the comparison, not a constant holding it).
      if (process.env.FAQ_STOREFRONT !== "1" && explain) {
        // A pair the index lacks has no postings (pairs are pushed unchecked).
        const has = (term: string) =>
          (t[term] ?? []).some((v, i) => i % 2 === 0 && v === d);
        units.forEach((unit, k) => {
          const matched = [...new Set(unit.map(([term]) => term).filter(has))];
          if (matched.length) hit.why.push([heads[k], matched]);
        });
        const folded = fold(query);
        hit.why.sort((a, b) => folded.indexOf(a[0]) - folded.indexOf(b[0]));
        hit.together = [...new Set(pairs)].filter(has);
      }
      return hit;
    });
    const best = order[0];
    return {
      hits,
      weak: !hits.length || touched[best] / total < 0.5 || score[best] < 150,
    };
  };
}

export type FaqSearch = ReturnType<typeof createSearch>;
