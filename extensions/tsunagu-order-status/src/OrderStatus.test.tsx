/// <reference types="@shopify/ui-extensions/customer-account.order-status.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { describeAfterSale } from "../../shared/after-sale-suite";
import en from "../locales/en.default.json";
import ja from "../locales/ja.json";
import { APP_URL } from "./config";

const extension = getExtension("customer-account.order-status.block.render");

beforeEach(() => {
  extension.setUp();
  extension.shopify.order.value = {
    id: "gid://shopify/Order/5001",
    name: "#1001",
  };
});
afterEach(() => extension.tearDown());

describeAfterSale({
  extension,
  strings: { ja, en },
  fulfillmentsUrl: `${APP_URL}/api/customer-account/fulfillments?order=5001`,
});

describe("order-status block", () => {
  it("asks nothing of the app without an order", async () => {
    extension.shopify.order.value = undefined;
    const fetch = vi.fn();
    extension.fetch = fetch as never;
    await extension.render();
    await new Promise((r) => setTimeout(r, 20));
    expect(fetch).not.toHaveBeenCalled();
    expect(document.body.querySelector("s-section")).toBeNull();
  });
});
