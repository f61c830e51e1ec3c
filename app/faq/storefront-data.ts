import { displayOrder } from "./display-order";
import { sanitizeAnswer } from "./sanitize";

/**
 * What publishing writes for the storefront: app-data metafields in the `tsunagu` namespace of
 * the app installation, which the theme block reads as `app.metafields.tsunagu.*`:
 *   faq                     manifest {v, at, fallback, contact, locales: {<code>: {key, chunks, index_chunks, entries}}}
 *   faq_<key>_<n>           the entries of a locale, {entries: [{h, c, q, a}]}, in display order
 *   faqidx_<key>_<n>        the prebuilt search index of a locale (the engine's format)
 * where <key> is the locale and the publish's version (ja_mi3k2qa0).
 * Shopify caps a JSON metafield at 128 KB from API 2026-04, so large FAQs are split into chunks.
 */
export const NAMESPACE = "tsunagu";
export const MANIFEST_KEY = "faq";
export const CHUNK_BYTES = 120_000;

export interface PublishableEntry {
  handle: string;
  category: string;
  position: number;
  question: string;
  answer: string;
}

export interface StorefrontMetafield {
  key: string;
  value: string;
}

export interface StorefrontPayload {
  /** Chunks first, the manifest last: a reader never sees a manifest pointing at missing chunks. */
  metafields: StorefrontMetafield[];
  info: { entries: number; locales: string[] };
}

export function localeKey(locale: string): string {
  return locale.toLowerCase().replace(/[^a-z0-9]/g, "_");
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

/** Splits items into JSON chunks `{[field]: items}` of at most `limit` bytes each. */
export function chunkJson<T>(
  field: string,
  items: T[],
  limit = CHUNK_BYTES,
): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  const flush = () => {
    chunks.push(`{"${field}":[${current.join(",")}]}`);
    current = [];
    size = 0;
  };
  for (const item of items) {
    const json = JSON.stringify(item);
    const n = bytes(json) + 1;
    if (n + 20 > limit)
      throw new Error(`one ${field} item is larger than ${limit} bytes`);
    if (size + n + 20 > limit && current.length) flush();
    current.push(json);
    size += n;
  }
  if (current.length || chunks.length === 0) flush();
  return chunks;
}

/**
 * The metafield keys of one publish carry its version (faq_ja_<version>_1): a publish writes new
 * keys beside the old ones and switches the manifest last, so a storefront never reads chunks of
 * two publishes, and a publish that fails halfway leaves the previous one whole.
 */
export function publishVersion(at: number): string {
  return at.toString(36);
}

/** The version in a chunk key, as a time; 0 for keys from before versions (faq_ja_1). */
export function versionOfKey(key: string): number {
  const m = /^faq(?:idx)?_.+_([0-9a-z]{8,})_\d+$/.exec(key);
  return m ? parseInt(m[1], 36) : 0;
}

export function buildStorefrontPayload(opts: {
  entriesByLocale: Map<string, PublishableEntry[]>;
  indexByLocale: Map<string, string[]>;
  fallback: string;
  contact: string;
  /** When this publish started (ms): names its chunk keys and lets a later publish win. */
  at?: number;
}): StorefrontPayload {
  const at = opts.at ?? Date.now();
  const metafields: StorefrontMetafield[] = [];
  const locales: Record<
    string,
    { key: string; chunks: number; index_chunks: number; entries: number }
  > = {};
  const handles = new Set<string>();
  for (const [locale, entries] of opts.entriesByLocale) {
    if (!entries.length) continue;
    const key = `${localeKey(locale)}_${publishVersion(at)}`;
    const ordered = displayOrder(entries).map((e) => ({
      h: e.handle,
      c: e.category,
      q: e.question,
      a: sanitizeAnswer(e.answer),
    }));
    const chunks = chunkJson("entries", ordered);
    chunks.forEach((value, i) =>
      metafields.push({ key: `faq_${key}_${i + 1}`, value }),
    );
    const index = opts.indexByLocale.get(locale) ?? [];
    index.forEach((value, i) => {
      if (bytes(value) > 128_000)
        throw new Error(
          `search index chunk for ${locale} is larger than 128 KB`,
        );
      metafields.push({ key: `faqidx_${key}_${i + 1}`, value });
    });
    locales[locale] = {
      key,
      chunks: chunks.length,
      index_chunks: index.length,
      entries: entries.length,
    };
    for (const e of entries) handles.add(e.handle);
  }
  const fallback = locales[opts.fallback]
    ? opts.fallback
    : (Object.keys(locales)[0] ?? opts.fallback);
  metafields.push({
    key: MANIFEST_KEY,
    value: JSON.stringify({
      v: 1,
      at,
      fallback,
      contact: opts.contact || "/pages/contact",
      locales,
    }),
  });
  return {
    metafields,
    info: { entries: handles.size, locales: Object.keys(locales) },
  };
}
