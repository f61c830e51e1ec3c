import { describe, expect, it } from "vitest";
import { predict, train } from "./classifier";
import { englishFeatures, japaneseFeatures, type Token } from "./features";

const rule = { sentiment: "neutral", loyalty: "none", score: 0, named: false };
const tok = (
  surface: string,
  base: string,
  pos: string,
  pos1 = "*",
): Token => ({ surface, base, pos, pos1 });

describe("comment features", () => {
  it("marks a Japanese word under a following negation, and the last sentence's words again", () => {
    // 届いた。美味しくなかった
    const tokens = [
      tok("届い", "届く", "動詞", "自立"),
      tok("た", "た", "助動詞"),
      tok("。", "。", "記号", "句点"),
      tok("美味しく", "美味しい", "形容詞", "自立"),
      tok("なかっ", "ない", "助動詞"),
      tok("た", "た", "助動詞"),
    ];
    const f = japaneseFeatures(tokens, "届いた。美味しくなかった", rule);
    expect(f).toContain("n:美味しい");
    expect(f).toContain("ln:美味しい");
    expect(f).not.toContain("w:美味しい");
    expect(f).toContain("w:届く");
    expect(f).not.toContain("lw:届く");
    expect(f).toContain("g:ない");
    expect(f).toContain("rs:neutral");
  });

  it("gives English words a three-word negation scope and stems them", () => {
    const f = englishFeatures(
      "Not really worth the price. Arrived quickly!",
      rule,
    );
    expect(f).toEqual(
      expect.arrayContaining([
        "neg",
        "n:real",
        "n:worth",
        "n:the",
        "w:price",
        "lw:arriv",
        "lw:quick",
        "excl",
      ]),
    );
    expect(f).not.toContain("w:worth");
  });
});

describe("the classifier", () => {
  it("learns which features point to which label and says how sure it is", () => {
    const examples = [
      ...Array.from({ length: 6 }, () => ({
        features: ["w:good", "lang:en"],
        label: "positive",
      })),
      ...Array.from({ length: 6 }, () => ({
        features: ["n:good", "neg", "lang:en"],
        label: "negative",
      })),
      ...Array.from({ length: 6 }, () => ({
        features: ["w:arrive", "lang:en"],
        label: "neutral",
      })),
    ];
    const model = train(examples, ["positive", "neutral", "negative"], {
      l2: 0.01,
      epochs: 30,
      minCount: 2,
    });
    expect(predict(model, ["w:good"]).label).toBe("positive");
    expect(predict(model, ["n:good", "neg"]).label).toBe("negative");
    expect(predict(model, ["w:arrive"]).probability).toBeGreaterThan(0.6);
    // A feature seen once is noise and is left out of the model.
    const rare = train(
      [...examples, { features: ["w:once"], label: "negative" }],
      ["positive", "neutral", "negative"],
      { l2: 0.01, epochs: 30, minCount: 2 },
    );
    expect(rare.weights["w:once"]).toBeUndefined();
  });

  it("adds the rules' score by the model's score weights, so a strong verdict of the rules can turn it", () => {
    const model = {
      labels: ["positive", "neutral", "negative"],
      bias: [0.5, 0, 0],
      weights: { "w:gift": [0.3, 0, 0] },
    };
    expect(predict(model, ["w:gift"], -4).label).toBe("positive");
    const blended = { ...model, scoreWeight: [0.25, 0, -0.25] };
    expect(predict(blended, ["w:gift"], 0).label).toBe("positive");
    expect(predict(blended, ["w:gift"], -4).label).toBe("negative");
    expect(predict(blended, ["w:gift"], 4).probability).toBeGreaterThan(
      predict(blended, ["w:gift"], 0).probability,
    );
  });
});
