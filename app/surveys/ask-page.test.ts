import { describe, expect, it } from "vitest";
import { askPage } from "./ask-page";

describe("a follow-up's survey page", () => {
  it("offers one link per score to a customer", async () => {
    const html = await askPage({
      lang: "ja",
      kind: "csat",
      question: "満足度は?",
      links: [1, 2, 3, 4, 5].map((score) => ({
        score,
        url: `https://app.example/survey/t${score}`,
      })),
    }).text();
    expect(html.match(/<a href=/g)).toHaveLength(5);
    expect(html).toContain("満足度は?");
    expect(html).not.toContain("プレビュー");
  });

  it("shows a preview the same question and scale, with nothing to answer and saying so", async () => {
    const html = await askPage({
      lang: "en",
      kind: "nps",
      question: "Would you recommend us?",
      links: null,
    }).text();
    expect(html).not.toContain("<a ");
    expect(html.match(/<div class="scores">(.*?)<\/div>/)?.[1]).toBe(
      Array.from({ length: 11 }, (_, i) => `<span>${i}</span>`).join(""),
    );
    expect(html).toContain(
      "Preview: your customers see this page and answer by choosing a number. Nothing is recorded here.",
    );
    expect(html).toContain("Not likely");
  });
});
