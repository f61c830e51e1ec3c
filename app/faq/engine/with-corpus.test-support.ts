import {
  analyseShopperTexts,
  setShopperCorpus,
  type ShopperText,
} from "./shopper-words.server";

/**
 * For tests: runs `run` with the corpus made of `texts` (none: no borrowing at all), then puts
 * the shipped corpus back, also when `run` throws.
 */
export async function withCorpus<T>(
  texts: ShopperText[],
  run: () => Promise<T>,
): Promise<T> {
  setShopperCorpus(await analyseShopperTexts(texts));
  try {
    return await run();
  } finally {
    setShopperCorpus();
  }
}

/** An English entry of another shop, for a corpus of a test's own. */
export const elsewhere = (
  question: string,
  queries: string[],
  answer?: string,
): ShopperText => ({
  shop: "elsewhere",
  locale: "en",
  question,
  tags: "",
  ...(answer ? { answer } : {}),
  queries,
});

/** Entries on fifty topics of their own, so that no word of a test's corpus is typed for every topic. */
export const widgets = Array.from({ length: 50 }, (_, i) =>
  elsewhere(`Widget${i} guide`, [`widget${i} help`]),
);
