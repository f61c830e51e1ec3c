import { describe, expect, it } from "vitest";
import en from "./en.json";
import ja from "./ja.json";
import {
  languageList,
  languageName,
  localeFromAcceptLanguage,
  resolveLocale,
  translator,
} from "./i18n";

describe("admin strings", () => {
  it("exist in Japanese and English with the same keys and placeholders", () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ja[key].trim(), key).not.toBe("");
      // Names of plain ({count}) and plural ({count, plural, …}) placeholders.
      const vars = (s: string) =>
        [
          ...new Set(
            [...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]),
          ),
        ].sort();
      expect(vars(ja[key]), key).toEqual(vars(en[key]));
    }
  });

  it("Japanese strings are actually Japanese", () => {
    const japanese = Object.values(ja).filter((s) =>
      /[\u3040-\u30ff\u4e00-\u9fff]/.test(s),
    );
    // Brand-like strings such as "FAQ" may stay Latin; the rest must be translated.
    expect(japanese.length / Object.values(ja).length).toBeGreaterThan(0.9);
  });
});

describe("resolveLocale", () => {
  it("maps Shopify admin locales", () => {
    expect(resolveLocale("ja")).toBe("ja");
    expect(resolveLocale("en-US")).toBe("en");
    expect(resolveLocale("fr")).toBe("en");
    expect(resolveLocale(undefined)).toBe("ja");
    expect(resolveLocale(null, "en")).toBe("en");
  });
});

describe("language names", () => {
  it("name any shop language in the admin's language", () => {
    expect(languageName("en", "ja")).toBe("英語");
    expect(languageName("ja", "en")).toBe("Japanese");
    expect(languageName("fr", "ja")).toBe("フランス語");
    expect(languageName("not a code", "en")).toBe("not a code");
    expect(languageList(["ja", "en"], "ja")).toBe("日本語、英語");
    expect(languageList(["ja", "en"], "en")).toBe("Japanese and English");
  });
});

describe("plurals", () => {
  it("pick English's form by the count and leave Japanese alone", () => {
    const en = translator("en");
    const ja = translator("ja");
    expect(en("followups.delayDays", { days: 1 })).toBe("after 1 day");
    expect(en("followups.delayDays", { days: 3 })).toBe("after 3 days");
    expect(en("dashboard.jobsDead", { count: 1 })).toBe(
      "1 background task failed and needs attention.",
    );
    expect(en("customers.sync.counts", { customers: 1, orders: "1,234" })).toBe(
      "1 customer and 1,234 orders in the last sync",
    );
    expect(ja("followups.delayDays", { days: 1 })).toBe("1日後");
    // Every plural form in the catalogue is one this translator reads.
    for (const text of Object.values(en))
      if (text.includes("plural"))
        expect(text).toMatch(
          /\{\w+, plural, one \{[^{}]*\} other \{[^{}]*\}\}/,
        );
  });
});

describe("localeFromAcceptLanguage", () => {
  it("reads a browser's list of languages, not its first letters", () => {
    // Chrome and Firefox in Japanese send these: they once resolved to English.
    expect(localeFromAcceptLanguage("ja,en-US;q=0.9,en;q=0.8")).toBe("ja");
    expect(localeFromAcceptLanguage("ja-JP,ja;q=0.9,en-US;q=0.8")).toBe("ja");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,ja;q=0.8")).toBe("en");
    // By quality, then by order; languages of neither kind are skipped.
    expect(localeFromAcceptLanguage("en;q=0.5, ja;q=0.7")).toBe("ja");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,ja;q=0.8")).toBe("ja");
    expect(localeFromAcceptLanguage("ja;q=0, en")).toBe("en");
    expect(localeFromAcceptLanguage("fr,de")).toBe("en");
    expect(localeFromAcceptLanguage("", "ja")).toBe("ja");
    expect(localeFromAcceptLanguage(null, "en")).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBe("ja");
  });
});

describe("translator", () => {
  it("interpolates variables", () => {
    expect(translator("ja")("dashboard.jobsDead", { count: 3 })).toBe(
      "3件のバックグラウンド処理が失敗しました。確認してください。",
    );
    expect(translator("en")("dashboard.jobsDead", { count: 3 })).toContain(
      "3 background tasks",
    );
  });
});
