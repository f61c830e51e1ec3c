import { describe, expect, it } from "vitest";
import { rewriteShopUrl } from "./dev-store-seam.server";

describe("dev store seam", () => {
  it("sends *.myshopify.com calls to the dev store, keeping path and query", () => {
    expect(rewriteShopUrl("https://tsunagu-dev.myshopify.com/admin/api/2026-07/graphql.json?x=1", "http://127.0.0.1:4400")).toBe(
      "http://127.0.0.1:4400/admin/api/2026-07/graphql.json?x=1",
    );
  });

  it("leaves every other host alone", () => {
    expect(rewriteShopUrl("https://storage.googleapis.com/bulk.jsonl", "http://127.0.0.1:4400")).toBe("https://storage.googleapis.com/bulk.jsonl");
    expect(rewriteShopUrl("https://evil.com/?myshopify.com", "http://127.0.0.1:4400")).toBe("https://evil.com/?myshopify.com");
  });
});
