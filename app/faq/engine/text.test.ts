import { describe, expect, it } from "vitest";
import { fold, runs, stem } from "./text";

describe("fold", () => {
  it("unifies width, case, kana script and trailing long vowels", () => {
    expect(fold("ＳＨＩＰＰＩＮＧ ｿｳﾘｮｳ")).toBe("shipping そうりょう");
    expect(fold("ラッピング")).toBe(fold("らっぴんぐ"));
    expect(fold("サーバー")).toBe(fold("サーバ"));
    expect(fold("コーヒー豆")).toBe("こーひ豆");
  });

  it("keeps the long vowel of a katakana word of two kana or fewer, which grammar could be", () => {
    expect(fold("カラー")).not.toBe(fold("から"));
    expect(fold("キー")).not.toBe(fold("き"));
    expect(fold("レバーを")).toBe("ればーを");
  });

  it("reads the small ヶ and ヵ of a counter as か, however a FAQ or a shopper writes it", () => {
    expect(fold("3ヶ月")).toBe("3か月");
    expect(fold("3ヵ月")).toBe(fold("3カ月"));
    expect(fold("何ヶ所")).toBe(fold("何か所"));
  });
});

describe("runs", () => {
  it("splits Latin words from Japanese text and drops punctuation", () => {
    expect(runs(fold("送料はいくら? iPhone 15、OK"))).toEqual([
      { latin: false, text: "送料はいくら" },
      { latin: true, text: "iphone" },
      { latin: true, text: "15" },
      { latin: true, text: "ok" },
    ]);
  });
});

describe("stem", () => {
  it("brings inflected English words together", () => {
    expect(
      new Set(["returns", "returned", "returning", "return"].map(stem)).size,
    ).toBe(1);
    expect(stem("deliveries")).toBe(stem("delivery"));
    expect(stem("shipping")).toBe(stem("shipped"));
    expect(stem("shipping")).toBe(stem("ship"));
    expect(stem("policies")).toBe(stem("policy"));
    expect(stem("is")).toBe("is");
    // A short word's final e, taken off and given back.
    for (const [a, b] of [
      ["caring", "care"],
      ["coding", "codes"],
      ["sizing", "sizes"],
      ["used", "use"],
      ["hoping", "hope"],
      ["weekly", "week"],
    ])
      expect(stem(a)).toBe(stem(b));
  });

  it("keeps apart words that are not one", () => {
    // Each pair met at one stem: car care, cash on delivery (COD) and a promo code, a kit and a
    // kite, a rat and a rate.
    for (const [a, b] of [
      ["care", "car"],
      ["code", "cod"],
      ["kite", "kit"],
      ["rate", "rat"],
      ["plane", "plan"],
      ["hope", "hopping"],
      ["cute", "cutting"],
      // "-less" says the opposite of its word.
      ["wireless", "wire"],
      ["stainless", "stain"],
      ["cordless", "cord"],
    ])
      expect(stem(a)).not.toBe(stem(b));
    // Not verbs in -ed, nor adverbs in -ly: "need" was "n" and "speed" "sp", "apply" was "app".
    for (const word of ["need", "speed", "feed", "apply", "supply", "early"])
      expect(stem(word)).toBe(word);
    expect(stem("needs")).toBe("need");
    expect(stem("needed")).toBe("need");
  });

  it("takes a suffix off only where three letters are left before it", () => {
    // "cable" was "c" (the c of USB-C), "table" "t", "stable" "st" and "station" "state".
    for (const [a, b] of [
      ["cable", "c"],
      ["table", "t"],
      ["stable", "st"],
      ["moment", "mo"],
      ["station", "state"],
    ])
      expect(stem(a)).not.toBe(stem(b));
    expect(stem("cables")).toBe(stem("cable"));
    expect(stem("payment")).toBe(stem("pay"));
    expect(stem("comfortable")).toBe(stem("comfort"));
    expect(stem("location")).toBe(stem("locate"));
  });
});
