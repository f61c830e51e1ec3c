import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * A save that redirects to a list page tells it so in the URL (`?saved=1`, as the tutorial editor
 * does): action data does not survive the redirect. The list shows a toast once and drops the
 * parameter, so a reload or a link copied from the address bar does not say it again.
 */
export const SAVED_PARAM = "saved";

/** Where a successful save goes: `path` with the saved flag. */
export function savedUrl(path: string): string {
  const [base, query = ""] = path.split("?");
  const params = new URLSearchParams(query);
  params.set(SAVED_PARAM, "1");
  return `${base}?${params.toString()}`;
}

/**
 * Dropping the flag changes nothing the list loaded: no need to load it again (the surveys
 * dashboard asks Shopify for product titles each time).
 */
export const skipRevalidateOnSavedDrop: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => {
  if (formMethod || currentUrl.pathname !== nextUrl.pathname)
    return defaultShouldRevalidate;
  const current = new URLSearchParams(currentUrl.search);
  const next = new URLSearchParams(nextUrl.search);
  if (!current.has(SAVED_PARAM) || next.has(SAVED_PARAM))
    return defaultShouldRevalidate;
  current.delete(SAVED_PARAM);
  current.sort();
  next.sort();
  return current.toString() === next.toString()
    ? false
    : defaultShouldRevalidate;
};
