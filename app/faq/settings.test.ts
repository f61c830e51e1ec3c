import { describe, expect, it } from "vitest";
import { parseSynonyms, validateFaqSettings } from "./settings";

describe("FAQ settings", () => {
  it("reads synonym groups line by line, Japanese commas too, dropping single words", () => {
    expect(
      parseSynonyms(
        "送料, 配送料、shipping fee\n\nひとつだけ\nギフト,ラッピング,ギフト",
      ),
    ).toEqual([
      ["送料", "配送料", "shipping fee"],
      ["ギフト", "ラッピング"],
    ]);
  });

  it("accepts https URLs and shop paths, refuses other schemes", () => {
    expect(
      validateFaqSettings({ synonyms: "", contactUrl: "/pages/contact" }).ok,
    ).toBe(true);
    expect(
      validateFaqSettings({
        synonyms: "",
        contactUrl: "https://example.com/contact",
      }).ok,
    ).toBe(true);
    for (const bad of [
      "javascript:alert(1)",
      "http://example.com",
      "//evil.example",
      "not a url",
    ]) {
      expect(validateFaqSettings({ synonyms: "", contactUrl: bad })).toEqual({
        ok: false,
        errors: { contactUrl: "faq.error.contactUrl" },
      });
    }
  });

  it("refuses a synonym list too long to be a synonym list", () => {
    expect(
      validateFaqSettings({
        synonyms: Array.from({ length: 501 }, () => "a,b").join("\n"),
        contactUrl: "",
      }),
    ).toEqual({ ok: false, errors: { synonyms: "faq.error.synonyms" } });
  });
});
