import { fold } from "../faq/engine/text";
import { kanaSkeleton, latinSkeleton, romajiToKana } from "./kana";

/**
 * The names in a shop's catalog that show a buyer chose this maker or this model: vendors and the
 * distinctive words of product titles (model, cultivar, collection). Category words, sizes,
 * weights, the product type and the merchant's tags are left out: "サンダル" or "緑茶" in a
 * comment says what was bought, not from whom.
 */
export interface CatalogItem {
  title: string;
  vendor?: string | null;
  productType?: string | null;
  tags?: string[] | null;
  id?: string;
}

export type NameEntry = {
  kind: "vendor" | "model";
  label: string;
  products: string[];
};

export interface CatalogNames {
  /** folded name (or its kana reading) → what it is, for explanations */
  names: Map<string, NameEntry>;
  /** consonant skeletons of Latin names, to find them written in katakana (./kana.ts) */
  sounds?: Map<string, NameEntry>;
  /** short katakana spellings (レゴ, ソト): matched in katakana only, as hiragana they are words */
  katakana?: Map<string, NameEntry>;
}

/**
 * What a dictionary knows about a catalog word (./lexicon.server.ts, kuromoji and an English
 * word list): its kana reading, and whether it is a common word rather than a name.
 */
export interface NameLexicon {
  reading(text: string): string | null;
  isCommonWord(word: string): boolean;
}

const GENERIC_EN = new Set([
  "shop",
  "store",
  "company",
  "japan",
  "tokyo",
  "official",
  "studio",
  "works",
  "brand",
  "the",
  "and",
  "tea",
  "coffee",
  "goods",
  "life",
  "home",
  "design",
  "market",
]);
const UNIT =
  /^[\d.,]+\s*(g|kg|ml|l|cm|mm|個|包|枚|本|袋|缶|入り?|セット|pcs|pack|oz|inch|号|サイズ|size)?$/i;
const SEPARATORS = /[\s\u3000/|・,、()（）[\]「」【】'"+&×x-]+/;
/** "ST-310", "GT-16", "XLT2": a model code, kept whole. */
const MODEL_CODE = /^[A-Za-z]{1,5}-?\d+[A-Za-z]*$/;
const LATIN = /^[A-Za-z][A-Za-z'-]*$/;
const HAS_KANJI = /[\u3400-\u9fff]/;

export function catalogNames(
  items: CatalogItem[],
  lexicon?: NameLexicon,
): CatalogNames {
  const generic = new Set<string>();
  for (const item of items) {
    for (const w of [item.productType, ...(item.tags ?? [])])
      if (w) generic.add(fold(w));
  }
  // A word in most titles (e.g. the shop's main product word) is not a name either.
  const titleWords = items.map(
    (i) => new Set(i.title.split(SEPARATORS).map(fold).filter(Boolean)),
  );
  const frequency = new Map<string, number>();
  for (const words of titleWords)
    for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);

  const names: CatalogNames["names"] = new Map();
  const sounds: NonNullable<CatalogNames["sounds"]> = new Map();
  const katakana: NonNullable<CatalogNames["katakana"]> = new Map();
  const put = (
    map: Map<string, NameEntry>,
    key: string,
    kind: NameEntry["kind"],
    label: string,
    product: string,
  ) => {
    const entry = map.get(key) ?? { kind, label, products: [] };
    if (!entry.products.includes(product)) entry.products.push(product);
    map.set(key, entry);
  };
  const add = (
    name: string,
    kind: "vendor" | "model",
    label: string,
    product: string,
  ) => {
    const key = fold(name);
    if (key.length < 2 || generic.has(key) || UNIT.test(key)) return;
    // A model word is a name only if it is not a common word ("Stove", "White", "ケトル").
    if (kind === "model" && lexicon?.isCommonWord(name)) return;
    put(names, key, kind, label, product);
    // Names are also written as they are read: 藤次郎 as "とうじろう", LOGOS as "ろごす".
    // Only a maker's name: a model's reading is often a common word (炒め鍋 → いためなべ).
    if (kind === "model") return;
    const reading = HAS_KANJI.test(name)
      ? lexicon?.reading(name)
      : /^[a-z]+$/.test(key)
        ? romajiToKana(key)
        : null;
    if (reading && reading.length >= 3 && !generic.has(reading))
      put(names, fold(reading), kind, label, product);
    if (/^[a-z][a-z '-]*$/.test(key)) {
      for (const skeleton of new Set([
        latinSkeleton(key),
        latinSkeleton(key, true),
      ]))
        if (skeleton.length >= 3) put(sounds, skeleton, kind, label, product);
    }
  };
  items.forEach((item, i) => {
    const product = item.id ?? item.title;
    if (item.vendor) {
      add(item.vendor, "vendor", item.vendor, product);
      // "Kotobuki Tea" is also said "Kotobuki": distinctive words of a Latin vendor name.
      for (const word of item.vendor.split(/\s+/))
        if (
          /^[A-Za-z][A-Za-z'-]{3,}$/.test(word) &&
          !GENERIC_EN.has(word.toLowerCase()) &&
          !lexicon?.isCommonWord(word)
        )
          add(word, "vendor", item.vendor, product);
      // "山猫珈琲焙煎所" is also said "山猫(さん)": a Japanese maker's name without its trade suffix.
      const short = item.vendor
        .replace(
          /(珈琲|コーヒー|焙煎所|焙煎|製茶|茶園|茶舗|商店|商会|本舗|本店|工房|製作所|株式会社|有限会社|ストア|ショップ|堂|屋|舎)+$/,
          "",
        )
        .replace(/^(株式会社|有限会社)/, "");
      // "藍工房 みずの" is also said "みずの(さん)": each part of a Japanese maker's name.
      if (/\s/.test(item.vendor.trim()))
        for (const word of item.vendor.trim().split(/\s+/))
          if (
            [...word].length >= 2 &&
            /^[\u3040-\u30ff\u4e00-\u9fff]+$/.test(word)
          )
            add(word, "vendor", item.vendor, product);
      if (
        short !== item.vendor &&
        [...short].length >= 2 &&
        /[\u3040-\u30ff\u4e00-\u9fff]/.test(short)
      )
        add(short, "vendor", item.vendor, product);
    }
    if (item.vendor && /[A-Za-z]/.test(item.vendor)) {
      // A katakana tag that sounds like a Latin vendor is how the shop writes it ("ストウブ").
      const skeletons = [
        latinSkeleton(item.vendor),
        latinSkeleton(item.vendor, true),
      ];
      for (const tag of item.tags ?? []) {
        if (
          !/^[\u30a1-\u30fa\u30fc]{2,}$/.test(tag) ||
          !skeletons.includes(kanaSkeleton(tag))
        )
          continue;
        put(
          tag.length >= 3 ? names : katakana,
          tag.length >= 3 ? fold(tag) : tag,
          "vendor",
          item.vendor,
          product,
        );
      }
    }
    // A run of Latin words is a product line even when each word is common ("Daily Canvas Tote").
    for (const run of item.title.match(
      /[A-Za-z][A-Za-z0-9'-]*(\s+[A-Za-z0-9][A-Za-z0-9'-]*)+/g,
    ) ?? []) {
      const phrase = run
        .split(/\s+/)
        .filter(
          (w, i, all) =>
            !(
              i === all.length - 1 &&
              (/^[A-Za-z]$/.test(w) || (UNIT.test(w) && /\D/.test(w)))
            ),
        );
      if (phrase.length >= 2)
        add(phrase.join(" "), "model", phrase.join(" "), product);
    }
    const words = item.title
      .split(/[\s\u3000]+/)
      .flatMap((w) => (MODEL_CODE.test(w) ? [w] : w.split(SEPARATORS)));
    for (const word of words) {
      const key = fold(word);
      // Two Latin letters ("ST", "M") are a size or an initial, not a name one would write.
      if (LATIN.test(word) && word.length < 3) continue;
      if (
        !key ||
        (items.length >= 4 && (frequency.get(key) ?? 0) > items.length / 2)
      )
        continue;
      // Words that only add a category to a name ("深蒸し煎茶" with the tag "煎茶") are descriptions.
      if ([...generic].some((g) => g.length >= 2 && key.endsWith(g))) continue;
      add(word, "model", word, product);
    }
    void i;
  });
  return { names, sounds, katakana };
}
