import {
  abstractFetch,
  setAbstractFetchFunc,
} from "@shopify/shopify-api/runtime";

/**
 * The one place where talking to the local dev store differs from talking to Shopify.
 *
 * @shopify/shopify-api always calls https://{shop}/admin/... (GraphQL, token exchange, OAuth).
 * Outside production, when DEV_STORE_URL is set, calls to *.myshopify.com are sent to the dev
 * store instead, keeping path and query. Everything else in the app is the same for a real shop.
 */
export function rewriteShopUrl(input: string, devStoreUrl: string): string {
  const url = new URL(input);
  if (!url.hostname.endsWith(".myshopify.com")) return input;
  const target = new URL(devStoreUrl);
  url.protocol = target.protocol;
  url.host = target.host;
  return url.toString();
}

let installed = false;

export function installDevStoreSeam(devStoreUrl: string): void {
  if (installed) return;
  installed = true;
  const original = abstractFetch;
  setAbstractFetchFunc((input: RequestInfo | URL, init?: RequestInit) => {
    const href =
      typeof input === "string"
        ? input
        : input instanceof URL
          ? input.href
          : input.url;
    const rewritten = rewriteShopUrl(href, devStoreUrl);
    if (rewritten === href) return original(input, init);
    return original(rewritten, init);
  });
}

/**
 * Shopify's document headers only allow framing by the shop and admin.shopify.com; the stand-in
 * admin lives at the dev store's origin, so allow that origin too (dev store mode only).
 */
export function allowDevStoreFraming(
  headers: Headers,
  devStoreUrl: string,
): void {
  const csp = headers.get("Content-Security-Policy");
  if (!csp) return;
  const origin = new URL(devStoreUrl).origin;
  headers.set(
    "Content-Security-Policy",
    csp.replace(
      /frame-ancestors ([^;]*)/,
      (_m, list: string) => `frame-ancestors ${list} ${origin}`,
    ),
  );
}
