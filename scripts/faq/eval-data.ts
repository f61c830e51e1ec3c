import { readFileSync } from "node:fs";
import { z } from "zod";

/** Evaluation files: faq.json ([{id, locale?, question, answer, tags?}]) and queries.tsv. */
const entry = z.object({
  id: z.string().min(1),
  locale: z.string().optional(),
  question: z.string(),
  answer: z.string(),
  tags: z.array(z.string()).optional(),
  category: z.string().optional(),
});
export type EvalEntry = z.infer<typeof entry> & { locale: string };
export type EvalQuery = { locale: string; query: string; relevant: string[] };

/** Entries without a locale are Japanese when they contain kana or kanji, English otherwise. */
export function detectLocale(text: string): string {
  return /[\u3041-\u30ff\u3400-\u9fff]/.test(text) ? "ja" : "en";
}

export function readFaq(file: string): EvalEntry[] {
  return z
    .array(entry)
    .parse(JSON.parse(readFileSync(file, "utf8")))
    .map((e) => ({
      ...e,
      locale: e.locale ?? detectLocale(`${e.question} ${e.answer}`),
    }));
}

export function readQueries(file: string): EvalQuery[] {
  const [header, ...lines] = readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const cols = header.split("\t").map((c) => c.trim().toLowerCase());
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`${file}: header has no "${name}" column`);
    return i;
  };
  const [l, q, r] = [at("locale"), at("query"), at("relevant")];
  return lines.map((line) => {
    const cells = line.split("\t");
    return {
      locale: cells[l].trim(),
      query: cells[q].trim(),
      relevant: cells[r]
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    };
  });
}

export interface Metrics {
  queries: number;
  mrr10: number;
  recall1: number;
  recall3: number;
}

export function metrics(
  rows: { ranked: string[]; relevant: string[] }[],
): Metrics {
  let mrr = 0;
  let r1 = 0;
  let r3 = 0;
  for (const { ranked, relevant } of rows) {
    const rank = ranked.slice(0, 10).findIndex((id) => relevant.includes(id));
    if (rank >= 0) mrr += 1 / (rank + 1);
    if (rank === 0) r1++;
    if (rank >= 0 && rank < 3) r3++;
  }
  const n = rows.length || 1;
  return {
    queries: rows.length,
    mrr10: mrr / n,
    recall1: r1 / n,
    recall3: r3 / n,
  };
}
