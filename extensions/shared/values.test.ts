import { describe, expect, it } from "vitest";
import { httpUrl, numericId } from "./values";

describe("httpUrl", () => {
  it("keeps http(s) URLs and nothing else", () => {
    expect(httpUrl("https://track.example/1234?x=1")).toBe(
      "https://track.example/1234?x=1",
    );
    expect(httpUrl(" http://example.com/a ")).toBe("http://example.com/a");
    for (const bad of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "tel:0120",
      "//example.com",
      "ftp://example.com",
      "https://",
      "example.com",
      "",
      null,
      42,
      {},
    ])
      expect(httpUrl(bad), String(bad)).toBeNull();
  });
});

describe("numericId", () => {
  it("takes the digits at the end of an order gid", () => {
    expect(numericId("gid://shopify/OrderIdentity/123")).toBe("123");
    expect(numericId("gid://shopify/Order/5001")).toBe("5001");
    expect(numericId("gid://shopify/Order/abc")).toBeNull();
    expect(numericId(undefined)).toBeNull();
  });
});
