import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The FAQ training corpus (app/faq/training/: FAQs of shops no evaluation set uses, each entry
 * with the queries shoppers typed to find it) as shopper-words.json holds it: per entry its
 * locale, question, tags and queries. Answers are left out: they add size, not shoppers' words.
 */
export const TRAINING_DIR = "app/faq/training";

export interface CorpusEntry {
  locale: string;
  question: string;
  tags: string;
  queries: string[];
}

const entries = z.array(z.object({ id: z.string(), locale: z.string().optional(), question: z.string(), answer: z.string(), tags: z.array(z.string()).optional() }));

export function shopperCorpus(root: string): { entries: CorpusEntry[]; queries: number } {
  const dir = path.join(root, TRAINING_DIR);
  const out: CorpusEntry[] = [];
  let count = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".faq.json")).sort()) {
    const shop = file.replace(".faq.json", "");
    const faq = entries.parse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
    const queries = new Map<string, string[]>();
    const [header, ...lines] = readFileSync(path.join(dir, `${shop}.queries.tsv`), "utf8").split(/\r?\n/).filter((l) => l.trim());
    const cols = header.split("\t");
    for (const line of lines) {
      const c = line.split("\t");
      for (const id of c[cols.indexOf("relevant")].split(",").map((s) => s.trim())) {
        if (!faq.some((e) => e.id === id)) throw new Error(`${TRAINING_DIR}/${shop}.queries.tsv: unknown id ${id}`);
        (queries.get(id) ?? queries.set(id, []).get(id)!).push(c[cols.indexOf("query")].trim());
        count++;
      }
    }
    for (const e of faq) if (queries.get(e.id)?.length) out.push({ locale: e.locale ?? "ja", question: e.question, tags: (e.tags ?? []).join("、"), queries: queries.get(e.id)! });
  }
  return { entries: out, queries: count };
}

/** shopper-words.json's text. */
export const corpusFile = (corpus: CorpusEntry[]) => `${JSON.stringify(corpus)}\n`;
