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
