import type { PrismaClient } from "@prisma/client";
import { buildIndex, learnKey } from "./engine/build.server";
import { createSearch, shown, type FaqSearch } from "./engine/query";
import { learnedSignals } from "./events.server";
import { answerText } from "./sanitize";
import { parseSynonyms } from "./settings";

/**
 * The admin's search preview: the same engine and index build as the storefront, over every
 * saved entry of the locale (drafts included, marked), with the words that matched. Indexes are
 * cached per shop and locale until an entry or the synonyms change.
 */
export interface PreviewHit {
  id: string;
  question: string;
  published: boolean;
  score: number;
  /** Per query word, in query order, the entry's words it matched (the index's forms). */
  why: { word: string; matched: string[] }[];
  /** Query words the entry has side by side, and character pairs it met (`Hit.together`). */
  together: string[];
  learned: boolean;
  /** The query is one of the entry's ways to ask, as written. */
  asked: boolean;
}

export interface PreviewResult {
  hits: PreviewHit[];
  weak: boolean;
  locales: string[];
}

/** Most recently used first out last: a shop's languages in use stay, idle ones make room. */
const CACHE_SIZE = 100;
const cache = new Map<
  string,
  {
    fingerprint: string;
    search: FaqSearch;
    learnedKeys: Set<string>;
    askedKeys: Set<string>;
  }
>();

/** How many indexes are cached (for tests: the cache stays bounded). */
export const cachedIndexes = () => cache.size;

export async function previewSearch(
  db: PrismaClient,
  shop: string,
  query: string,
  locale: string,
  publishedOnly = false,
): Promise<PreviewResult & { answers: Map<string, string> }> {
  const [rows, settings, newest, localeRows] = await Promise.all([
    db.faqTranslation.findMany({
      where: {
        locale,
        entry: { shop, ...(publishedOnly ? { published: true } : {}) },
      },
      select: {
        question: true,
        answer: true,
        category: true,
        phrasings: true,
        entry: {
          select: { handle: true, tags: true, published: true },
        },
      },
    }),
    db.faqSettings.findUnique({
      where: { shop },
      select: { synonyms: true, updatedAt: true },
    }),
    db.faqEntry.findFirst({
      where: { shop },
      orderBy: { updatedAt: "desc" },
      select: { updatedAt: true },
    }),
    db.faqTranslation.findMany({
      where: { entry: { shop } },
      distinct: ["locale"],
      select: { locale: true },
    }),
  ]);
  const fingerprint = `${rows.length}:${newest?.updatedAt.toISOString()}:${settings?.updatedAt.toISOString()}`;
  // A language the shop has no entries in answers nothing, and is not cached: the no-JavaScript
  // search takes any well-formed language code from the storefront.
  if (!rows.length)
    return {
      answers: new Map(),
      weak: true,
      locales: localeRows.map((l) => l.locale),
      hits: [],
    };
  const key = `${shop}\u0000${locale}\u0000${publishedOnly}`;
  let cached = cache.get(key);
  if (cached) cache.delete(key); // re-inserted below as the most recent
  if (!cached || cached.fingerprint !== fingerprint) {
    const learned = (await learnedSignals(db, shop)).filter(
      (s) => s.locale === locale,
    );
    const index = await buildIndex(
      rows.map((r) => ({
        id: r.entry.handle,
        question: r.question,
        answer: answerText(r.answer),
        tags: r.entry.tags.split(",").filter(Boolean),
        category: r.category,
        phrasings: r.phrasings.split("\n").filter(Boolean),
      })),
      { synonyms: parseSynonyms(settings?.synonyms ?? ""), learned },
    );
    cached = {
      fingerprint,
      search: createSearch(index),
      learnedKeys: new Set(
        learned.map((l) => `${learnKey(l.query)}\u0000${l.handle}`),
      ),
      askedKeys: new Set(
        rows.flatMap((r) =>
          r.phrasings
            .split("\n")
            .filter(Boolean)
            .map((p) => `${learnKey(p)}\u0000${r.entry.handle}`),
        ),
      ),
    };
  }
  cache.set(key, cached);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  // What a shopper would be offered, no more.
  const result = cached.search(query, 8, true);
  const byHandle = new Map(rows.map((r) => [r.entry.handle, r]));
  return {
    answers: new Map(rows.map((r) => [r.entry.handle, r.answer])),
    weak: result.weak,
    locales: localeRows.map((l) => l.locale),
    hits: shown(result.hits).map((h) => ({
      id: h.id,
      question: byHandle.get(h.id)?.question ?? h.id,
      published: byHandle.get(h.id)?.entry.published ?? false,
      score: h.score,
      why: h.why.map(([word, matched]) => ({ word, matched })),
      together: h.together ?? [],
      learned: cached.learnedKeys.has(`${learnKey(query)}\u0000${h.id}`),
      asked: cached.askedKeys.has(`${learnKey(query)}\u0000${h.id}`),
    })),
  };
}
