import { describe, expect, it } from "vitest";
import { languageTag } from "./language-tag";

describe("languageTag", () => {
  it("accepts codes in any case and writes them as Shopify names shop locales", () => {
    expect(languageTag("JA")).toBe("ja");
    expect(languageTag(" en ")).toBe("en");
    expect(languageTag("zh-tw")).toBe("zh-TW");
    expect(languageTag("PT-br")).toBe("pt-BR");
    expect(languageTag("zh-hant")).toBe("zh-Hant");
    expect(languageTag("fil")).toBe("fil");
  });

  it("refuses what is not a language", () => {
    for (const code of [
      "xx-yy",
      "xx",
      "ja_JP",
      "ja-XX",
      "en-ZZ",
      "und",
      "",
      "english",
      "ja-JP-x-y",
    ])
      expect(languageTag(code), code).toBeNull();
  });
});
