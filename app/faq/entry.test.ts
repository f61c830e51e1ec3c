import { describe, expect, it } from "vitest";
import { handleFrom, parsePhrasings, validateEntry } from "./entry";

const t = (
  locale: string,
  question: string,
  answer: string,
  field = locale,
  category = "",
) => ({ locale, question, answer, field, category });

describe("validateEntry", () => {
  it("accepts a bilingual entry, sanitising the answers and splitting tags", () => {
    const r = validateEntry(
      {
        handle: "Shipping-Days",
        position: "3",
        published: "on",
        tags: "配送, 発送、日数",
        translations: [
          t(
            "ja",
            " いつ届きますか ",
            "<p onclick=x>3日以内</p>",
            "a",
            " 配送 ",
          ),
          t("en", "When will it arrive?", "Within 3 days", "b", "Shipping"),
        ],
      },
      () => "x",
    );
    expect(r).toEqual({
      ok: true,
      value: {
        handle: "shipping-days",
        position: 3,
        published: true,
        tags: ["配送", "発送", "日数"],
        translations: [
          {
            locale: "ja",
            question: "いつ届きますか",
            answer: "<p>3日以内</p>",
            category: "配送",
            phrasings: [],
          },
          {
            locale: "en",
            question: "When will it arrive?",
            answer: "<p>Within 3 days</p>",
            category: "Shipping",
            phrasings: [],
          },
        ],
      },
    });
  });

  it("reports each bad field by name and writes nothing", () => {
    const r = validateEntry(
      {
        handle: "bad handle!",
        position: "-1",
        published: "maybe",
        tags: "x".repeat(41),
        translations: [
          t("ja", "", "答え"),
          t("en", "q".repeat(301), ""),
          t("japanese", "q", "a", "extra"),
        ],
      },
      () => "x",
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        handle: "faq.error.handle",
        position: "faq.error.position",
        published: "faq.error.published",
        tags: "faq.error.tags",
        "ja.question": "faq.error.questionRequired",
        "en.question": "faq.error.questionTooLong",
        "en.answer": "faq.error.answerRequired",
        "extra.locale": "faq.error.locale",
      },
    });
  });

  it("writes language codes as Shopify does and refuses one of no language", () => {
    const r = validateEntry(
      { translations: [t("JA", "Q", "A"), t("zh-tw", "Q", "A")] },
      () => "x",
    );
    expect(r.ok && r.value.translations.map((x) => x.locale)).toEqual([
      "ja",
      "zh-TW",
    ]);
    expect(
      validateEntry(
        { translations: [t("ja", "Q", "A"), t("JA", "Q", "A", "b")] },
        () => "x",
      ),
    ).toEqual({
      ok: false,
      errors: { "b.locale": "faq.error.duplicateLocale" },
    });
    expect(
      validateEntry({ translations: [t("xx-yy", "Q", "A")] }, () => "x"),
    ).toEqual({ ok: false, errors: { "xx-yy.locale": "faq.error.locale" } });
  });

  it("needs at least one language, and an answer that is not only a script", () => {
    expect(
      validateEntry({ translations: [t("ja", "", "")] }, () => "x"),
    ).toEqual({
      ok: false,
      // On the first language's fields, where the merchant fills it in; and for a banner.
      errors: {
        "ja.question": "faq.error.questionRequired",
        "ja.answer": "faq.error.answerRequired",
        translations: "faq.error.noTranslation",
      },
    });
    expect(
      validateEntry(
        { translations: [t("ja", "質問", "<script>alert(1)</script>")] },
        () => "x",
      ),
    ).toEqual({
      ok: false,
      errors: { "ja.answer": "faq.error.answerRequired" },
    });
  });
});

describe("other ways to ask", () => {
  it("keeps one line per way of asking, without blanks or the same question asked twice", () => {
    expect(
      parsePhrasings(
        " いつ届く？ \r\n\nいつ届く\nイツトドク?\n???\nwhen   will it  come\nWhen will it come?",
      ),
    ).toEqual(["いつ届く？", "イツトドク?", "when will it come"]);
  });

  it("reports too many or too long lines beside the section's field", () => {
    const many = Array.from({ length: 51 }, (_, i) => `質問${i}`).join("\n");
    expect(
      validateEntry(
        { translations: [{ ...t("ja", "質問", "答え"), phrasings: many }] },
        () => "x",
      ),
    ).toEqual({ ok: false, errors: { "ja.phrasings": "faq.error.phrasings" } });
    expect(
      validateEntry(
        {
          translations: [
            { ...t("en", "Q", "A"), phrasings: `ok\n${"x".repeat(201)}` },
          ],
        },
        () => "x",
      ),
    ).toEqual({ ok: false, errors: { "en.phrasings": "faq.error.phrasings" } });
  });

  it("does not drop a section that has only ways to ask: it needs its question", () => {
    expect(
      validateEntry(
        {
          translations: [
            t("ja", "質問", "答え"),
            { ...t("en", "", ""), phrasings: "when will it come" },
          ],
        },
        () => "x",
      ),
    ).toEqual({
      ok: false,
      errors: {
        "en.question": "faq.error.questionRequired",
        "en.answer": "faq.error.answerRequired",
      },
    });
  });
});

describe("handleFrom", () => {
  it("uses ASCII words or falls back to an id made from the question", () => {
    expect(handleFrom("What is your Return Policy?")).toBe(
      "what-is-your-return-policy",
    );
    expect(handleFrom("返品できますか", () => "ab12cd")).toBe("faq-ab12cd");
  });

  it("gives a Japanese question the same handle every time, and another question another", () => {
    const a = handleFrom("返品できますか?");
    expect(a).toMatch(/^faq-[0-9a-z]{7}$/);
    expect(handleFrom("返品できますか?")).toBe(a);
    expect(handleFrom(" 返品できますか？ ")).toBe(a); // NFKC and spaces folded
    expect(handleFrom("送料はいくら?")).not.toBe(a);
  });
});

describe("starter answers", () => {
  it("may be saved as drafts but not shown while their 【】 / [ ] are unfilled", async () => {
    const { STARTER_ENTRIES } = await import("./starter");
    const starter = STARTER_ENTRIES[0];
    const raw = (published: string) => ({
      handle: "",
      tags: "",
      position: "",
      published,
      translations: [
        {
          field: "t0",
          locale: "ja",
          question: starter.ja.question,
          answer: starter.ja.answer,
          category: "",
          phrasings: "",
        },
        {
          field: "t1",
          locale: "en",
          question: starter.en.question,
          answer: "<p>Shipping is ¥500.</p>",
          category: "",
          phrasings: "",
        },
      ],
    });
    expect(validateEntry(raw("false"), () => "x").ok).toBe(true);
    expect(validateEntry(raw("true"), () => "x")).toEqual({
      ok: false,
      errors: { "t0.answer": "faq.error.starterUnfilled" },
    });
  });
});
