import { authenticate } from "../shopify.server";

/** How far a proxy request's `timestamp` may be from now before it counts as a replay. */
export const PROXY_MAX_SKEW_SECONDS = 300;

/**
 * Storefront requests reach the app through Shopify's app proxy, signed with the app secret.
 * Verifies the signature (the library), then freshness, and reads the shopper: a logged-in
 * customer's numeric id, or null for an anonymous shopper. Bad signatures answer 401.
 */
export async function authenticateProxy(request: Request, now = Date.now()) {
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
