import { readdirSync } from "node:fs";
import path from "node:path";
import {
  analyseShopperTexts,
  packShopperEntry,
  type ShopperEntry,
  type ShopperText,
} from "../../app/faq/engine/shopper-words.server";
import { answerText, sanitizeAnswer } from "../../app/faq/sanitize";
import {
  type EvalEntry,
  type EvalQuery,
  readFaq,
  readQueries,
} from "./eval-data";

/**
 * The FAQ training corpus (app/faq/training/: FAQs of shops no evaluation set uses, each entry
 * with the queries shoppers typed to find it, in faq:eval's formats). shopper-words.json holds it
 * analysed: per entry its locale, question and tag terms, its queries' terms, and of its answer's
 * terms those some entry's question or tags hold (in finding alike entries a word weighs by how
 * rare it is among questions and tags, and the others weigh nothing: shopper-words.server.ts).
 */
export const TRAINING_DIR = "app/faq/training";

export interface TrainingShop {
  shop: string;
  faq: EvalEntry[];
  queries: EvalQuery[];
}

/** The training shops as faq:eval reads them, each query checked against its shop's entries. */
export function trainingShops(root: string): TrainingShop[] {
  const dir = path.join(root, TRAINING_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".faq.json"))
    .sort()
    .map((file) => {
      const shop = file.replace(".faq.json", "");
      const faq = readFaq(path.join(dir, file));
      const queries = readQueries(path.join(dir, `${shop}.queries.tsv`));
      for (const q of queries)
        for (const id of q.relevant)
          if (!faq.some((e) => e.id === id))
            throw new Error(
              `${TRAINING_DIR}/${shop}.queries.tsv: unknown id ${id}`,
            );
      return { shop, faq, queries };
    });
}

/** Corpus entries of the given shops as written: per entry with queries, its locale, question, tags and queries. */
export function corpusOf(shops: TrainingShop[]): {
  entries: ShopperText[];
  queries: number;
} {
  const out: ShopperText[] = [];
  let count = 0;
  for (const { shop, faq, queries: list } of shops) {
    const queries = new Map<string, string[]>();
    for (const q of list) {
      for (const id of q.relevant) {
        (queries.get(id) ?? queries.set(id, []).get(id)!).push(q.query);
        count++;
      }
    }
    for (const e of faq)
      if (queries.get(e.id)?.length)
        out.push({
          shop,
          locale: e.locale,
          question: e.question,
          tags: (e.tags ?? []).join("、"),
          answer: answerText(sanitizeAnswer(e.answer)),
          queries: queries.get(e.id)!,
        });
  }
  return { entries: out, queries: count };
}

/** The training corpus as shopper-words.json ships it (analysed), and how many queries it holds. */
export async function shopperCorpus(root: string) {
  const { entries, queries } = corpusOf(trainingShops(root));
  const analysed = await analyseShopperTexts(entries);
  const asked = new Set(analysed.flatMap((e) => e.terms.map(([t]) => t)));
  for (const e of analysed) e.answer = e.answer?.filter(([t]) => asked.has(t));
  return { entries: analysed, queries };
}

/** shopper-words.json's text: an entry a line, packed (shopper-words.server.ts). */
export const corpusFile = (corpus: ShopperEntry[]) =>
  `[\n${corpus.map((e) => JSON.stringify(packShopperEntry(e))).join(",\n")}\n]\n`;
