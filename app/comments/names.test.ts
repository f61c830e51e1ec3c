import { describe, expect, it } from "vitest";
import { analyzeComment } from "./analysis";
import { catalogNames } from "./catalog";
import { kanaSkeleton, latinSkeleton, romajiToKana, soundsAlike } from "./kana";
import { releaseTokenizer } from "../faq/engine/kuromoji.server";
import { nameLexicon } from "./lexicon.server";

describe("kana spellings of Latin names", () => {
  it("reads romaji and compares English spellings with katakana by their consonants", () => {
    expect(romajiToKana("logos")).toBe("ろごす");
    expect(romajiToKana("kyoto")).toBe("きょと");
    expect(romajiToKana("staub")).toBeNull();
    expect(latinSkeleton("Coleman")).toBe(kanaSkeleton("コールマン"));
    expect(latinSkeleton("Captain Stag")).toBe(
      kanaSkeleton("キャプテンスタッグ"),
    );
    expect(latinSkeleton("Staub")).toBe(kanaSkeleton("ストウブ"));
    expect(
      soundsAlike(latinSkeleton("mont-bell"), kanaSkeleton("モンベル")),
    ).toBe(true);
    expect(soundsAlike("krmn", "krm")).toBe(false);
    expect(latinSkeleton("Giant", true)).toBe(kanaSkeleton("ジャイアント"));
    expect(latinSkeleton("Gibson")).toBe(kanaSkeleton("ギブソン"));
    expect(latinSkeleton("Thermos")).toBe(kanaSkeleton("サーモス"));
    expect(latinSkeleton("Herman Miller")).toBe(kanaSkeleton("ハーマンミラー"));
  });
});

describe("catalog names with the dictionaries", async () => {
  const lexicon = await nameLexicon();
  const catalog = catalogNames(
    [
      {
        title: "三徳包丁 170mm",
        vendor: "藤次郎",
        productType: "包丁",
        tags: [],
      },
      {
        title: "SOTO Regulator Stove ST-310",
        vendor: "SOTO",
        productType: "Stove",
        tags: ["burner"],
      },
      {
        title: "Daily Canvas Tote L",
        vendor: "TOTEBASE",
        productType: "Bag",
        tags: [],
      },
      {
        title: "ホイールクーラー 60QT",
        vendor: "Coleman",
        productType: "クーラーボックス",
        tags: [],
      },
      {
        title: "氷点下パック",
        vendor: "LOGOS",
        productType: "保冷剤",
        tags: ["ロゴス"],
      },
      {
        title: "クラシック 10698",
        vendor: "SOTO",
        productType: "ブロック",
        tags: ["ソト"],
      },
    ],
    lexicon,
  );
  const loyalty = (text: string) => analyzeComment(text, catalog).loyalty;

  it("finds a kanji maker written in kana, and Latin makers in kana by romaji or by sound", () => {
    expect(loyalty("とうじろうの包丁、切れ味がいい")).toBe("psychological");
    expect(loyalty("ろごすの保冷剤は一日もつ")).toBe("psychological");
    expect(loyalty("コールマンのクーラー、よく冷える")).toBe("psychological");
    // A two-kana spelling counts in katakana only: in hiragana it is a word (そと, outside).
    expect(loyalty("ソトのバーナー、よく燃える")).toBe("psychological");
    expect(loyalty("そとで使うと寒い")).toBe("behavioral");
  });

  it("does not take common words or fragments of model codes for names", () => {
    expect(
      loyalty("Needed a lightweight stove for backpacking, perfect size"),
    ).toBe("behavioral");
    expect(loyalty("Shipping was super fast, arrived in 2 days")).toBe("none");
    expect(loyalty("My ST-310 still lights first time")).toBe("psychological");
    expect(loyalty("The Daily Canvas Tote holds my laptop")).toBe(
      "psychological",
    );
  });
});

describe("the name lexicon and the FAQ builder's tokenizer", () => {
  // A process that classifies comments and builds FAQ indexes shares one tokenizer: when the
  // FAQ builder lets it go (dictionaries.server.ts), the lexicon must not keep the old one.
  it("is made again after the tokenizer is let go, with the tokenizer loaded then", async () => {
    const before = await nameLexicon();
    expect((await nameLexicon()) === before).toBe(true);
    releaseTokenizer();
    const after = await nameLexicon();
    expect(after === before).toBe(false);
    expect(after.reading("藤次郎")).toBe(before.reading("藤次郎"));
  });
});
