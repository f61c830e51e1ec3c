import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import type { EvalEntry } from "./eval-data";

/**
 * The two baselines of the FAQ issue, as FAQ apps ship them:
 * Fuse.js with its default options over question and answer, and MiniSearch with an
 * Intl.Segmenter word tokenizer plus CJK character bigrams (the strongest easy baseline).
 */
export function fuseSearch(entries: EvalEntry[]) {
  const fuse = new Fuse(entries, { keys: ["question", "answer"] });
  return (q: string) =>
    fuse
      .search(q)
      .slice(0, 10)
      .map((r) => r.item.id);
}

const segmenter = new Intl.Segmenter("ja", { granularity: "word" });
function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(
    text.normalize("NFKC").toLowerCase(),
  )) {
    if (!isWordLike) continue;
    if (/[\u3040-\u30ff\u3400-\u9fff]/.test(segment) && segment.length > 1) {
      for (let i = 0; i + 1 < segment.length; i++)
        out.push(segment.slice(i, i + 2));
    }
    out.push(segment);
  }
  return out;
}

export function miniSearch(entries: EvalEntry[]) {
  const ms = new MiniSearch<EvalEntry>({
    fields: ["question", "answer"],
    storeFields: ["id"],
    tokenize,
  });
  ms.addAll(entries);
  return (q: string) =>
    ms
      .search(q, {
        prefix: true,
        fuzzy: 0.2,
        boost: { question: 2 },
        combineWith: "OR",
      })
      .slice(0, 10)
      .map((r) => String(r.id));
}
