import { buildIndex } from "../../app/faq/engine/build.server";
import { createSearch } from "../../app/faq/engine/query";
import { answerText, sanitizeAnswer } from "../../app/faq/sanitize";
import { normalizeLocale, type EvalEntry, type EvalQuery } from "./eval-data";

export type RankedQuery = EvalQuery & { ranked: string[] };

/**
 * The engine's search over one locale's entries, with an index built exactly as publishing
 * builds it: answers sanitised, then reduced to text (no per-query hints, no learned signals;
 * ways to ask only where the caller gives them, as faq:train --cv --ways does).
 * faq:eval, bench:faq and faq:train --cv all measure through this.
 */
export async function publishedSearch(
  docs: (EvalEntry & { phrasings?: string[] })[],
) {
  return createSearch(
    await buildIndex(
      docs.map((e) => ({
        id: e.id,
        question: e.question,
        answer: answerText(sanitizeAnswer(e.answer)),
        tags: e.tags,
        category: e.category,
        phrasings: e.phrasings,
      })),
    ),
  );
}

/**
 * Ranks every query among the entries of its locale (publishedSearch).
 * A query in ja-JP is ranked among the ja entries when the FAQ has no ja-JP ones. Queries whose
 * language the FAQ lacks rank nothing and are listed in `unmatched`.
 */
export async function rankQueries(
  entries: EvalEntry[],
  queries: EvalQuery[],
  top = 10,
): Promise<{ rows: RankedQuery[]; unmatched: string[] }> {
  const searchers = new Map<string, ReturnType<typeof createSearch>>();
  for (const locale of new Set(entries.map((e) => e.locale)))
    searchers.set(
      locale,
      await publishedSearch(entries.filter((e) => e.locale === locale)),
    );
  const searcherOf = (written: string) => {
    const locale = normalizeLocale(written);
    const exact = searchers.get(locale);
    if (exact) return exact;
    const language = locale.split("-")[0];
    const same = [...searchers.keys()].find(
      (l) => l === language || l.split("-")[0] === language,
    );
    return same ? searchers.get(same) : undefined;
  };
  const unmatched = new Set<string>();
  const rows = queries.map((q) => {
    const search = searcherOf(q.locale);
    if (!search) unmatched.add(q.locale);
    return { ...q, ranked: search?.(q.query, top).hits.map((h) => h.id) ?? [] };
  });
  return { rows, unmatched: [...unmatched] };
}
