import { coded } from "../i18n/coded";

/**
 * Shopify no longer accepts the app's offline token for a shop (revoked, or in the demo a
 * restarted dev store). Work that needs the Admin API waits with this reason until the merchant
 * next opens the app, which exchanges a new token (`connection.server.ts`).
 */
export const NOT_CONNECTED = "not_connected";

export class ShopNotConnected extends Error {
  constructor(readonly shop: string) {
    super(coded(NOT_CONNECTED));
    this.name = "ShopNotConnected";
  }
}
