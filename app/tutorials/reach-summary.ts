import type { Translate } from "../i18n/i18n";

/**
 * What a tutorial reaches, in one cell of the tutorials list: the first product and how many more,
 * then the first collection, with how many products it holds, and how many more. "Coastline +1"
 * had read as two products when the second was a collection of 56.
 */
export function reachSummary(
  t: Translate,
  products: string[],
  collections: { title: string; products: number }[],
): string {
  const first = (items: string[]) =>
    items.length > 1 ? `${items[0]} +${items.length - 1}` : items[0];
  const parts = [
    first(products),
    first(
      collections.map((c) =>
        t("tutorials.collectionItem", { title: c.title, count: c.products }),
      ),
    ),
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "—";
}
