import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { analyzePhrase, type Term } from "./analyze.server";
import { LEXICON, MIMETIC, RELATED } from "./lexicon";
import { fold, stem } from "./text";

/**
 * Meaning beyond spelling, added to an entry at build time: when an entry's words belong to a
 * concept, the concept's other words are added to the entry with a lower weight. Three sources:
 * the merchant's own synonym groups (strongest), the built-in shop lexicon (with words for how
 * things feel, sound or look: カチカチ for 固い), and Sudachi's synonym dictionary (a general
 * Japanese thesaurus with English equivalents).
 */
const WEIGHT = { merchant: 0.8, lexicon: 0.5, sudachi: 0.45 } as const;
const MAX_GROUP = 14;

type Member = {
  phrase: string;
  key: string[];
  asked?: string[];
  /** What the member adds to an entry, where not what the analyzer reads in it. */
  terms?: Term[];
};
type Group = { members: Member[]; weight: number };

/**
 * A group's member as the analyzer reads it (`asRead`), except a mimetic word it lacks or
 * misreads, which is lent as written.
 */
async function member(phrase: string): Promise<Member> {
  const kana = fold(phrase);
  if (MIMETIC_WORDS.has(phrase) && /^[\u3041-\u309fー]+$/.test(kana)) {
    const read = await analyzePhrase(phrase);
    if (read.some((t) => t.weight === 1 && t.term === kana))
      return asRead(phrase);
    // The dictionary lacks this one or misreads it (さくさく as くさい, かたかた as かたい): the
    // word itself, and a verb form the analyzer reads from it (ぱさつき: ぱさつく).
    const forms = read.filter(
      (t) =>
        t.term.length >= kana.length && kana.startsWith(t.term.slice(0, -1)),
    );
    return {
      phrase,
      key: [kana],
      terms: [{ term: kana, weight: 1 }, ...forms],
    };
  }
  return asRead(phrase);
}

/**
 * The words a phrase needs in an entry to count as mentioned: its full-weight terms. Where those
 * do not stand for the whole phrase, the phrase itself must be in the entry's text (each of its
 * space-separated parts): a way of asking ("how to use", "荷物 どこ") is a question word, light or
 * no term at all, and a word the phrase leaves out ("sign in", "out of stock"), with what is
 * left ("use", 荷物, "sign") said by entries about anything; and a compound weighs less than its
 * head ("欠品" is 欠, "代引き" is 引き), which a chipped dish or a discount says as well.
 */
async function asRead(phrase: string): Promise<Member> {
  const key = new Set<string>();
  let whole = true;
  for (const word of phrase.split(/\s+/).filter(Boolean)) {
    const terms = await analyzePhrase(word);
    const full = terms.filter((t) => t.weight === 1);
    const folded = fold(word);
    if (!full.length || terms.some((t) => t.weight < 1 && t.term === folded))
      whole = false;
    for (const t of full) key.add(t.term);
  }
  if (!whole) return { phrase, key: [], asked: fold(phrase).split(/\s+/) };
  return { phrase, key: [...key] };
}

const MIMETIC_WORDS = new Set(MIMETIC.flat());

type LexiconGroup = Group & { related: number[] };
let lexicon: Promise<LexiconGroup[]> | null = null;
function lexiconGroups(): Promise<LexiconGroup[]> {
  const groupOf = (phrase: string) =>
    LEXICON.findIndex((g) => g.includes(phrase));
  lexicon ??= Promise.all(
    [...LEXICON, ...MIMETIC].map(async (g, i) => ({
      members: await Promise.all(g.map(member)),
      weight: WEIGHT.lexicon,
      related: RELATED.flatMap(([a, b]) =>
        groupOf(a) === i ? [groupOf(b)] : groupOf(b) === i ? [groupOf(a)] : [],
      ).filter((j) => j >= 0),
    })),
  );
  return lexicon;
}

type SudachiGroup = { items: { midashi: string; expandControl: 0 | 1 | 2 }[] };
/** A thesaurus group a headword triggers, and the word an entry must say as written for it to. */
type Triggered = { members: string[]; said?: string };
let sudachi: Promise<Map<string, Triggered[]>> | null = null;
/**
 * The thesaurus's groups, read from its data file where it is (let go once indexed: through the
 * package's `fetchDictionary`, a `require` of the file, its 36 MB of objects stay in the module
 * cache for the life of the process), else through the package.
 */
async function sudachiGroups(): Promise<SudachiGroup[]> {
  const require = createRequire(import.meta.url);
  const main = require.resolve("sudachi-synonyms-dictionary");
  const data = path.join(
    path.dirname(main),
    "sudachi-synonyms-dictionary.json",
  );
  if (existsSync(data))
    return JSON.parse(readFileSync(data, "utf8")) as SudachiGroup[];
  const dictionary = require(main) as {
    fetchDictionary(): Promise<SudachiGroup[]>;
  };
  return dictionary.fetchDictionary();
}

/**
 * folded headword → the groups it triggers (members that may be expanded to). Made once: two
 * builds starting together (a publish and the admin's preview) share it.
 */
const sudachiIndex = () =>
  (sudachi ??= readSudachi().catch((error: unknown) => {
    // A failed reading is not kept: the next build tries again.
    sudachi = null;
    throw error;
  }));

/** Lets the thesaurus and the lexicon as read go (`releaseDictionaries`). */
export function releaseThesaurus() {
  sudachi = null;
  lexicon = null;
}

async function readSudachi(): Promise<Map<string, Triggered[]>> {
  const groups = await sudachiGroups();
  const index = new Map<string, Triggered[]>();
  for (const g of groups) {
    const members = g.items
      .filter((i) => i.expandControl !== 2)
      .map((i) => i.midashi);
    if (members.length < 2 || members.length > MAX_GROUP) continue;
    for (const item of g.items) {
      // English equivalents are marked "expanded to, never from" for Japanese text; an English
      // FAQ needs them to trigger among themselves.
      if (
        item.expandControl === 2 ||
        (item.expandControl === 1 && !/^[a-z][a-z -]*$/i.test(item.midashi))
      )
        continue;
      // Keyed as entries' terms are: an English word by its stem ("update" → "updat").
      const key = /^[a-z]+$/.test(fold(item.midashi))
        ? stem(fold(item.midashi))
        : fold(item.midashi);
      const list = index.get(key) ?? [];
      // A headword in -ed or -ing is keyed by the verb's stem but names a thing of its own
      // ("used" is secondhand, "living" a room, "packing" a gasket): it must be said as written.
      const said = /^[a-z]+(ed|ing)$/.test(fold(item.midashi))
        ? fold(item.midashi)
        : undefined;
      list.push({ members, said });
      index.set(key, list);
    }
  }
  return index;
}

/** `text`: what the terms were read from, where a way of asking is looked for. */
export async function expansions(
  terms: Term[],
  merchant: string[][],
  text = "",
): Promise<Term[]> {
  const present = new Set(
    terms.filter((t) => t.weight === 1).map((t) => t.term),
  );
  if (!present.size) return [];
  const lexiconList = await lexiconGroups();
  const folded = fold(text);
  const mentioned = (g: Group) =>
    g.members.some((m) =>
      m.asked
        ? m.asked.every((part) => folded.includes(part))
        : m.key.length > 0 && m.key.every((k) => present.has(k)),
    );
  const groups: Group[] = [
    ...(await Promise.all(
      merchant.map(async (g) => ({
        members: await Promise.all(g.map(member)),
        weight: WEIGHT.merchant,
      })),
    )),
    ...lexiconList,
    // Related concepts of the ones the entry mentions, at a lower weight.
    ...lexiconList.filter(mentioned).flatMap((g) =>
      g.related.map((j) => ({
        members: lexiconList[j].members,
        weight: WEIGHT.lexicon * 0.5,
        always: true,
      })),
    ),
  ];
  const thesaurus = await sudachiIndex();
  for (const term of present) {
    for (const { members, said } of thesaurus.get(term) ?? [])
      if (!said || new RegExp(`\\b${said}\\b`).test(folded))
        groups.push({
          members: await Promise.all(members.map(member)),
          weight: WEIGHT.sudachi,
        });
  }
  const out = new Map<string, number>();
  for (const g of groups) {
    if (!("always" in g) && !mentioned(g)) continue;
    for (const m of g.members) {
      for (const t of m.terms ?? (await analyzePhrase(m.phrase))) {
        if (present.has(t.term)) continue;
        out.set(t.term, Math.max(out.get(t.term) ?? 0, t.weight * g.weight));
      }
    }
  }
  return [...out].map(([term, weight]) => ({ term, weight }));
}
