import { backendClient } from "../../shared/backend";
import { numericId } from "../../shared/values";
import { APP_URL } from "./config";

/** A call to the app backend with the checkout session token, which the app verifies. */
export const backend = backendClient(APP_URL, () => shopify.sessionToken.get());

/** The order's numeric id from the thank-you page's order confirmation (`gid://shopify/OrderIdentity/<id>`). */
export function orderId(): string | null {
  return numericId(shopify.orderConfirmation?.value?.order?.id);
}

export const locale = () =>
  shopify.localization?.language?.value?.isoCode ?? "ja";
