/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { describeAfterSale, json } from "../../shared/after-sale-suite";
import en from "../locales/en.default.json";
import ja from "../locales/ja.json";
import { APP_URL } from "./config";

/** The thank-you block's tracking and tutorial parts (the survey part: ThankYou.test.tsx). */
const extension = getExtension("purchase.thank-you.block.render");

beforeEach(() => {
  extension.setUp();
  extension.shopify.orderConfirmation.value = {
    order: { id: "gid://shopify/OrderIdentity/5001" },
    number: "1001",
    isFirstOrder: true,
  };
  extension.shopify.checkoutToken.value = "c0ffee00c0ffee00";
});
afterEach(() => extension.tearDown());

describeAfterSale({
  extension,
  strings: { ja, en },
  fulfillmentsUrl: `${APP_URL}/api/checkout/fulfillments?order=5001&checkout=c0ffee00c0ffee00`,
});

describe("thank-you block", () => {
  it("asks the app for shipments only with an order", async () => {
    extension.shopify.orderConfirmation.value = undefined as never;
    const fetch = vi.fn(async () => json({ survey: null }));
    extension.fetch = fetch as never;
    await extension.render();
    await new Promise((r) => setTimeout(r, 20));
    expect(fetch).not.toHaveBeenCalled();
    expect(document.body.querySelector("s-section")).toBeNull();
  });
});
