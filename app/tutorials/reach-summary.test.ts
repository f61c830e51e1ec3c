import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import { reachSummary } from "./reach-summary";

describe("a tutorial's reach in the list", () => {
  const ja = translator("ja");
  const en = translator("en");

  it("tells products from collections, and says how big a collection is", () => {
    expect(
      reachSummary(ja, ["Coastline"], [{ title: "夏の新作", products: 56 }]),
    ).toBe("Coastline · 夏の新作(コレクション・56商品)");
    expect(reachSummary(en, [], [{ title: "Summer", products: 1 }])).toBe(
      "Summer (collection of 1 product)",
    );
    expect(
      reachSummary(
        en,
        ["A", "B", "C"],
        [
          { title: "Summer", products: 56 },
          { title: "Winter", products: 3 },
        ],
      ),
    ).toBe("A +2 · Summer (collection of 56 products) +1");
  });

  it("shows a dash when it reaches nothing", () => {
    expect(reachSummary(ja, [], [])).toBe("—");
  });
});
