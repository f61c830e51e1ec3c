import { describe, expect, it } from "vitest";
import { isLanguageTag, languageTag } from "./language-tag";

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

  it("knows a code already written that way from one that is only shaped like it", () => {
    for (const code of ["ja", "en", "zh-TW", "pt-BR", "zh-Hant", "fil"])
      expect(isLanguageTag(code), code).toBe(true);
    // Stored and sent codes are compared as they are: a spelling languageTag would rewrite is not one.
    for (const code of [
      "JA",
      " ja",
      "zh-tw",
      "xx",
      "xx-yy",
      "ja_JP",
      "",
      "japanese",
    ])
      expect(isLanguageTag(code), code).toBe(false);
  });
});
