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
  const chunks: FaqIndex[] = [
    { v: 1, ids: index.ids, t: {}, ...(index.lq ? { lq: index.lq } : {}) },
  ];
  let size = Buffer.byteLength(JSON.stringify(chunks[0]));
  for (const [term, postings] of Object.entries(index.t)) {
    const entry = Buffer.byteLength(JSON.stringify({ [term]: postings }));
    if (size + entry > limit) {
      chunks.push({ v: 1, ids: [], t: {} });
      size = 40;
    }
    chunks[chunks.length - 1].t[term] = postings;
    size += entry;
  }
  return chunks.map((c) => JSON.stringify(c));
}
