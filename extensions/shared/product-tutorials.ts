import { httpUrl, isRecord, text } from "./values";

/**
 * Product tutorials from the app-owned product metafield `$app:tsunagu.tutorials` (JSON):
 *   {"product":"…","items":[{"kind":"video","locales":{"ja":{"title":"…","url":"https://…"},"en":{…}}}]}
 * For each ordered product, each item in the customer's language (else the first language
 * present), one entry per URL across the order with every product it belongs to. A metafield
 * that does not parse or an item that is not shaped right is skipped, never thrown.
 */
export type TutorialKind = "video" | "article";

export interface Tutorial {
  kind: TutorialKind;
  title: string;
  url: string;
  /** Titles of the ordered products this tutorial is for, in order. */
  products: string[];
}

/** What the parts read of `shopify.lines` and `shopify.appMetafields` (both surfaces fit). */
export interface OrderLine {
  merchandise: { title: string; product: { id: string } };
}

export interface MetafieldEntry {
  target: { type: string; id: string };
  metafield: { namespace: string; key: string; value: unknown };
}

export const TUTORIALS_KEY = "tutorials";

/** Shopify returns app-owned namespaces as `$app:tsunagu`; the resolved form is accepted too. */
const isOurs = (namespace: string) =>
  namespace === "$app:tsunagu" || /^app--\d+--tsunagu$/.test(namespace);

const base = (code: string) => code.toLowerCase().split(/[-_]/)[0];

/** The item's entry for `language` (exact, then same base language), else the first usable one. */
function pick(
  locales: Record<string, unknown>,
  language: string,
): { title: string; url: string } | null {
  const codes = Object.keys(locales);
  const order = [
    ...codes.filter((c) => c.toLowerCase() === language.toLowerCase()),
    ...codes.filter(
      (c) =>
        c.toLowerCase() !== language.toLowerCase() &&
        base(c) === base(language),
    ),
    ...codes.filter((c) => base(c) !== base(language)),
  ];
  for (const code of order) {
    const entry = locales[code];
    if (!isRecord(entry)) continue;
    const title = text(entry.title);
    const url = httpUrl(entry.url);
    if (title && url) return { title, url };
  }
  return null;
}

function parse(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

export function orderTutorials(
  lines: readonly OrderLine[],
  entries: readonly MetafieldEntry[],
  language: string,
): Tutorial[] {
  const byProduct = new Map<string, unknown>();
  for (const e of entries) {
    if (
      e.target.type === "product" &&
      e.metafield.key === TUTORIALS_KEY &&
      isOurs(e.metafield.namespace)
    )
      byProduct.set(e.target.id, e.metafield.value);
  }
  const byUrl = new Map<string, Tutorial>();
  const seen = new Set<string>();
  for (const line of lines) {
    const productId = line.merchandise.product.id;
    if (seen.has(productId)) continue;
    seen.add(productId);
    const doc = parse(byProduct.get(productId));
    const items = isRecord(doc) && Array.isArray(doc.items) ? doc.items : [];
    for (const item of items) {
      if (
        !isRecord(item) ||
        (item.kind !== "video" && item.kind !== "article") ||
        !isRecord(item.locales)
      )
        continue;
      const chosen = pick(item.locales, language);
      if (!chosen) continue;
      const known = byUrl.get(chosen.url);
      // The app writes the product's title into the metafield (lines carry the variant's title).
      const product =
        (isRecord(doc) && text(doc.product)) || line.merchandise.title;
      if (!known)
        byUrl.set(chosen.url, {
          kind: item.kind,
          ...chosen,
          products: [product],
        });
      else if (!known.products.includes(product)) known.products.push(product);
    }
  }
  return [...byUrl.values()];
}

/**
 * The products a tutorial is for, as one phrase in the language of the block's strings (Japanese
 * for a Japanese customer, else English, which is what the locales fall back to): 「A、B、C」,
 * "A, B, and C". Intl.ListFormat, not a hand-picked separator, so "A and B" reads as English.
 */
export function productList(
  titles: readonly string[],
  language: string,
): string {
  const lang = language.toLowerCase().startsWith("ja") ? "ja" : "en";
  return new Intl.ListFormat(lang, {
    style: "long",
    type: "conjunction",
  }).format(titles);
}
