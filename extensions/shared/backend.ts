/**
 * Calls to the app backend with the surface's session token (checkout on the thank-you page,
 * customer account on the order-status page), which the app verifies. Extensions run on
 * Shopify's domain, so `appUrl` is absolute. A non-2xx answer or a network failure throws.
 */
export function backendClient(appUrl: string, token: () => Promise<string>) {
  return async function backend<T>(
    path: string,
    init: { method?: "GET" | "POST"; body?: unknown } = {},
  ): Promise<T> {
    const res = await fetch(`${appUrl}${path}`, {
      method: init.method ?? "GET",
      headers: {
        Authorization: `Bearer ${await token()}`,
        ...(init.body === undefined
          ? {}
          : { "Content-Type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as T;
  };
}
