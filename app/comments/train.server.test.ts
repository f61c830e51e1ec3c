import { describe, expect, it } from "vitest";
import { predict } from "./classifier";
import { fit, type Example } from "./train.server";

const example = (
  features: string[],
  sentiment: string,
  loyalty: string,
  score = 0,
): Example => ({
  shop: "s",
  locale: "ja",
  features,
  sentiment,
  loyalty,
  rule: { sentiment, loyalty, score },
});

describe("fit", () => {
  // In training, words explain every comment, so the rules' features learn little weight.
  const examples = [
    ...Array.from({ length: 8 }, () =>
      example(
        ["w:夏", "w:欲しい", "w:海", "w:使う", "rl:behavioral"],
        "positive",
        "behavioral",
        1,
      ),
    ),
    ...Array.from({ length: 8 }, () =>
      example(
        ["w:ブランド", "rl:psychological", "named"],
        "positive",
        "psychological",
        1,
      ),
    ),
    ...Array.from({ length: 8 }, () =>
      example(["w:届く", "rl:none"], "neutral", "none"),
    ),
    ...Array.from({ length: 4 }, () =>
      example(["w:壊れる", "rl:none"], "negative", "none", -2),
    ),
  ];
  const base = { l2: 0.03, epochs: 20, minCount: 2 };

  it("trusts a catalog name the rules found, and their loyalty, by the options' amounts on top of the trained weights", () => {
    // A comment from a shop never seen: its purpose words lean behavioral, but it names the shop's product.
    const unseen = [
      "w:夏",
      "w:欲しい",
      "w:海",
      "w:使う",
      "named",
      "rl:psychological",
    ];
    const plain = fit(examples, {
      ...base,
      ruleBlend: 0,
      ruleLoyalty: 0,
      named: 0,
    });
    const trusting = fit(examples, {
      ...base,
      ruleBlend: 0,
      ruleLoyalty: 0.3,
      named: 2,
    });
    expect(predict(plain.loyalty, unseen).label).toBe("behavioral");
    expect(predict(trusting.loyalty, unseen).label).toBe("psychological");
    expect(
      trusting.loyalty.weights.named[0] - plain.loyalty.weights.named[0],
    ).toBeCloseTo(2, 2);
    expect(
      trusting.loyalty.weights["rl:none"][2] -
        plain.loyalty.weights["rl:none"][2],
    ).toBeCloseTo(0.3, 2);
  });

  it("gives the sentiment model the rules' score by ruleBlend, positive for praise and negative for faults", () => {
    const model = fit(examples, {
      ...base,
      ruleBlend: 0.25,
      ruleLoyalty: 0,
      named: 0,
    }).sentiment;
    expect(model.scoreWeight).toEqual([0.25, 0, -0.25]);
    expect(predict(model, [], 0).label).not.toBe("negative");
    expect(predict(model, [], -8).label).toBe("negative");
  });
});
