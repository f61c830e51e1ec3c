import { describe, expect, it } from "vitest";
import { emailPage } from "./email-page";

const answered = {
  kind: "answered" as const,
  score: 9,
  question: "友人にすすめたいですか?",
  canComment: true,
};

describe("email score page", () => {
  it("thanks a shopper who just sent a comment instead of saying they already answered", async () => {
    const text = await emailPage("ja", {
      ...answered,
      fresh: false,
      commented: true,
    }).text();
    expect(text).toContain("ご回答ありがとうございました。");
    expect(text).toContain("コメントをお寄せいただきありがとうございました。");
    expect(text).not.toContain("すでにご回答");
  });

  it("still says so when an answered link is opened again", async () => {
    const text = await emailPage("en", {
      ...answered,
      fresh: false,
      commented: false,
    }).text();
    expect(text).toContain("You have already answered this survey.");
  });
});
