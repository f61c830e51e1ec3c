import { describe, expect, it } from "vitest";
import { faqCsv, parseFaqCsv } from "./csv-import";

const header =
  "handle,locale,question,answer,category,tags,position,published\n";

describe("parseFaqCsv", () => {
  it("joins a handle's rows into one bilingual entry", () => {
    const r = parseFaqCsv(
      header +
        'returns,ja,返品できますか,"<p>7日以内なら<b>可能</b>です</p>",返品,"返品,交換",2,true\nreturns,en,Can I return it?,Within 7 days,Returns,,,\n',
    );
    expect(r.bad).toEqual([]);
    expect(r.entries).toEqual([
      {
        handle: "returns",
        tags: ["返品", "交換"],
        position: 2,
        published: true,
        translations: [
          {
            locale: "ja",
            question: "返品できますか",
            answer: "<p>7日以内なら<b>可能</b>です</p>",
            category: "返品",
            phrasings: [],
          },
          {
            locale: "en",
            question: "Can I return it?",
            answer: "<p>Within 7 days</p>",
            category: "Returns",
            phrasings: [],
          },
        ],
      },
    ]);
  });

  it("skips the empty rows Excel leaves behind, and says which columns the file has", () => {
    const r = parseFaqCsv(
      "handle,locale,question,answer\r\nreturns,en,Can I return it?,Yes\r\n,,,\r\n , ,,\r\n",
    );
    expect(r.bad).toEqual([]);
    expect(r).toMatchObject({ rows: 1, goodRows: 1 });
    expect(r.columns).toEqual(["handle", "locale", "question", "answer"]);
  });

  it("reports each bad row by its row as a spreadsheet numbers it, and keeps the good ones", () => {
    const text =
      header +
      [
        "ok,ja,送料はいくら,全国一律500円,,,,",
        ",ja,,答えだけ,,,,",
        "two,xx_YY,Q,A,,,,",
        "ok,ja,重複,重複,,,,",
        "short,ja,Q",
        'multi,ja,"改行を\n含む質問",答え,,,,',
        "late,ja,Q,A,,,abc,",
      ].join("\n");
    const r = parseFaqCsv(text, () => "r");
    expect(r.bad).toEqual([
      { row: 3, reason: "faq.error.questionRequired", field: "question" },
      { row: 4, reason: "faq.error.locale", field: "locale", value: "xx_YY" },
      { row: 5, reason: "faq.import.duplicate", field: "locale" },
      { row: 6, reason: "faq.import.columns" },
      // Row 8 in Excel, though it starts on line 9: the question above holds a line break.
      { row: 8, reason: "faq.error.position", field: "position" },
    ]);
    expect(r.entries.map((e) => e.handle)).toEqual(["ok", "multi"]);
    expect(r).toMatchObject({ rows: 7, goodRows: 2 });
  });

  it("takes language codes in any case, as Shopify writes them, and refuses codes of no language", () => {
    const r = parseFaqCsv(
      header +
        [
          "a,JA,質問,答え,,,,",
          "a,EN,Question,Answer,,,,",
          "a,zh-tw,問題,答案,,,,",
          "a,ja,重複,重複,,,,",
          "b,xx-yy,Q,A,,,,",
          "b,ja_JP,Q,A,,,,",
        ].join("\n"),
    );
    expect(r.entries[0].translations.map((t) => t.locale)).toEqual([
      "ja",
      "en",
      "zh-TW",
    ]);
    expect(r.bad).toEqual([
      { row: 5, reason: "faq.import.duplicate", field: "locale" },
      { row: 6, reason: "faq.error.locale", field: "locale", value: "xx-yy" },
      { row: 7, reason: "faq.error.locale", field: "locale", value: "ja_JP" },
    ]);
  });

  it("reads a Japanese spreadsheet's headers and language names", () => {
    const r = parseFaqCsv(
      "ハンドル,言語,質問,回答,カテゴリー,タグ,表示順,公開\n" +
        "returns,日本語,返品できますか,7日以内なら可能です,返品,交換,2,公開\n" +
        "returns,英語,Can I return it?,Within 7 days,Returns,,,\n",
    );
    expect(r.bad).toEqual([]);
    expect(r.columns).toEqual([
      "handle",
      "locale",
      "question",
      "answer",
      "category",
      "tags",
      "position",
      "published",
    ]);
    expect(r.entries).toMatchObject([
      {
        handle: "returns",
        tags: ["交換"],
        position: 2,
        published: true,
        translations: [
          { locale: "ja", question: "返品できますか", category: "返品" },
          { locale: "en", question: "Can I return it?", category: "Returns" },
        ],
      },
    ]);
    // Full-width letters and spaces around a header are what a spreadsheet may keep.
    expect(parseFaqCsv("　質問　,回答,ＬＯＣＡＬＥ\nQ,A,ja\n").bad).toEqual([]);
    // A required column still missing is named by its English name, as the help lists it.
    expect(parseFaqCsv("言語,質問\nja,Q\n").bad).toEqual([
      { row: 1, reason: "faq.import.header", field: "answer" },
    ]);
  });

  it("holds rows to the form's limits, so an import cannot publish a wall of text", () => {
    const r = parseFaqCsv(
      header +
        [
          `long,ja,${"あ".repeat(301)},答え,,,,`,
          `ok,ja,${"あ".repeat(300)},答え,${"カ".repeat(80)},,,`,
          `cat,ja,質問,答え,${"カ".repeat(81)},,,`,
          `ans,ja,質問,${"x".repeat(20_001)},,,,`,
        ].join("\n"),
    );
    expect(r.bad.map((b) => b.reason)).toEqual([
      "faq.error.questionTooLong",
      "faq.error.category",
      "faq.error.answerTooLong",
    ]);
    expect(r.entries.map((e) => e.handle)).toEqual(["ok"]);
  });

  it("refuses a file without the required columns or with a broken quote", () => {
    expect(parseFaqCsv("question,answer\nQ,A\n").bad).toEqual([
      { row: 1, reason: "faq.import.header", field: "locale" },
    ]);
    expect(parseFaqCsv(header + 'a,ja,"Q,A,,,,\n').bad).toEqual([
      { row: 2, reason: "faq.import.unterminatedQuote" },
    ]);
  });

  it("round-trips its own export, formulas included", () => {
    const entries = [
      {
        handle: "calc",
        tags: "a,b",
        position: 1,
        published: false,
        translations: [
          {
            locale: "ja",
            question: "+1は?",
            answer: "<p>-1です</p>",
            category: "=cmd",
            phrasings: "いちたすいちは?\n=1+1",
          },
          {
            locale: "en",
            question: "What is +1?",
            answer: "<p>-1</p>",
            category: "Maths",
            phrasings: "",
          },
        ],
      },
    ];
    const csv = faqCsv(entries);
    expect(csv).toContain(",'+1は?,");
    const back = parseFaqCsv(csv);
    expect(back.bad).toEqual([]);
    expect(back.entries[0]).toMatchObject({
      handle: "calc",
      // Each language keeps its own category.
      translations: [
        {
          question: "+1は?",
          answer: "<p>-1です</p>",
          category: "=cmd",
          // Other ways to ask travel in one cell, a line each.
          phrasings: ["いちたすいちは?", "=1+1"],
        },
        { question: "What is +1?", category: "Maths", phrasings: [] },
      ],
    });
  });
});
