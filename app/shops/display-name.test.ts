import { describe, expect, it } from "vitest";
import { shopDisplayName } from "./display-name";

describe("shopDisplayName", () => {
  it("is the shop's name as Shopify gives it", () => {
    expect(shopDisplayName("つなぐ茶房", "tsunagu-dev.myshopify.com")).toBe(
      "つなぐ茶房",
    );
  });

  it("is the myshopify handle while the name is unknown or blank", () => {
    expect(shopDisplayName(null, "tsunagu-dev.myshopify.com")).toBe(
      "tsunagu-dev",
    );
    expect(shopDisplayName("  ", "tsunagu-dev.myshopify.com")).toBe(
      "tsunagu-dev",
    );
    expect(shopDisplayName(undefined, "shop.example.jp")).toBe(
      "shop.example.jp",
    );
  });
});
