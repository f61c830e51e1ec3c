import { describe, expect, it } from "vitest";
import { parseTutorialForm, pickLocale, URL_MAX_LENGTH } from "./definition";

const products = JSON.stringify([
  { id: "101", title: "ドローン X" },
  { id: "101", title: "ドローン X" },
  { id: "102", title: "予備バッテリー" },
]);

describe("tutorial form", () => {
  it("keeps the languages filled in and each product once", () => {
    const r = parseTutorialForm({
      kind: "video",
      "ja.title": " 初期設定の動画 ",
      "ja.url": "https://example.com/ja",
      "en.title": "",
      "en.url": "",
      products,
    });
    expect(r).toEqual({
      ok: true,
      value: {
        kind: "video",
        locales: {
          ja: { title: "初期設定の動画", url: "https://example.com/ja" },
        },
        products: [
          { id: "101", title: "ドローン X" },
          { id: "102", title: "予備バッテリー" },
        ],
        collections: [],
      },
    });
  });

  it("takes collections as well as products, and needs at least one of either", () => {
    const base = {
      kind: "article",
      "en.title": "Care",
      "en.url": "https://e.x/care",
    };
    const collections = JSON.stringify([
      { id: "470000000003", title: "ドローン" },
      { id: "470000000003", title: "ドローン" },
    ]);
    expect(parseTutorialForm({ ...base, collections })).toMatchObject({
      ok: true,
      value: {
        products: [],
        collections: [{ id: "470000000003", title: "ドローン" }],
      },
    });
    expect(parseTutorialForm({ ...base, products, collections })).toMatchObject(
      {
        ok: true,
        value: {
          products: [{ id: "101" }, { id: "102" }],
          collections: [{ id: "470000000003" }],
        },
      },
    );
    expect(
      parseTutorialForm({ ...base, products: "[]", collections: "[]" }),
    ).toEqual({ ok: false, errors: { products: "required" } });
    expect(
      parseTutorialForm({
        ...base,
        products,
        collections: JSON.stringify([
          { id: "gid://shopify/Collection/1", title: "x" },
        ]),
      }),
    ).toEqual({ ok: false, errors: { collections: "invalid" } });
    expect(
      parseTutorialForm({
        ...base,
        collections: JSON.stringify(
          Array.from({ length: 26 }, (_, i) => ({
            id: String(i + 1),
            title: "c",
          })),
        ),
      }),
    ).toEqual({ ok: false, errors: { collections: "invalid" } });
  });

  it("refuses a link longer than the form allows", () => {
    const url = `https://example.com/${"a".repeat(URL_MAX_LENGTH)}`;
    expect(
      parseTutorialForm({
        kind: "video",
        "ja.title": "使い方",
        "ja.url": url,
        products,
      }),
    ).toEqual({ ok: false, errors: { "ja.url": "urlTooLong" } });
  });

  it("reports each bad field by name and accepts nothing", () => {
    const r = parseTutorialForm({
      kind: "podcast",
      "ja.title": "説明",
      "ja.url": "javascript:alert(1)",
      "en.title": "",
      "en.url": "https://example.com",
      products: "[]",
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        kind: "invalid",
        "ja.url": "url",
        "en.title": "required",
        products: "required",
      },
    });
    expect(parseTutorialForm({ kind: "article", products })).toEqual({
      ok: false,
      errors: { "ja.title": "oneLanguage" },
    });
    expect(
      parseTutorialForm({
        kind: "article",
        "en.title": "x",
        "en.url": "https://e.x",
        products: "{bad",
      }),
    ).toEqual({ ok: false, errors: { products: "invalid" } });
    expect(
      parseTutorialForm({
        kind: "article",
        "en.title": "x".repeat(121),
        "en.url": "https://e.x",
        products: JSON.stringify([
          { id: "gid://shopify/Product/1", title: "x" },
        ]),
      }),
    ).toEqual({
      ok: false,
      errors: { "en.title": "tooLong", products: "invalid" },
    });
  });

  it("picks the shopper's language, else the first one present", () => {
    const locales = {
      ja: { title: "使い方", url: "https://e.x/ja" },
      en: { title: "How to", url: "https://e.x/en" },
    };
    expect(pickLocale(locales, "en-US")?.title).toBe("How to");
    expect(pickLocale(locales, "ja")?.title).toBe("使い方");
    expect(pickLocale({ en: locales.en }, "ja")?.title).toBe("How to");
    expect(pickLocale({}, "ja")).toBeNull();
  });
});
