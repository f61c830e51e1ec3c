import { buildIndex, type LearnedRow } from "./engine/build.server";
import type { FaqIndex } from "./engine/query";

/**
 * A locale's index for the storefront, as JSON strings that each fit one metafield. Postings are
 * per term, so splitting the term table across chunks changes nothing in the scores: the script
 * merges the chunks back (createSearch accepts a list).
 */
export const INDEX_CHUNK_BYTES = 120_000;

export async function buildLocaleIndex(input: {
  locale: string;
  docs: {
    id: string;
    question: string;
    answer: string;
    tags: string[];
    category: string;
    phrasings?: string[];
  }[];
  synonyms: string[][];
  learned: LearnedRow[];
}): Promise<string[]> {
  const index = await buildIndex(input.docs, {
    synonyms: input.synonyms,
    learned: input.learned,
  });
  return splitIndex(index);
}

export function splitIndex(
  index: FaqIndex,
  limit = INDEX_CHUNK_BYTES,
): string[] {
  const whole = JSON.stringify(index);
  if (Buffer.byteLength(whole) <= limit) return [whole];
  // Terms and learned queries are both keyed tables the script merges back, so each key may sit
  // in any chunk: learned queries and ways to ask grow with the shop and must not all crowd the
  // first one.
  const chunks: FaqIndex[] = [{ v: 1, ids: index.ids, t: {} }];
  let size = Buffer.byteLength(JSON.stringify(chunks[0])) + 8;
  const place = (table: "t" | "lq", key: string, value: number[]) => {
    const entry = Buffer.byteLength(JSON.stringify({ [key]: value })) + 8;
    if (size + entry > limit) {
      chunks.push({ v: 1, ids: [], t: {} });
      size = 40;
    }
    const chunk = chunks[chunks.length - 1];
    (chunk[table] ??= {})[key] = value;
    size += entry;
  };
  for (const [term, postings] of Object.entries(index.t))
    place("t", term, postings);
  for (const [query, boosts] of Object.entries(index.lq ?? {}))
    place("lq", query, boosts);
  return chunks.map((c) => JSON.stringify(c));
}
