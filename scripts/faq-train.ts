/**
 * `npm run faq:train`
 * Gathers the FAQ training corpus (app/faq/training/) into app/faq/engine/shopper-words.json,
 * which the index builder reads to give an entry the words shoppers use for entries like it
 * (app/faq/engine/shopper-words.server.ts). Texts are kept as written: they are analysed at
 * build time by the same analyzer as the shop's own entries, so the two never drift apart.
 * A test fails while shopper-words.json is not what this makes from the corpus.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { corpusFile, shopperCorpus } from "./faq/shopper-corpus";

const root = path.resolve(import.meta.dirname, "..");
const { entries, queries } = shopperCorpus(root);
const file = path.join(root, "app/faq/engine/shopper-words.json");
writeFileSync(file, corpusFile(entries));
console.log(`faq:train: ${entries.length} entries, ${queries} shopper queries -> ${path.relative(root, file)}`);
