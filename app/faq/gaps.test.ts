import { describe, expect, it } from "vitest";
import { gapKey, groupGaps, isShareableWording } from "./gaps";

describe("gapKey", () => {
  it("treats width, kana script, punctuation and polite endings as the same question", () => {
    const key = gapKey("送料はいくら?");
    expect(gapKey("送料はいくらですか")).toBe(key);
    expect(gapKey(" 送料は いくら ? ")).toBe(key);
    expect(gapKey("ソウリョウ")).toBe(gapKey("そうりょう"));
    expect(gapKey("Gift Wrapping!")).toBe(gapKey("gift  wrapping"));
  });

  it("keeps different questions apart", () => {
    expect(gapKey("送料はいくら")).not.toBe(gapKey("送料は無料"));
    // A katakana word's last sound is not a polite ending.
    expect(gapKey("アメリカ")).not.toBe(gapKey("アメリ"));
    expect(gapKey("メガネ")).toBe("めがね");
    expect(gapKey("アメリカに送れますか")).toBe(
      gapKey("あめりかに送れますか?"),
    );
  });
});

describe("groupGaps", () => {
  it("counts each group, keeps a few distinct examples and sorts by count", () => {
    const at = (d: number) => new Date(Date.UTC(2026, 10, d));
    const e = (query: string, kind: string, d: number, locale = "ja") => ({
      query,
      normalized: gapKey(query),
      kind,
      locale,
      createdAt: at(d),
    });
    const groups = groupGaps([
      e("ラッピングできる?", "empty", 1),
      e("gift wrap", "weak", 2, "en"),
      e("らっぴんぐできる", "weak", 3),
      e("ラッピングできる?", "empty", 4),
    ]);
    expect(groups).toEqual([
      {
        key: gapKey("らっぴんぐできる"),
        locale: "ja",
        count: 3,
        shoppers: 3,
        empty: 2,
        examples: ["ラッピングできる?", "らっぴんぐできる"],
        lastAt: at(4),
      },
      {
        key: "gift wrap".replace(" ", ""),
        locale: "en",
        count: 1,
        shoppers: 1,
        empty: 0,
        examples: ["gift wrap"],
        lastAt: at(2),
      },
    ]);
  });
});

describe("ranking the report by shoppers", () => {
  it("puts a question many shoppers asked above one shopper asking many times", () => {
    const e = (query: string, visitor: string) => ({
      query,
      normalized: gapKey(query),
      kind: "empty",
      locale: "ja",
      createdAt: new Date(Date.UTC(2026, 10, 1)),
      visitor,
    });
    const groups = groupGaps([
      ...Array.from({ length: 50 }, () => e("安く売って", "v-flood")),
      e("ラッピングできる?", "v-1"),
      e("ラッピングできる?", "v-2"),
      e("ラッピングできる?", "v-2"),
      e("ラッピングできる?", "v-3"),
    ]);
    expect(groups.map((g) => [g.examples[0], g.shoppers, g.count])).toEqual([
      ["ラッピングできる?", 3, 4],
      ["安く売って", 1, 50],
    ]);
  });
});

describe("isShareableWording", () => {
  it("keeps contact details and order names out, and ordinary numbers in", () => {
    for (const q of [
      "a.b@example.co.jp に連絡して",
      "#1001 届かない",
      "090-1234-5678",
      "+81 90 1234 5678 call me",
      "〒150-0001 に送れる?",
    ])
      expect(isShareableWording(q), q).toBe(false);
    for (const q of [
      "10000円以上で送料無料?",
      "2〜3日で届く?",
      "size 27.5 cm",
      "@ what time do you ship",
      "2026年12月に届く?",
    ])
      expect(isShareableWording(q), q).toBe(true);
  });
});
