import { readFileSync } from "node:fs";
import { z } from "zod";

/**
 * Evaluation files: faq.json ([{id, locale?, question, answer, tags?}]) and queries.tsv (header
 * `locale<TAB>query<TAB>relevant`). Read leniently where the meaning is plain (numeric ids,
 * tags as one comma-separated string, locales written ja-JP or EN, a missing answer) and
 * otherwise refused with the entry or line at fault (EvalInputError), never a stack trace.
 */
export class EvalInputError extends Error {}

const id = z.union([z.string().trim().min(1), z.number()]).transform(String);
const entry = z.object({
  id,
  locale: z.string().trim().min(1).optional(),
  question: z.string().trim().min(1),
  answer: z
    .string()
    .nullish()
    .transform((a) => a ?? ""),
  tags: z
    .union([z.array(z.string()), z.string()])
    .nullish()
    .transform((t) =>
      typeof t === "string"
        ? t
            .split(/[,、，]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : (t ?? undefined),
    ),
  category: z
    .string()
    .nullish()
    .transform((c) => c ?? undefined),
});
export type EvalEntry = {
  id: string;
  locale: string;
  question: string;
  answer: string;
  tags?: string[];
  category?: string;
};
export type EvalQuery = { locale: string; query: string; relevant: string[] };

/** ja-JP, JA and ja_jp are one locale: lower case, hyphenated. */
export function normalizeLocale(locale: string): string {
  return locale.trim().replace(/_/g, "-").toLowerCase();
}

/**
 * Entries without a locale are Japanese when they hold kana, or more CJK ideographs than Latin
 * letters; otherwise English. (An English answer naming 煎茶 stays English.)
 */
export function detectLocale(text: string): string {
  if (/[\u3041-\u30ff\uff66-\uff9f]/.test(text)) return "ja";
  const kanji = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latin = text.match(/[a-z]/gi)?.length ?? 0;
  return kanji > 0 && kanji >= latin ? "ja" : "en";
}

export function readFaq(file: string): EvalEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new EvalInputError(`${file}: ${(error as Error).message}`);
  }
  const parsed = z.array(entry).min(1).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length
      ? `entry ${Number(issue.path[0]) + 1}${issue.path.length > 1 ? ` (${issue.path.slice(1).join(".")})` : ""}`
      : "the file";
    throw new EvalInputError(
      `${file}: ${where}: ${issue.message}. Expected an array of {id, locale?, question, answer, tags?}.`,
    );
  }
  const seen = new Set<string>();
  return parsed.data.map((e) => {
    const locale = e.locale
      ? normalizeLocale(e.locale)
      : detectLocale(`${e.question} ${e.answer}`);
    if (seen.has(`${locale}\t${e.id}`))
      throw new EvalInputError(
        `${file}: id "${e.id}" is used twice in ${locale}`,
      );
    seen.add(`${locale}\t${e.id}`);
    return { ...e, locale };
  });
}

export function readQueries(file: string): EvalQuery[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new EvalInputError(`${file}: ${(error as Error).message}`);
  }
  const [header, ...lines] = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((l, i) => ({ l, line: i + 1 }))
    .filter(({ l }) => l.trim());
  if (!header) throw new EvalInputError(`${file}: the file is empty`);
  const cols = header.l.split("\t").map((c) => c.trim().toLowerCase());
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0)
      throw new EvalInputError(
        `${file}: the header has no "${name}" column (expected locale<TAB>query<TAB>relevant)`,
      );
    return i;
  };
  const [l, q, r] = [at("locale"), at("query"), at("relevant")];
  return lines.map(({ l: text, line }) => {
    const cells = text.split("\t");
    // Kept as written: --json echoes it, so a reader can match its own rows.
    const locale = (cells[l] ?? "").trim();
    const query = (cells[q] ?? "").trim();
    if (!locale || !query)
      throw new EvalInputError(
        `${file}: line ${line} has no ${locale ? "query" : "locale"}`,
      );
    return {
      locale,
      query,
      relevant: (cells[r] ?? "")
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
