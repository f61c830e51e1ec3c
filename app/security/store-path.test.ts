import { describe, expect, it } from "vitest";
import { isStorePath, storePath } from "./store-path";

describe("store paths", () => {
  it("keeps paths on the shop and refuses what a browser reads as another site", () => {
    for (const ok of [
      "/",
      "/pages/contact",
      "/products/tea?variant=1#faq",
      "/お問い合わせ",
    ])
      expect(isStorePath(ok)).toBe(true);
    for (const bad of [
      "//evil.example",
      "/\\evil.example/login",
      "/\t/evil.example/login",
      "/\n/evil.example",
      "/ok\\..\\x",
      "https://evil.example",
      "javascript:alert(1)",
      "pages/contact",
      "",
      `/${"a".repeat(500)}`,
    ])
      expect(isStorePath(bad)).toBe(false);
    expect(storePath("/\\evil.example/login")).toBe("/");
    expect(storePath(undefined)).toBe("/");
    expect(storePath("/collections/all")).toBe("/collections/all");
  });
});
