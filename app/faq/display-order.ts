/**
 * The order shoppers see: categories by their lowest position (the first entry in them),
 * uncategorised entries last, then by position. Ties keep the input's order (the sort is
 * stable), which callers give as oldest first. The admin list uses it too, so the merchant sees
 * the FAQ as shoppers do.
 */
export function displayOrder<T extends { category: string; position: number }>(
  entries: T[],
): T[] {
  const rank = new Map<string, number>();
  for (const e of entries)
    rank.set(
      e.category,
      Math.min(rank.get(e.category) ?? Infinity, e.position),
    );
  const catRank = (c: string) => (c === "" ? Infinity : (rank.get(c) ?? 0));
  return [...entries].sort(
    (a, b) =>
      catRank(a.category) - catRank(b.category) ||
      // One collation wherever it runs: the admin list sorts on the server and in the browser.
      a.category.localeCompare(b.category, "en") ||
      a.position - b.position,
  );
}
