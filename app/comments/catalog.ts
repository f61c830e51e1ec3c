import { fold } from "../faq/engine/text";

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

export interface CatalogNames {
  /** folded name → what it is, for explanations */
  names: Map<string, { kind: "vendor" | "model"; label: string; products: string[] }>;
}

const GENERIC_EN = new Set(["shop", "store", "company", "japan", "tokyo", "official", "studio", "works", "brand", "the", "and", "tea", "coffee", "goods", "life", "home", "design", "market"]);
const UNIT = /^[\d.,]+\s*(g|kg|ml|l|cm|mm|個|包|枚|本|袋|缶|入り?|セット|pcs|pack|oz|inch|号|サイズ|size)?$/i;
const SEPARATORS = /[\s\u3000/|・,、()（）[\]「」【】'"+&×x-]+/;

export function catalogNames(items: CatalogItem[]): CatalogNames {
  const generic = new Set<string>();
  for (const item of items) {
    for (const w of [item.productType, ...(item.tags ?? [])]) if (w) generic.add(fold(w));
  }
  // A word in most titles (e.g. the shop's main product word) is not a name either.
  const titleWords = items.map((i) => new Set(i.title.split(SEPARATORS).map(fold).filter(Boolean)));
  const frequency = new Map<string, number>();
  for (const words of titleWords) for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);

  const names: CatalogNames["names"] = new Map();
  const add = (name: string, kind: "vendor" | "model", label: string, product: string) => {
    const key = fold(name);
    if (key.length < 2 || generic.has(key) || UNIT.test(key)) return;
    const entry = names.get(key) ?? { kind, label, products: [] };
    if (!entry.products.includes(product)) entry.products.push(product);
    names.set(key, entry);
  };
  items.forEach((item, i) => {
    const product = item.id ?? item.title;
    if (item.vendor) {
      add(item.vendor, "vendor", item.vendor, product);
      // "Kotobuki Tea" is also said "Kotobuki": distinctive words of a Latin vendor name.
      for (const word of item.vendor.split(/\s+/)) if (/^[A-Za-z][A-Za-z'-]{3,}$/.test(word) && !GENERIC_EN.has(word.toLowerCase())) add(word, "vendor", item.vendor, product);
      // "山猫珈琲焙煎所" is also said "山猫(さん)": a Japanese maker's name without its trade suffix.
      const short = item.vendor.replace(/(珈琲|コーヒー|焙煎所|焙煎|製茶|茶園|茶舗|商店|商会|本舗|本店|工房|製作所|株式会社|有限会社|ストア|ショップ|堂|屋|舎)+$/, "").replace(/^(株式会社|有限会社)/, "");
      if (short !== item.vendor && [...short].length >= 2 && /[\u3040-\u30ff\u4e00-\u9fff]/.test(short)) add(short, "vendor", item.vendor, product);
    }
    for (const word of item.title.split(SEPARATORS)) {
      const key = fold(word);
      if (!key || (items.length >= 4 && (frequency.get(key) ?? 0) > items.length / 2)) continue;
      // Words that only add a category to a name ("深蒸し煎茶" with the tag "煎茶") are descriptions.
      if ([...generic].some((g) => g.length >= 2 && key.endsWith(g))) continue;
      add(word, "model", word, product);
    }
    void i;
  });
  return { names };
}
