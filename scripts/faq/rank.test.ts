import { describe, expect, it } from "vitest";
import { rankQueries } from "./rank";

describe("faq:eval ranking", () => {
  it("ranks among the entries of the query's language, and indexes answers as published", async () => {
    const entries = [
      {
        id: "ship",
        locale: "ja",
        question: "送料はいくらですか?",
        answer: "<p>全国一律500円です。</p>",
      },
      {
        id: "return",
        locale: "ja",
        question: "返品できますか?",
        answer: "到着後7日以内なら返品できます。",
      },
      {
        id: "care",
        locale: "en",
        question: "How do I clean the pot?",
        answer:
          '<p>Rinse with water. <a href="https://example.com/zzqx">Guide</a></p>',
      },
      {
        id: "refund",
        locale: "en",
        question: "When will I get my refund?",
        answer: "Within five days.",
      },
    ];
    const { rows, unmatched } = await rankQueries(entries, [
      { locale: "ja-JP", query: "そうりょう", relevant: ["ship"] },
      { locale: "EN", query: "money back", relevant: ["refund"] },
      // Link targets are markup, not answer text: publishing drops them and so does the eval.
      { locale: "en", query: "zzqx", relevant: ["care"] },
      { locale: "fr", query: "livraison", relevant: ["ship"] },
    ]);
    expect(rows.map((r) => r.ranked[0])).toEqual([
      "ship",
      "refund",
      undefined,
      undefined,
    ]);
    expect(rows[0].ranked).not.toContain("care");
    expect(rows[1].locale).toBe("EN");
    expect(unmatched).toEqual(["fr"]);
  }, 60_000);
});
