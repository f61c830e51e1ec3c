import { readdirSync } from "node:fs";
import path from "node:path";
import { readFaq, readQueries } from "./eval-data";

/**
 * The FAQ training corpus (app/faq/training/: FAQs of shops no evaluation set uses, each entry
 * with the queries shoppers typed to find it, in faq:eval's formats) as shopper-words.json holds
 * it: per entry its locale, question, tags and queries. Answers are left out: they add size, not
 * shoppers' words.
 */
export const TRAINING_DIR = "app/faq/training";

export interface CorpusEntry {
  locale: string;
  question: string;
  tags: string;
  queries: string[];
}

export function shopperCorpus(root: string): { entries: CorpusEntry[]; queries: number } {
  const dir = path.join(root, TRAINING_DIR);
  const out: CorpusEntry[] = [];
  let count = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".faq.json")).sort()) {
    const shop = file.replace(".faq.json", "");
    const faq = readFaq(path.join(dir, file));
    const queries = new Map<string, string[]>();
    for (const q of readQueries(path.join(dir, `${shop}.queries.tsv`))) {
      for (const id of q.relevant) {
        if (!faq.some((e) => e.id === id)) throw new Error(`${TRAINING_DIR}/${shop}.queries.tsv: unknown id ${id}`);
        (queries.get(id) ?? queries.set(id, []).get(id)!).push(q.query);
        count++;
      }
    }
    for (const e of faq) if (queries.get(e.id)?.length) out.push({ locale: e.locale, question: e.question, tags: (e.tags ?? []).join("、"), queries: queries.get(e.id)! });
  }
  return { entries: out, queries: count };
}

/** shopper-words.json's text. */
export const corpusFile = (corpus: CorpusEntry[]) => `${JSON.stringify(corpus)}\n`;
