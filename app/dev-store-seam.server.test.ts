import { describe, expect, it } from "vitest";
import { allowDevStoreFraming, rewriteShopUrl } from "./dev-store-seam.server";

describe("dev store seam", () => {
  it("sends *.myshopify.com calls to the dev store, keeping path and query", () => {
    expect(
      rewriteShopUrl(
        "https://tsunagu-dev.myshopify.com/admin/api/2026-07/graphql.json?x=1",
        "http://127.0.0.1:4400",
      ),
    ).toBe("http://127.0.0.1:4400/admin/api/2026-07/graphql.json?x=1");
  });

  it("leaves every other host alone", () => {
    expect(
      rewriteShopUrl(
        "https://storage.googleapis.com/bulk.jsonl",
        "http://127.0.0.1:4400",
      ),
    ).toBe("https://storage.googleapis.com/bulk.jsonl");
    expect(
      rewriteShopUrl(
        "https://evil.com/?myshopify.com",
        "http://127.0.0.1:4400",
      ),
    ).toBe("https://evil.com/?myshopify.com");
  });
});

describe("framing by the stand-in admin", () => {
  it("adds the dev store's origin to frame-ancestors and keeps Shopify's", () => {
    const headers = new Headers({
      "Content-Security-Policy":
        "frame-ancestors https://a.myshopify.com https://admin.shopify.com;",
    });
    allowDevStoreFraming(headers, "http://127.0.0.1:4400/x");
    expect(headers.get("Content-Security-Policy")).toBe(
      "frame-ancestors https://a.myshopify.com https://admin.shopify.com http://127.0.0.1:4400;",
    );
  });
});
