import {
  pickLocale,
  type TutorialInput,
  type TutorialMetafield,
} from "./definition";

/**
 * What Shopify should hold for each product, computed from the app's table alone. A tutorial
 * reaches the products chosen directly and every product of its collections as last resolved
 * through the Admin API (kept with the collection, see collections.server.ts). Pure.
 */
export interface ResolvedCollection {
  id: string;
  title: string;
  /** The collection's products (numeric ids, titles from Shopify) when last resolved. */
  products: { id: string; title: string }[];
}

export interface TutorialReach {
  kind: TutorialInput["kind"];
  locales: TutorialInput["locales"];
  products: { id: string; title: string }[];
  /** Optional so that callers holding only products (older code, tests) still fit. */
  collections?: ResolvedCollection[];
}

/** Every product a tutorial is shown for, each once: chosen products first, then its collections' in their order. */
export function reachedProducts(
  t: Pick<TutorialReach, "products" | "collections">,
): { id: string; title: string }[] {
  const out = new Map<string, { id: string; title: string }>();
  for (const p of t.products) out.set(p.id, p);
  for (const c of t.collections ?? [])
    for (const p of c.products) if (!out.has(p.id)) out.set(p.id, p);
  return [...out.values()];
}

/** Every product's metafield value from a list of tutorials (products without any are absent). */
export function metafieldValues(
  tutorials: TutorialReach[],
): Map<string, TutorialMetafield> {
  const out = new Map<string, TutorialMetafield>();
  for (const t of tutorials) {
    for (const p of reachedProducts(t)) {
      const value = out.get(p.id) ?? { product: p.title, items: [] };
      value.product = p.title || value.product;
      value.items.push({ kind: t.kind, locales: t.locales });
      out.set(p.id, value);
    }
  }
  return out;
}

/** The products whose metafield a change from `before` to `after` can alter: reached by either. */
export function touchedProducts(
  before: TutorialReach[],
  after: TutorialReach[],
): Set<string> {
  return new Set(
    [...before, ...after].flatMap((t) => reachedProducts(t).map((p) => p.id)),
  );
}

/**
 * The tutorial links of an order's products in a language (follow-up templates): each URL once,
 * in product order. Products the shop deleted simply have none; products reached through a
 * collection count like chosen ones.
 */
export function tutorialLinks(
  tutorials: TutorialReach[],
  productIds: string[],
  lang: string,
): { title: string; url: string }[] {
  const values = metafieldValues(tutorials);
  const seen = new Set<string>();
  const out: { title: string; url: string }[] = [];
  for (const id of productIds) {
    for (const item of values.get(id)?.items ?? []) {
      const chosen = pickLocale(item.locales, lang);
      if (!chosen || seen.has(chosen.url)) continue;
      seen.add(chosen.url);
      out.push(chosen);
    }
  }
  return out;
}
