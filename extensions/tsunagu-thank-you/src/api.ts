import { APP_URL } from "./config";

/** A call to the app backend with the checkout session token, which the app verifies. */
export async function backend<T>(path: string, init: { method?: "GET" | "POST"; body?: unknown } = {}): Promise<T> {
  const token = await shopify.sessionToken.get();
  const res = await fetch(`${APP_URL}${path}`, {
    method: init.method ?? "GET",
    headers: { Authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The order's numeric id from the thank-you page's order confirmation. */
export function orderId(): string | null {
  const id = shopify.orderConfirmation?.value?.order?.id ?? "";
  const m = /\/(\d+)$/.exec(id);
  return m ? m[1] : null;
}

export const locale = () => shopify.localization?.language?.value?.isoCode ?? "ja";
