import { analyze, grammarWords, wordPairs, type Term } from "./analyze.server";
import { whileBuilding } from "./dictionaries.server";
import { expansions } from "./synonyms.server";
import { definedWords, definitionWords } from "./glosses.server";
import {
  SHOPPER_WEIGHT,
  shopperWords,
  termReliability,
} from "./shopper-words.server";
import { fold, runs } from "./text";
import { mergeWeakTypos } from "./typos.server";
import { learnKey, type FaqIndex } from "./query";

/**
 * Builds a locale's search index at publish time. Everything heavy happens here: morphological
 * analysis, readings, thesaurus and merchant synonyms, learned boosts, and BM25 weights are
 * computed per (term, entry) so the storefront only adds numbers.
 */
export interface FaqDoc {
  id: string;
  question: string;
  answer: string;
  tags?: string[];
  category?: string;
  /** Other ways shoppers ask, as the merchant wrote or added them from the gap report. */
  phrasings?: string[];
}

export interface LearnedRow {
  query: string;
  handle: string;
  opens: number;
  helpful: number;
  notHelpful: number;
}

export interface BuildOptions {
  synonyms?: string[][];
  learned?: LearnedRow[];
}

// Field weights: the question says what an entry is about; tags are the merchant's search words;
// an answer mentions many things it is not about (chosen with `npm run faq:train -- --cv`).
const FIELDS = { question: 3, tags: 2, category: 1.2, answer: 0.6 } as const;
/**
 * A way to ask the merchant gave, asked as written, ranks its entry first as a learned query
 * does when shoppers confirmed it several times over. Its words count at the tags' field weight
 * but only 0.45 as exact: measured on the training corpus (each entry given half its shoppers'
 * wordings, the other half ranked), at full exactness, with synonyms, shoppers' words and
 * character pairs drawn from them, the incidental words of one entry's wordings ("部屋", "魚",
 * "回る") pulled other entries' questions: ja MRR@10 .840 → .810. Like this, given the wordings
 * that failed (what the gap report adds), unseen wordings rank as before (ja .840, en .859 → .860).
 */
const PHRASING_STRENGTH = 4;
/**
 * The words of an answer in Japanese (not Latin-only) count more often than the answer's field
 * weight gives, but as less exact: chosen with all weights tuned together on the 364-shop corpus
 * (ADR 005, session fifteen). The rest of that tuning was not kept: the question's own words at
 * 1.8 broke the rule that an entry's question outweighs a word its answer only mentions.
 */
const JAPANESE_ANSWER = { field: 0.9, exactness: 0.8 } as const;
const PHRASING_EXACTNESS = 0.45;
/**
 * How exactly two words side by side in the entry's own text stand for it: the pair only adds
 * to what its two words already give. English: cv en .8954 → .8968 with shoppers' pairs, before
 * pairs stopped at "when"; 0.125, 0.5 and 1 gave .8967, .8964 and .8959. Japanese, measured
 * adjacent words only: 0.25, 0.5 and 1 within .0002 (ADR 005).
 */
const PAIR = 0.25;
const BIGRAM_WEIGHT = 0.35;
const ENGLISH_ANSWER_EXACTNESS = 0.8;
/**
 * How much an entry counts toward a word's document frequency when it only borrows the word
 * (a synonym, a definition's word, a word other shops' shoppers typed) instead of saying it.
 * Counted whole, borrowing made an entry's own words look common: in a rug shop whose entries
 * nearly all borrow "size", the word weighed 0.33 in "What size rug should I get?", and 1.18
 * counted like this. Chosen with `npm run faq:train -- --cv` (ADR 005, session seventeen).
 */
const BORROWED_DF = 0.5;
/**
 * How exact a borrowed word is, from its share (`shopperWords`: how many of the like entries'
 * shoppers typed it, with what the entry's words bring): SHOPPER_WEIGHT × share ^ 0.5, so that
 * a word one shopper in twenty-five typed counts a fifth of one they all typed, not a
 * twenty-fifth. Our reading, not measured: most words a shopper types in place of the FAQ's
 * have small shares, which left them too light to lift the right entry over one that names
 * the shop's product. Chosen with `--cv` (ADR 005, session thirty-six): on every fourth
 * of the first 364 shops, ja .8982 with the share as is, .9003 at 0.7, .9006 at 0.5, .8983 at
 * 0.35.
 */
const BORROWED_SHARE_POWER = 0.5;
/** A word in Latin letters and digits only: not a mixed term of a Japanese text ("cod不可"). */
const LATIN = /^[a-z0-9'’]+$/;
const K1 = 2;
const B = 0.3;
/**
 * An entry's weights are divided by how much it borrows from other shops' shoppers (the length of
 * the vector of its borrowed words' weights) against the shop's mean, to this power, the ratio
 * taken as a quarter at least. A shipping or returns entry is like many entries elsewhere and
 * borrows many words: it met nearly every query somewhere and won near ties against the entry
 * the shopper wanted. Chosen on throwaway runs (ADR 005, session thirty-eight): on every fourth
 * of the first 364 shops, ja MRR .9028 → .9036 and R@3 .9497 → .9510 at 0.4 (0.6 .9032);
 * another fourth .8947 → .8953, en .9218 → .9232. All of an entry's weights in the length
 * measured as much; its own words alone, or all but the borrowed ones, less (.9031, .9033).
 */
const BORROWED_LENGTH_POWER = 0.4;
const MIN_BORROWED_RATIO = 0.25;

/** The key a learned query is looked up by: folded, letters and digits only. */
export { learnKey };

/**
 * Per (entry, term) two things are kept apart: how much the entry is about the term (field-weighted
 * occurrences, saturated as in BM25) and how exactly the term stands for what the entry wrote
 * (1 for its words, less for readings, stems, question words and synonyms). Mixing the second
 * into the first would let a synonym count almost fully once BM25 saturates.
 */
export function buildIndex(
  docs: FaqDoc[],
  opts: BuildOptions = {},
): Promise<FaqIndex> {
  return whileBuilding(() => build(docs, opts));
}

async function build(docs: FaqDoc[], opts: BuildOptions): Promise<FaqIndex> {
  /** Per term of an entry: field-weighted occurrences, exactness, and its share of the term's df. */
  type Stats = { tf: number; exact: number; df: number };
  const perDoc: Map<string, Stats>[] = [];
  /** Per entry, the words it borrows from other shops' shoppers (shopperWords). */
  const borrowed: Set<string>[] = [];
  const lengths: number[] = [];
  for (const doc of docs) {
    const terms = new Map<string, Stats>();
    const put = (list: Term[], field: number, discount = 1, df = 1) => {
      for (const { term, weight } of list) {
        const e = terms.get(term) ?? { tf: 0, exact: 0, df: 0 };
        e.tf += field;
        e.exact = Math.max(e.exact, weight * discount);
        e.df = Math.max(e.df, df);
        terms.set(term, e);
      }
    };
    const question = await analyze(doc.question);
    const tags = await analyze((doc.tags ?? []).join("、"));
    const category = await analyze(doc.category ?? "");
    const answer = await analyze(doc.answer);
    const phrasings = await analyze((doc.phrasings ?? []).join("。"));
    put(question, FIELDS.question);
    put(tags, FIELDS.tags);
    put(phrasings, FIELDS.tags, PHRASING_EXACTNESS);
    put(category, FIELDS.category);
    // An English answer's words count as less exact than the entry's own question: "until it
    // ships" in an order-change answer, plus the "ship" its shoppers borrow, had made it as much
    // about shipping as "How soon will my order ship?" (cv en +.002; Japanese answers lost at 0.8).
    put(
      answer.filter((a) => !LATIN.test(a.term)),
      JAPANESE_ANSWER.field,
      JAPANESE_ANSWER.exactness,
    );
    put(
      answer.filter((a) => LATIN.test(a.term)),
      FIELDS.answer,
      ENGLISH_ANSWER_EXACTNESS,
    );
    // Meaning: concepts the entry's words belong to, strongest from the question and tags.
    put(
      await expansions(
        question.concat(tags),
        opts.synonyms ?? [],
        [doc.question, ...(doc.tags ?? [])].join("\n"),
      ),
      FIELDS.question,
      1,
      BORROWED_DF,
    );
    put(
      await expansions(answer, opts.synonyms ?? [], doc.answer),
      FIELDS.answer,
      0.8,
      BORROWED_DF,
    );
    // Words whose dictionary definitions use the entry's English words ("decaf" for caffeine).
    put(
      await definedWords(question.concat(tags)),
      FIELDS.question,
      1,
      BORROWED_DF,
    );
    // And the words that define the entry's own ("whetstone": sharpening, edged, tools), an
    // answer's at the answer's field weight (cv en .8725 → .8733 against the question's).
    put(
      await definitionWords(question.concat(tags)),
      FIELDS.question,
      1,
      BORROWED_DF,
    );
    put(await definitionWords(answer), FIELDS.answer, 1, BORROWED_DF);
    // The words other shops' shoppers typed for entries like this one (alike by all its text),
    // each as exact as the square root of its share (BORROWED_SHARE_POWER).
    const lent = (await shopperWords(question.concat(tags), answer)).map(
      ({ term, weight }) => ({ term, weight: weight ** BORROWED_SHARE_POWER }),
    );
    put(lent, FIELDS.question, SHOPPER_WEIGHT, BORROWED_DF);
    borrowed.push(new Set(lent.map(({ term }) => term)));
    // Words side by side ("credit+card", "いくら+送料"): what a memory-card entry that borrowed
    // "credit" lacks. Other shops' shoppers lend such pairs as well (shopperWords).
    put(await wordPairs(doc.question, PAIR, question), FIELDS.question);
    put(await wordPairs((doc.tags ?? []).join("\n"), PAIR, tags), FIELDS.tags);
    put(await wordPairs(doc.answer, PAIR, answer), FIELDS.answer);
    // Character pairs of the question catch compounds and words the dictionary does not know.
    for (const run of runs(fold(doc.question))) {
      if (run.latin) continue;
      for (let i = 0; i + 1 < run.text.length; i++)
        put(
          [{ term: `~${run.text.slice(i, i + 2)}`, weight: BIGRAM_WEIGHT }],
          FIELDS.question,
        );
    }
    perDoc.push(terms);
    lengths.push(
      question.length * FIELDS.question +
        answer.length +
        (tags.length + phrasings.length) * FIELDS.tags,
    );
  }
  const avg =
    lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length) || 1;
  const df = new Map<string, number>();
  for (const terms of perDoc)
    for (const [term, e] of terms) df.set(term, (df.get(term) ?? 0) + e.df);
  const n = docs.length;
  const t: Record<string, number[]> = Object.create(null);
  const reliability = new Map<string, number>();
  const weightOf = (i: number, term: string, { tf, exact }: Stats) => {
    const norm = 1 - B + (B * lengths[i]) / avg;
    const d = df.get(term)!;
    const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
    // A word shoppers elsewhere typed in passing ("使う", "use") counts less, one that named
    // their topic ("返品") more (termReliability; cv ja and en, ADR 005).
    return (
      100 *
      exact *
      idf *
      (reliability.get(term) ??
        reliability.set(term, termReliability(term)).get(term)!) *
      ((tf * (K1 + 1)) / (tf + K1 * norm))
    );
  };
  // Each entry's weights scaled by how much it borrows against the shop's mean
  // (BORROWED_LENGTH_POWER); without a corpus to borrow from, as they are. Weighed twice rather
  // than kept: a list of every entry's weights held beside perDoc would double its memory.
  const borrowedNorms = perDoc.map((terms, i) => {
    let sum = 0;
    for (const term of borrowed[i])
      sum += weightOf(i, term, terms.get(term)!) ** 2;
    return Math.sqrt(sum);
  });
  const mean = borrowedNorms.reduce((a, b) => a + b, 0) / Math.max(1, n);
  perDoc.forEach((terms, i) => {
    const scale = mean
      ? Math.max(MIN_BORROWED_RATIO, borrowedNorms[i] / mean) **
        -BORROWED_LENGTH_POWER
      : 1;
    for (const [term, stats] of terms) {
      const w = Math.round(weightOf(i, term, stats) * scale);
      if (w > 0) (t[term] ??= []).push(i, w);
    }
  });
  mergeWeakTypos(t);
  // Grammar words, with no postings: they let the query side tell grammar from unknown words.
  // Also when an entry's own words include them ("どうすればいい?", "届かない"): shoppers write
  // ない, いい, ほしい about every topic, and scored they ranked such entries first (cv ja +.005).
  const grammar = new Set<string>();
  for (const doc of docs)
    for (const word of await grammarWords(
      [doc.question, doc.answer, ...(doc.phrasings ?? [])].join("\n"),
    ))
      grammar.add(word);
  for (const word of grammar) t[word] = [];
  const lq: Record<string, number[]> = Object.create(null);
  const position = new Map(docs.map((d, i) => [d.id, i]));
  docs.forEach((doc, i) => {
    for (const key of new Set((doc.phrasings ?? []).map(learnKey)))
      if (key) (lq[key] ??= []).push(i, PHRASING_STRENGTH);
  });
  for (const row of opts.learned ?? []) {
    const i = position.get(row.handle);
    const strength =
      Math.log2(1 + row.opens + 2 * row.helpful) -
      Math.log2(1 + 2 * row.notHelpful);
    if (i === undefined || strength <= 0) continue;
    (lq[learnKey(row.query)] ??= []).push(i, Math.round(strength * 100) / 100);
  }
  return {
    v: 1,
    ids: docs.map((d) => d.id),
    t,
    ...(Object.keys(lq).length ? { lq } : {}),
  };
}
