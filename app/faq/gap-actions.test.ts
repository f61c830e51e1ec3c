import { describe, expect, it } from "vitest";
import { draftEntryHref, draftLanguage, parseGapAction } from "./gap-actions";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe("parseGapAction", () => {
  it("reads adding a group to an entry, and dismissing one", () => {
    expect(
      parseGapAction(
        form({ intent: "attach", locale: "ja", key: "雨でも", entryId: "c1x" }),
      ),
    ).toEqual({
      ok: true,
      gap: { intent: "attach", locale: "ja", key: "雨でも", entryId: "c1x" },
    });
    expect(
      parseGapAction(form({ intent: "dismiss", locale: "zh-TW", key: "k" })),
    ).toEqual({
      ok: true,
      gap: { intent: "dismiss", locale: "zh-TW", key: "k" },
    });
  });

  it("refuses anything else", () => {
    const good = { intent: "attach", locale: "ja", key: "k", entryId: "c1" };
    for (const bad of [
      { ...good, intent: "delete" },
      { ...good, locale: "japanese" },
      // A group is named by its language as stored: one the FAQ holds, written as it writes it.
      { ...good, locale: "xx" },
      { ...good, locale: "zh-tw" },
      { ...good, key: "" },
      { ...good, key: "x".repeat(301) },
      { ...good, entryId: "" },
      { ...good, entryId: "a'; drop" },
      { intent: "attach", locale: "ja", key: "k" },
    ])
      expect(parseGapAction(form(bad))).toEqual({ ok: false });
  });
});

describe("drafting an entry from a gap", () => {
  it("names the entry's language without switching the admin's", () => {
    const href = draftEntryHref({
      question: "送料 いくら?",
      language: "en",
      gap: "en:shipping",
    });
    const url = new URL(href, "https://app.example");
    // The app layout takes `locale` in a URL as the admin's language (app/routes/app.tsx).
    expect(url.searchParams.has("locale")).toBe(false);
    expect(url.pathname).toBe("/app/faq/new");
    expect(url.searchParams.get("question")).toBe("送料 いくら?");
    expect(draftLanguage(url)).toBe("en");
    expect(
      draftLanguage(new URL("https://app.example/app/faq/new?language=x!")),
    ).toBe("ja");
    expect(
      draftLanguage(new URL("https://app.example/app/faq/new?language=zh-tw")),
    ).toBe("zh-TW");
    expect(
      draftLanguage(new URL("https://app.example/app/faq/new?language=xx")),
    ).toBe("ja");
  });
});
