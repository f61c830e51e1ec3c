/**
 * Guards for values that reach the extensions from outside (the app's answers, merchant-entered
 * metafields, Shopify gids): each returns a safe value or null, never throws.
 */

/** The URL when it is http(s), else null: only such URLs ever become links. */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== "string" || !/^https?:\/\/[^\s/]+/i.test(value.trim()))
    return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:"
      ? url.href
      : null;
  } catch {
    return null;
  }
}

/** The digits at the end of a gid (`gid://shopify/Order/123` -> "123"); the app takes numeric ids. */
export function numericId(gid: string | null | undefined): string | null {
  const m = /\/(\d+)$/.exec(gid ?? "");
  return m ? m[1] : null;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export const text = (v: unknown): string | null =>
  typeof v === "string" && v.trim() ? v.trim() : null;
