import { createRequire } from "node:module";
import path from "node:path";
import kuromoji from "kuromoji";

/**
 * The one kuromoji (IPADIC) tokenizer of the process, loaded on first use (≈ 1 s, ≈ 50 MB):
 * the FAQ index builder, the comment catalog names and the comment classifier share it.
 */
export type JapaneseTokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

let tokenizer: Promise<JapaneseTokenizer> | null = null;

export function japaneseTokenizer(): Promise<JapaneseTokenizer> {
  tokenizer ??= new Promise((resolve, reject) => {
    const dicPath = path.join(
      path.dirname(
        createRequire(import.meta.url).resolve("kuromoji/package.json"),
      ),
      "dict",
    );
    kuromoji
      .builder({ dicPath })
      .build((error, t) => (error ? reject(error) : resolve(t)));
  });
  return tokenizer;
}
