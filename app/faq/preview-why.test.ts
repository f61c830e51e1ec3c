import { describe, expect, it } from "vitest";
import { togetherText, whyText } from "./preview-why";

describe("whyText", () => {
  it("names each query word, and the entry words it found when they are other words", () => {
    expect(
      whyText(
        [
          { word: "送料", matched: ["送料", "配送料"] },
          { word: "いくら", matched: ["いくら"] },
        ],
        "、",
      ),
    ).toBe("送料 → 配送料 / いくら");
  });

  it("leaves out the word's own stem and shows four words at most", () => {
    expect(
      whyText(
        [
          { word: "returns", matched: ["return"] },
          {
            word: "delivry",
            matched: ["delivery", "shipping", "ship", "dispatch", "post"],
          },
        ],
        ", ",
      ),
    ).toBe("returns / delivry → delivery, shipping, ship, dispatch…");
  });
});

describe("togetherText", () => {
  it("lists the pairs an entry met, character pairs without their mark", () => {
    expect(togetherText(["いくら+送料", "~送料"], "、")).toBe(
      "いくら+送料、送料",
    );
    expect(togetherText([], ", ")).toBe("");
  });
});
