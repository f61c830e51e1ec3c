import { describe, expect, it } from "vitest";
import { onyomiReadings } from "./onyomi.server";

describe("onyomiReadings", () => {
  it("joins each kanji's on'yomi, with the geminate and half-voiced sounds a seam takes", () => {
    expect(onyomiReadings("混泳")).toEqual(["こんえい"]);
    expect(onyomiReadings("撥水")).toContain("はっすい");
    expect(onyomiReadings("発表")).toContain("はっぴょう");
    expect(onyomiReadings("新品")).toContain("しんぴん");
    expect(onyomiReadings("学校")).toContain("がっこう");
    // The plain join stays beside the changed one: 一 + 括 = "いちかつ" and "いっかつ".
    expect(onyomiReadings("一括")).toEqual(
      expect.arrayContaining(["いちかつ", "いっかつ"]),
    );
  });

  it("reads only compounds of two to four kanji, and no reading shorter than three kana", () => {
    expect(onyomiReadings("水")).toEqual([]);
    expect(onyomiReadings("撥水加工剤")).toEqual([]);
    expect(onyomiReadings("水やり")).toEqual([]);
    expect(onyomiReadings("ABC")).toEqual([]);
    for (const r of onyomiReadings("個体差"))
      expect(r.length).toBeGreaterThanOrEqual(3);
  });

  it("keeps at most eight readings per compound", () => {
    expect(onyomiReadings("発着発着").length).toBeLessThanOrEqual(8);
  });
});
