import { createRequire } from "node:module";
import { analyze, type Term } from "./analyze.server";
import { LEXICON } from "./lexicon";
import { fold } from "./text";

/**
 * Meaning beyond spelling, added to an entry at build time: when an entry's words belong to a
 * concept, the concept's other words are added to the entry with a lower weight. Three sources:
 * the merchant's own synonym groups (strongest), the built-in shop lexicon, and Sudachi's
 * synonym dictionary (a general Japanese thesaurus with English equivalents).
 */
const WEIGHT = { merchant: 0.9, lexicon: 0.6, sudachi: 0.5 } as const;
const MAX_GROUP = 14;

type Member = { phrase: string; key: string[] };
type Group = { members: Member[]; weight: number };

const analysed = new Map<string, Promise<Term[]>>();
function analyseOnce(phrase: string): Promise<Term[]> {
  let hit = analysed.get(phrase);
  if (!hit) analysed.set(phrase, (hit = analyze(phrase)));
  return hit;
}

/** The words a phrase needs in an entry to count as mentioned: its full-weight terms. */
async function member(phrase: string): Promise<Member> {
  const terms = await analyseOnce(phrase);
  return { phrase, key: [...new Set(terms.filter((t) => t.weight === 1).map((t) => t.term))] };
}

let lexicon: Promise<Group[]> | null = null;
function lexiconGroups(): Promise<Group[]> {
  lexicon ??= Promise.all(LEXICON.map(async (g) => ({ members: await Promise.all(g.map(member)), weight: WEIGHT.lexicon })));
  return lexicon;
}

type SudachiGroup = { items: { midashi: string; expandControl: 0 | 1 | 2 }[] };
let sudachi: Map<string, string[][]> | null = null;
/** folded headword → the groups it triggers (members that may be expanded to). */
async function sudachiIndex(): Promise<Map<string, string[][]>> {
  if (sudachi) return sudachi;
  const dictionary = createRequire(import.meta.url)("sudachi-synonyms-dictionary") as { fetchDictionary(): Promise<SudachiGroup[]> };
  const groups = await dictionary.fetchDictionary();
  sudachi = new Map();
  for (const g of groups) {
    const members = g.items.filter((i) => i.expandControl !== 2).map((i) => i.midashi);
    if (members.length < 2 || members.length > MAX_GROUP) continue;
    for (const item of g.items) {
      if (item.expandControl !== 0) continue;
      const key = fold(item.midashi);
      const list = sudachi.get(key) ?? [];
      list.push(members);
      sudachi.set(key, list);
    }
  }
  return sudachi;
}

export async function expansions(terms: Term[], merchant: string[][]): Promise<Term[]> {
  const present = new Set(terms.filter((t) => t.weight === 1).map((t) => t.term));
  if (!present.size) return [];
  const groups: Group[] = [
    ...(await Promise.all(merchant.map(async (g) => ({ members: await Promise.all(g.map(member)), weight: WEIGHT.merchant })))),
    ...(await lexiconGroups()),
  ];
  const thesaurus = await sudachiIndex();
  for (const term of present) {
    for (const members of thesaurus.get(term) ?? []) groups.push({ members: await Promise.all(members.map(member)), weight: WEIGHT.sudachi });
  }
  const out = new Map<string, number>();
  for (const g of groups) {
    const hit = g.members.some((m) => m.key.length > 0 && m.key.every((k) => present.has(k)));
    if (!hit) continue;
    for (const m of g.members) {
      for (const t of await analyseOnce(m.phrase)) {
        if (present.has(t.term)) continue;
        out.set(t.term, Math.max(out.get(t.term) ?? 0, t.weight * g.weight));
      }
    }
  }
  return [...out].map(([term, weight]) => ({ term, weight }));
}
