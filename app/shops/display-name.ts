/**
 * What shoppers call the shop: its name as Shopify gives it (stored at install, shops.server.ts),
 * else, before that was read, its myshopify handle rather than nothing.
 */
export function shopDisplayName(
  name: string | null | undefined,
  shop: string,
): string {
  return name?.trim() || shop.replace(/\.myshopify\.com$/i, "");
}
