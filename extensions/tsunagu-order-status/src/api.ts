import { backendClient } from "../../shared/backend";
import { numericId } from "../../shared/values";
import { APP_URL } from "./config";

/** A call to the app backend with the customer-account session token, which the app verifies. */
export const backend = backendClient(APP_URL, () => shopify.sessionToken.get());

/** The order's numeric id from the order-status page (`gid://shopify/Order/<id>`). */
export function orderId(): string | null {
  return numericId(shopify.order.value?.id);
}

export const locale = () =>
  shopify.localization.language.value?.isoCode ?? "ja";
