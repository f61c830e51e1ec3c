import { backendClient } from "../../shared/backend";
import { numericId } from "../../shared/values";
import { APP_URL } from "./config";

/** A call to the app backend with the checkout session token, which the app verifies. */
export const backend = backendClient(APP_URL, () => shopify.sessionToken.get());

/** The order's numeric id from the thank-you page's order confirmation (`gid://shopify/OrderIdentity/<id>`). */
export function orderId(): string | null {
  return numericId(shopify.orderConfirmation?.value?.order?.id);
}

/**
 * This checkout's token (`shopify.checkoutToken`): only this checkout's buyer sees it, and the app
 * serves an order only to the checkout it came from (or to its logged-in customer).
 */
export function checkoutToken(): string | null {
  const token = shopify.checkoutToken?.value;
  return typeof token === "string" && token ? token : null;
}

/** How this page names its order to the app: `order=<id>&checkout=<token>`, or null before there is one. */
export function orderQuery(): string | null {
  const order = orderId();
  if (!order) return null;
  const token = checkoutToken();
  return token
    ? `order=${order}&checkout=${encodeURIComponent(token)}`
    : `order=${order}`;
}

export const locale = () =>
  shopify.localization?.language?.value?.isoCode ?? "ja";
