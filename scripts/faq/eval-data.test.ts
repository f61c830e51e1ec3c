import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  detectLocale,
  EvalInputError,
  normalizeLocale,
  readFaq,
  readQueries,
} from "./eval-data";

const dir = mkdtempSync(path.join(tmpdir(), "faq-eval-"));
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe("faq.json for faq:eval", () => {
  it("reads the documented shape, and what another tool would plainly mean by it", () => {
    const faq = readFaq(
      file(
        "faq.json",
        "\uFEFF" +
          JSON.stringify([
            {
              id: "ship",
              locale: "ja-JP",
              question: "送料は?",
              answer: "全国一律です。",
            },
            {
              id: 7,
              question: "Do you ship abroad?",
              answer: "Yes, to 煎茶 lovers everywhere.",
              tags: "shipping, overseas",
            },
            {
              id: "kome",
              question: "玄米の保存",
              answer: null,
              tags: ["保存"],
              extra: 1,
            },
          ]),
      ),
    );
    expect(faq).toEqual([
      {
        id: "ship",
        locale: "ja-jp",
        question: "送料は?",
        answer: "全国一律です。",
      },
      {
        id: "7",
        locale: "en",
        question: "Do you ship abroad?",
        answer: "Yes, to 煎茶 lovers everywhere.",
        tags: ["shipping", "overseas"],
      },
      {
        id: "kome",
        locale: "ja",
        question: "玄米の保存",
        answer: "",
        tags: ["保存"],
      },
    ]);
  });

  it("names the entry at fault instead of a stack trace", () => {
    const bad = file(
      "bad.json",
      JSON.stringify([
        { id: "a", question: "Q", answer: "A" },
        { id: "b", answer: "A" },
      ]),
    );
    expect(() => readFaq(bad)).toThrow(EvalInputError);
    expect(() => readFaq(bad)).toThrow(/entry 2 \(question\)/);
    expect(() => readFaq(file("notjson.json", "{"))).toThrow(EvalInputError);
    expect(() => readFaq(file("empty.json", "[]"))).toThrow(EvalInputError);
    expect(() => readFaq(path.join(dir, "missing.json"))).toThrow(
      /missing\.json/,
    );
  });

  it("refuses an id used twice in one language (relevance would be ambiguous)", () => {
    const twice = file(
      "twice.json",
      JSON.stringify([
        { id: "a", locale: "en", question: "Q1", answer: "" },
        { id: "a", locale: "en", question: "Q2", answer: "" },
        { id: "a", locale: "ja", question: "質問", answer: "" },
      ]),
    );
    expect(() => readFaq(twice)).toThrow(/"a" is used twice in en/);
  });
});

describe("queries.tsv for faq:eval", () => {
  it("reads any column order, CRLF, a BOM and spaced ids; keeps the locale as written", () => {
    const q = readQueries(
      file(
        "q.tsv",
        "\uFEFFquery\trelevant\tlocale\r\nいつ届く?\tship, ship-days\tja-JP\r\n\r\nrefund\t7\ten\r\n",
      ),
    );
    expect(q).toEqual([
      { locale: "ja-JP", query: "いつ届く?", relevant: ["ship", "ship-days"] },
      { locale: "en", query: "refund", relevant: ["7"] },
    ]);
  });

  it("names the header or line at fault", () => {
    expect(() =>
      readQueries(file("h.tsv", "lang\tquery\trelevant\nja\tq\ta\n")),
    ).toThrow(/no "locale" column/);
    expect(() =>
      readQueries(file("l.tsv", "locale\tquery\trelevant\nja\tq\ta\nen\n")),
    ).toThrow(/line 3 has no query/);
    expect(() => readQueries(file("e.tsv", ""))).toThrow(EvalInputError);
  });
});

describe("locales", () => {
  it("folds how locales are written", () => {
    expect(normalizeLocale(" JA_jp ")).toBe("ja-jp");
  });
  it("tells Japanese from English without a locale", () => {
    expect(detectLocale("送料無料の条件")).toBe("ja");
    expect(detectLocale("ｶｰﾄﾞ")).toBe("ja");
    expect(detectLocale("Which 抹茶 is best for lattes?")).toBe("en");
    expect(detectLocale("Shipping")).toBe("en");
  });
});
