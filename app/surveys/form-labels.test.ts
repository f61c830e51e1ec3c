import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import { questionLabel } from "./form-labels";

describe("survey form labels", () => {
  it("name the question's language in the admin's language", () => {
    const ja = translator("ja");
    const en = translator("en");
    expect(questionLabel(en, "en", "ja")).toBe("Question (Japanese)");
    expect(questionLabel(en, "en", "en")).toBe("Question (English)");
    expect(questionLabel(ja, "ja", "ja")).toBe("質問(日本語)");
    expect(questionLabel(ja, "ja", "en")).toBe("質問(英語)");
  });
});
