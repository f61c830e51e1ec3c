import {
  GRAMMAR,
  JAPANESE,
  analyze,
  wordPairs,
  type Term,
} from "./analyze.server";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Shoppers rarely use the FAQ's words ("相手に値段を知られたくない" for an entry about price tags in
 * gifts). The training corpus (app/faq/training/, gathered by `npm run faq:train`) holds FAQs of
 * other shops with the queries that found each entry. At build time an entry borrows shoppers'
 * words in two ways:
 * - from the corpus entries most like it (the ten most alike by question and tag words): an
 *   entry about returns learns "返す", "送り返す", "合わない", whatever the shop's own wording;
 * - word by word: each of its words brings the query words that came, across the whole corpus,
 *   with entries holding that word ("キャンセル" brings "取り消す", "間違える", "やめる" to an
 *   entry however the rest of it reads).
 * The weight is below the entry's own words, so a borrowed word ranks an entry below one that
 * has the word itself; words shoppers use for every kind of question are not borrowed ("できる",
 * grammar) or barely ("注文"). The values were chosen with `npm run faq:train -- --cv` (ADR 005).
 */
// Ten since the corpus grew to 204 shops (cv en .8812 → .8822, ja ±0; twelve: en .8819, ja .8527).
const NEIGHBOURS = 10;
// Since answers' words are in the vectors, likenesses run lower (a longer vector gives each word a
// smaller share): 0.2, not 0.25 (cv en .9021 → .9032, ja .8733 → .8738; ADR 005).
const MIN_SIMILARITY = 0.2;
// A word counts when the neighbours' shoppers, weighted by likeness, used it in one query in fifty.
const MIN_SCORE = 0.02;
// Words that come with every kind of question ("できる", "いつ" ...) teach nothing about a topic.
const MAX_SPREAD = 0.15;
// Word by word: a query word must have been typed, in all, as often as a quarter of one entry's
// queries for entries holding the word, and for one in fifty of them (after ASSOCIATION_PRIOR
// pseudo-entries of smoothing). Its sum over the entry's words is scaled up to meet the
// neighbours' shares, which are larger because each comes from one entry's queries alone.
const MIN_SUPPORT = 0.25;
// The pseudo-entries a word's association is smoothed with, as if they held the word and their
// shoppers never typed the query word. With one, a word only one corpus entry holds lent that
// entry's shoppers' words nearly whole: "精油" held by another aroma shop's pregnancy entry lent
// "妊婦" to every entry of an aroma shop that names 精油, nearly as strongly as to its pregnancy
// entry.
// Three at 364 shops (cv, every fourth shop: en .9090 → .9107, ja .8773 → .8777; two and five
// lower). Eight at 940, where a word has more holders to be damped against (cv, the first 364
// shops: ja .8964 → .8983, R@3 +.0002; en even; ADR 005, session thirty-seven). The
// ASSOCIATION_SCALE at 12 with three measured higher on that quarter, and in English on all
// shops, but lent words shoppers type for every topic ("注文") too strongly and lost "credit
// card" to a memory-card entry (ADR 005).
const ASSOCIATION_PRIOR = 8;
const MIN_ASSOCIATION = 0.02;
const ASSOCIATION_SCALE = 8;
const MIN_ASSOCIATED = 0.01;
export const SHOPPER_WEIGHT = 0.6;

type Vector = Map<string, number>;

/**
 * Words with a number each, kept between builds: two arrays take less heap than a Map (whose
 * numbers are boxed one by one), and keep its order.
 */
interface Weights {
  terms: string[];
  weights: Float64Array;
}
const weightsOf = (map: Map<string, number>): Weights => ({
  terms: [...map.keys()],
  weights: Float64Array.from(map.values()),
});

interface Neighbour {
  locale: string;
  words: Weights;
}

// A term a text is about: light words ("いつ", "どのくらい") weigh less in analyze().
const HELD = 0.5;

// Grammar the query side recognises and never scores ("ほしい", "いい"): borrowed, it would score.
const grammar = new Set(GRAMMAR);

const termsOf = (terms: Term[]) => {
  const out = new Map<string, number>();
  for (const t of terms)
    out.set(t.term, Math.max(out.get(t.term) ?? 0, t.weight));
  return out;
};

/** A corpus entry as written: locale, question, tags (joined), answer (as text) and the queries that found it. */
export interface ShopperText {
  /** The shop the entry comes from: its other entries are what a query word could have met instead. */
  shop?: string;
  locale: string;
  question: string;
  tags: string;
  answer?: string;
  queries: string[];
}

/**
 * A corpus entry analysed: its question and tag terms with their weights, its answer's terms
 * (those it holds fully, not lightly), and each query's scoring terms (grammar left out, each
 * term once), with its English word pairs ("credit+card", which the query side meets as typed).
 */
export interface ShopperEntry {
  shop?: string;
  locale: string;
  terms: [string, number][];
  answer?: [string, number][];
  queries: string[][];
}

/** Analyses corpus entries as written. */
export async function analyseShopperTexts(
  texts: ShopperText[],
): Promise<ShopperEntry[]> {
  return Promise.all(
    texts.map(async (e) => ({
      ...(e.shop ? { shop: e.shop } : {}),
      locale: e.locale,
      terms: [...termsOf(await analyze(`${e.question}\n${e.tags}`))],
      ...(e.answer
        ? {
            answer: [...termsOf(await analyze(e.answer))].filter(
              ([, w]) => w >= HELD,
            ),
          }
        : {}),
      queries: await Promise.all(
        e.queries.map(async (q) => {
          const terms = await analyze(q);
          return [
            ...new Set(
              [...terms, ...(await wordPairs(q, 1, terms))]
                .filter((t) => t.weight >= HELD && !grammar.has(t.term))
                .map((t) => t.term),
            ),
          ];
        }),
      ),
    })),
  );
}

/**
 * shopper-words.json ships the corpus analysed by `npm run faq:train`, so that no server
 * analyses 44,000 texts on its first publish; a test fails when the analyzer would now analyse
 * them otherwise. An entry a line, in strings rather than arrays (which took 0.9 s instead of
 * 0.55 s to import under tsx, and 36 MB of heap instead of 9): terms "ふぃるた:1 交換:1", queries
 * "ふぃるた 替える|おれんじ らんぷ" (analyze's terms hold no spaces or "|"; packing checks it);
 * answer terms as terms are, left out when there are none.
 */
export interface PackedEntry {
  shop?: string;
  locale: string;
  terms: string;
  answer?: string;
  queries: string;
}

const packTerms = (terms: [string, number][]) =>
  terms.map(([t, w]) => `${t}:${Number(w.toFixed(4))}`).join(" ");

const unpackTerms = (packed: string): [string, number][] =>
  packed
    ? packed.split(" ").map((tw) => {
        const at = tw.lastIndexOf(":");
        return [tw.slice(0, at), Number(tw.slice(at + 1))];
      })
    : [];

export function packShopperEntry(e: ShopperEntry): PackedEntry {
  for (const term of [
    ...e.terms.map(([t]) => t),
    ...(e.answer ?? []).map(([t]) => t),
    ...e.queries.flat(),
  ])
    if (!term || /[\s|]/.test(term))
      throw new Error(`a term shopper-words.json cannot hold: "${term}"`);
  return {
    ...(e.shop ? { shop: e.shop } : {}),
    locale: e.locale,
    terms: packTerms(e.terms),
    ...(e.answer?.length ? { answer: packTerms(e.answer) } : {}),
    queries: e.queries.map((q) => q.join(" ")).join("|"),
  };
}

/**
 * A corpus entry as the tables are made from it: its answer's terms need only be read once, in
 * order (`tablesOf`).
 */
type CorpusEntry = Omit<ShopperEntry, "answer"> & {
  answer?: Iterable<[string, number]>;
};

/**
 * The shipped corpus's answers stay packed until read: unpacked all at once, their 1.6 million
 * pairs of a term and its weight (1,324 shops) held 170 MB of heap at the peak of a first publish.
 */
const unpack = (e: PackedEntry): CorpusEntry => {
  const answer = e.answer;
  return {
    ...(e.shop ? { shop: e.shop } : {}),
    locale: e.locale,
    terms: unpackTerms(e.terms),
    ...(answer
      ? { answer: { [Symbol.iterator]: () => unpackTerms(answer).values() } }
      : {}),
    queries: e.queries.split("|").map((q) => (q ? q.split(" ") : [])),
  };
};

const SHIPPED = "app/faq/engine/shopper-words.json";

/**
 * The shipped corpus, read when an index is first built and let go once prepared: imported, it
 * stayed in every server process as the bundle's 9.5 MB string and its 30 MB of objects, publishing
 * or not. Found from this module's directory upwards, which is app/faq/engine in development and
 * tests and build/server once built (`npm run build`; the app is served from the project, as
 * `npm start` does).
 */
function readShipped(): PackedEntry[] {
  return JSON.parse(readFileSync(shippedFile(), "utf8")) as PackedEntry[];
}

/** Where the shipped corpus is, looked for from `from` (this module's directory) upwards. */
export function shippedFile(
  from = path.dirname(fileURLToPath(import.meta.url)),
): string {
  const beside = path.join(from, "shopper-words.json");
  if (existsSync(beside)) return beside;
  for (let dir = from; ;) {
    const file = path.join(dir, SHIPPED);
    if (existsSync(file)) return file;
    const up = path.dirname(dir);
    if (up === dir)
      throw new Error(
        `${SHIPPED} is not beside or above ${from}: building a FAQ index needs the project's app/ folder`,
      );
    dir = up;
  }
}

let corpus: ShopperEntry[] | null = null;
interface Prepared {
  neighbours: Neighbour[];
  /** term → [neighbour, its weight in that neighbour's vector, ...]: the vectors inverted */
  postings: Map<string, number[]>;
  idf: Map<string, number>;
  /** entry word → query word → how often shoppers used it for entries holding the word */
  associations: Map<string, Weights>;
  /** word → how far a query word met in one entry of a shop points to the right one (1: as the locale's mean) */
  reliability: Map<string, number>;
  /** locale → the same for a word no other shop's shoppers met: as the words met in one shop only */
  unmet: Map<string, number>;
  /** Words the corpus holds only lightly ("いつ", "どのくらい"): never counted, so never met. */
  light: Set<string>;
}
/** The tables of the corpus set for cv or a test (`setShopperCorpus`). */
let setTables: Prepared | null = null;
/**
 * The shipped corpus's tables, kept while another corpus is set: preparing them again (940
 * shops' entries then, 1,324 now) took seconds, which every test after one with a corpus of its
 * own paid.
 */
let shippedTables: Prepared | null = null;

/** Lets the corpus's tables go (`releaseDictionaries`); a corpus set for cv stays set. */
export function releaseShopperTables() {
  setTables = null;
  shippedTables = null;
}

/** For `npm run faq:train -- --cv` and tests: the corpus entries to borrow from (all shops but one); none = the shipped corpus. */
export function setShopperCorpus(entries?: ShopperEntry[]) {
  corpus = entries ?? null;
  setTables = null;
}

/**
 * How much an answer's words count in finding alike entries, against the question's and tags'
 * (a word in both takes the larger weight). A question says little on its own ("Returns",
 * "配送について"); what its answer covers (damaged, missing, 初期不良) finds the corpus entries
 * whose shoppers asked the same. The document frequency stays the questions' and tags' (counted
 * over answers too, it made the words answers often use weigh little in the questions that name
 * them, and lost: ADR 005), so an answer word no question holds makes no two entries alike.
 * Chosen with `--cv` dumps (ADR 005, session twenty-five).
 */
const ANSWER_SHARE = 0.5;

/** An entry's question and tag terms, with its answer's at ANSWER_SHARE (a word in both: the larger). */
function withAnswer(
  terms: Map<string, number>,
  answer: Iterable<[string, number]> = [],
): Map<string, number> {
  const out = new Map(terms);
  for (const [term, w] of answer)
    out.set(term, Math.max(out.get(term) ?? 0, w * ANSWER_SHARE));
  return out;
}

function vectorOf(
  terms: Map<string, number>,
  idf: Map<string, number>,
): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [term, weight] of terms) {
    const w = weight * (idf.get(term) ?? 0);
    if (w <= 0) continue;
    v.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, w] of v) v.set(term, w / norm);
  return v;
}

/** The tables of the corpus in use, made once for each. */
function prepare(): Prepared {
  if (corpus) return (setTables ??= tablesOf(corpus));
  return (shippedTables ??= tablesOf(readShipped().map(unpack)));
}

function tablesOf(corpusEntries: CorpusEntry[]): Prepared {
  // Each query's terms are distinct (analyseShopperTexts).
  const entries = corpusEntries.map((e) => ({
    ...e,
    terms: new Map(e.terms),
  }));
  const df = new Map<string, number>();
  for (const e of entries)
    for (const term of e.terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = new Map(
    [...df].map(([term, d]) => [term, Math.log(1 + entries.length / d)]),
  );
  // How many corpus entries' shoppers used a word: the spread of a word across topics.
  const spread = new Map<string, number>();
  for (const e of entries)
    for (const term of new Set(e.queries.flat()))
      spread.set(term, (spread.get(term) ?? 0) + 1);
  // The entries' vectors, inverted: an entry is compared with the corpus entries sharing a word
  // with it only (with answers' words in the vectors, comparing it with every corpus entry took
  // several times as long).
  const postings = new Map<string, number[]>();
  // Each word an entry holds → the entries holding it, in corpus order.
  const holding = new Map<string, number[]>();
  const neighbours = entries.map((e, i) => {
    const words = new Map<string, number>();
    for (const q of e.queries)
      for (const term of q)
        words.set(term, (words.get(term) ?? 0) + 1 / e.queries.length);
    for (const term of words.keys())
      if ((spread.get(term) ?? 0) / entries.length > MAX_SPREAD)
        words.delete(term);
    for (const [word, weight] of e.terms)
      if (weight >= HELD)
        (holding.get(word) ?? holding.set(word, []).get(word)!).push(i);
    for (const [term, w] of vectorOf(withAnswer(e.terms, e.answer), idf))
      (postings.get(term) ?? postings.set(term, []).get(term)!).push(i, w);
    return { locale: e.locale, words: weightsOf(words) };
  });
  // One word's row at a time, kept once cut: all rows uncut at once (1.4 million pairs of a word
  // and a query word) took a first publish 140 MB higher in resident memory.
  const associations = new Map<string, Weights>();
  for (const [word, holders] of holding) {
    const row = new Map<string, number>();
    for (const i of holders) {
      const { terms, weights } = neighbours[i].words;
      for (let t = 0; t < terms.length; t++)
        if (!entries[i].terms.has(terms[t]))
          row.set(terms[t], (row.get(terms[t]) ?? 0) + weights[t]);
    }
    const smoothed = (df.get(word) ?? 0) + ASSOCIATION_PRIOR;
    for (const [term, sum] of row) {
      if (sum < MIN_SUPPORT || sum / smoothed < MIN_ASSOCIATION)
        row.delete(term);
      else row.set(term, sum / smoothed);
    }
    associations.set(word, weightsOf(row));
  }
  return {
    neighbours,
    postings,
    idf,
    associations,
    ...reliabilityOf(entries),
  };
}

/**
 * How many queries' worth of the locale's mean a word's own record is smoothed with. At 10, cv ja
 * gave .8701 and en .8964; at 30, ja .8696 and en .8969 (each locale alone, throwaway runs).
 */
const RELIABILITY_PRIOR = 30;

/**
 * How far a word a shopper typed names the entry they want, when one entry of their shop holds
 * the word in its question or tags: "返品" or "return" nearly always, "使う", "大丈夫", "配送" or
 * "use" one time in three or less (the shopper asks about something else and names it in passing).
 * Counted per locale over the corpus shops' queries, as a ratio to the locale's mean, smoothed
 * towards it; a word met in both locales takes the record of the one it was met in more.
 */
function reliabilityOf(
  entries: {
    shop?: string;
    locale: string;
    terms: Map<string, number>;
    queries: string[][];
  }[],
): Pick<Prepared, "reliability" | "unmet" | "light"> {
  type Entry = (typeof entries)[number];
  const shops = new Map<string, Entry[]>();
  for (const e of entries) {
    if (!e.shop) continue;
    const key = `${e.locale}\t${e.shop}`;
    (shops.get(key) ?? shops.set(key, []).get(key)!).push(e);
  }
  // locale → word → [times one entry of the shop held it, times that entry was the one wanted,
  // the shop it was first met in, whether it was met in another shop too]
  const records = new Map<
    string,
    Map<string, [number, number, string, boolean]>
  >();
  for (const [key, shop] of shops) {
    // The one entry holding each word, or null when several do.
    const holder = new Map<string, Entry | null>();
    for (const e of shop)
      for (const [word, weight] of e.terms)
        if (weight >= HELD) holder.set(word, holder.has(word) ? null : e);
    const locale = shop[0].locale;
    const record =
      records.get(locale) ?? records.set(locale, new Map()).get(locale)!;
    for (const e of shop)
      for (const query of e.queries)
        for (const word of query) {
          const h = holder.get(word);
          if (!h) continue;
          const r =
            record.get(word) ?? record.set(word, [0, 0, key, false]).get(word)!;
          r[0]++;
          if (h === e) r[1]++;
          if (r[2] !== key) r[3] = true;
        }
  }
  const held = new Set<string>();
  const light = new Set<string>();
  for (const e of entries)
    for (const [word, weight] of e.terms)
      (weight >= HELD ? held : light).add(word);
  for (const word of held) light.delete(word);
  const out = new Map<string, number>();
  const unmet = new Map<string, number>();
  const met = new Map<string, number>();
  for (const [locale, record] of records) {
    // All words, and the words met in one shop only.
    const times = [0, 0];
    const right = [0, 0];
    for (const [t, r, , elsewhere] of record.values())
      for (const i of elsewhere ? [0] : [0, 1]) {
        times[i] += t;
        right[i] += r;
      }
    // A record of nothing but misses (a tiny corpus) has no mean to compare with.
    if (!right[0]) continue;
    const mean = right[0] / times[0];
    // A word of the shop's own that no other shop's shoppers met ("累代" in the beetle shop) is
    // like the words met in one shop only, which name what the shopper wants more often than
    // the mean (ja 72% against 63%; en 72% against 73%). Rounded as the records are, so that
    // such postings share numbers with met words' postings. None right (a tiny corpus): left
    // at 1, as the mean.
    if (right[1]) unmet.set(locale, quarterOctave(right[1] / times[1] / mean));
    for (const [word, [t, r]] of record) {
      if (t <= (met.get(word) ?? 0)) continue;
      met.set(word, t);
      const ratio =
        (r + RELIABILITY_PRIOR * mean) / (t + RELIABILITY_PRIOR) / mean;
      out.set(word, quarterOctave(ratio));
    }
  }
  return { reliability: out, unmet, light };
}

/**
 * To a quarter octave (0.71, 0.84, 1, 1.19 ...): the postings of many words keep the same numbers,
 * which gzip needs (the tea shop's index grew 5% gzipped unrounded, 1.5% rounded; `--cv` even,
 * ADR 005).
 */
function quarterOctave(ratio: number): number {
  return 2 ** (Math.round(Math.log2(ratio) * 4) / 4);
}

/**
 * How much a word counts in an index (`reliabilityOf`). A word the corpus has not seen met takes
 * its script's locale's figure for such words; one it could not have counted counts 1: a light
 * word ("いつ") or a character pair of the entry's question ("~送料").
 */
export function termReliability(term: string): number {
  const { reliability, unmet, light } = prepare();
  if (term[0] === "~" || light.has(term)) return 1;
  return (
    reliability.get(term) ?? unmet.get(JAPANESE.test(term) ? "ja" : "en") ?? 1
  );
}

const isJapanese = (terms: Term[]) => terms.some((t) => JAPANESE.test(t.term));

/** Word by word: query words that came, across the corpus, with entries holding this entry's words. */
function associated(
  v: Vector,
  mine: Map<string, number>,
  associations: Prepared["associations"],
): Map<string, number> {
  const sum = new Map<string, number>();
  for (const [word, w] of v) {
    const row = associations.get(word);
    if (!row) continue;
    for (let t = 0; t < row.terms.length; t++)
      sum.set(row.terms[t], (sum.get(row.terms[t]) ?? 0) + row.weights[t] * w);
  }
  const out = new Map<string, number>();
  for (const [term, a] of sum)
    if (a >= MIN_ASSOCIATED && !mine.has(term))
      out.set(term, ASSOCIATION_SCALE * a);
  return out;
}

/** Only the word-by-word part of `shopperWords` (for tests): what each word brings. */
export async function associatedWords(terms: Term[]): Promise<Term[]> {
  const { idf, associations } = prepare();
  const mine = termsOf(terms);
  return [...associated(vectorOf(mine, idf), mine, associations)].map(
    ([term, w]) => ({ term, weight: Math.min(1, w) }),
  );
}

/**
 * Words shoppers typed for the corpus entries most like this one (by question, tag and answer
 * terms), and for entries holding its words (question and tag terms).
 */
export async function shopperWords(
  terms: Term[],
  answer: Term[] = [],
): Promise<Term[]> {
  if (!terms.length) return [];
  const { neighbours, postings, idf, associations } = prepare();
  const mine = termsOf(terms);
  const v = vectorOf(mine, idf);
  const alike = vectorOf(
    withAnswer(
      mine,
      [...termsOf(answer)].filter(([, w]) => w >= HELD),
    ),
    idf,
  );
  const japanese = isJapanese(terms);
  const sims = new Map<number, number>();
  for (const [term, w] of alike) {
    const list = postings.get(term) ?? [];
    for (let p = 0; p < list.length; p += 2)
      sims.set(list[p], (sims.get(list[p]) ?? 0) + w * list[p + 1]);
  }
  const scored = [...sims]
    .filter(
      ([i, sim]) =>
        sim >= MIN_SIMILARITY && (neighbours[i].locale === "ja") === japanese,
    )
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, NEIGHBOURS)
    .map(([i, sim]) => ({ n: neighbours[i], sim }));
  const total = scored.reduce((a, s) => a + s.sim, 0);
  const out = associated(v, mine, associations);
  for (const { n, sim } of scored) {
    const { terms, weights } = n.words;
    for (let t = 0; t < terms.length; t++)
      if (!mine.has(terms[t]))
        out.set(
          terms[t],
          (out.get(terms[t]) ?? 0) + (sim / total) * weights[t],
        );
  }
  return [...out]
    .filter(([, w]) => w >= MIN_SCORE)
    .map(([term, w]) => ({ term, weight: Math.min(1, w) }));
}
