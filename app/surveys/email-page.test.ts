import { describe, expect, it } from "vitest";
import { emailPage, surveyTitle } from "./email-page";

describe("the email score link's page", () => {
  it("is headed by the shop's name in the reader's language", async () => {
    const answered = {
      kind: "answered" as const,
      fresh: true,
      score: 9,
      question: "友人にすすめたいですか?",
      canComment: true,
      commented: false,
    };
    expect(await emailPage("ja", answered, 200, "つなぐ茶房").text()).toContain(
      '<h1><span class="name">つなぐ茶房</span>からのアンケート</h1>',
    );
    expect(
      await emailPage("en", answered, 200, "Tsunagu Tea").text(),
    ).toContain("<title>A survey from Tsunagu Tea</title>");
  });

  it("says plain 'Survey' where no shop is known, in both languages when the language is not either", async () => {
    expect(surveyTitle("ja")).toBe("アンケート");
    expect(surveyTitle("en", "")).toBe("Survey");
    expect(
      await emailPage(null, { kind: "error", error: "invalid" }, 400).text(),
    ).toContain("<h1>アンケート / Survey</h1>");
  });
});
