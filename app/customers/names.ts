/**
 * A customer's name as it is written: family name first for a name in Japanese script
 * (山田 花子), given name first otherwise (Hanako Yamada); whichever part exists when one is
 * missing (Shopify's checkout asks only for the family name by default).
 */
export function fullName(
  first: string | null | undefined,
  last: string | null | undefined,
): string {
  const given = first?.trim() ?? "";
  const family = last?.trim() ?? "";
  if (!given || !family) return given || family;
  return JAPANESE.test(given + family)
    ? `${family} ${given}`
    : `${given} ${family}`;
}

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
