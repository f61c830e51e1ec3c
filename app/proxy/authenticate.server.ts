import { authenticate } from "../shopify.server";

/** How far a proxy request's `timestamp` may be from now before it counts as a replay. */
export const PROXY_MAX_SKEW_SECONDS = 300;

/**
 * Storefront requests reach the app through Shopify's app proxy, signed with the app secret.
 * Verifies the signature (the library), then freshness, and reads the shopper: a logged-in
 * customer's numeric id, or null for an anonymous shopper. Bad signatures answer 401.
 */
/** Shopify adds each of these once; a second copy is a forgery attempt (see below). */
const SIGNED_ONCE = [
  "shop",
  "timestamp",
  "signature",
  "logged_in_customer_id",
  "path_prefix",
] as const;

export async function authenticateProxy(request: Request, now = Date.now()) {
  // The library checks the signature against the last copy of each parameter, while the shop and
  // customer are read from the first: a signed query with `shop=other&logged_in_customer_id=…`
  // put in front would pass as another shop's or customer's. Shopify never repeats these.
  const params = new URL(request.url).searchParams;
  if (SIGNED_ONCE.some((name) => params.getAll(name).length > 1))
    throw proxyError(401, "invalid or missing signature");
  let context: Awaited<ReturnType<typeof authenticate.public.appProxy>>;
  try {
    context = await authenticate.public.appProxy(request);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 400)
      throw proxyError(401, "invalid or missing signature");
    throw thrown;
  }
  const url = new URL(request.url);
  const timestamp = Number(url.searchParams.get("timestamp"));
  if (
    !Number.isFinite(timestamp) ||
    Math.abs(now / 1000 - timestamp) > PROXY_MAX_SKEW_SECONDS
  ) {
    throw proxyError(401, "stale or missing timestamp");
  }
  const customer = url.searchParams.get("logged_in_customer_id") ?? "";
  return {
    ...context,
    shop: url.searchParams.get("shop") as string,
    loggedInCustomerId: /^\d+$/.test(customer) ? customer : null,
  };
}

export function proxyError(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: message }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}
