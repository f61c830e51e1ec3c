import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import { describeReason, reason, REASONS } from "./reasons";

describe("reasons shown in the admin", () => {
  const ja = translator("ja");
  const en = translator("en");

  it("are translated from their code, with the provider's words kept", () => {
    expect(describeReason(ja, reason("no_channel"))).toBe(
      "同意のある連絡手段がありません",
    );
    expect(describeReason(en, reason("no_template", "line"))).toBe(
      "No LINE template",
    );
    expect(describeReason(ja, reason("no_template", "email"))).toBe(
      "メールのテンプレートがありません",
    );
    expect(describeReason(ja, reason("no_survey"))).toBe(
      "メールで聞くアンケートが有効でないため、アンケートのリンクがありません",
    );
    expect(describeReason(en, reason("no_survey"))).toBe(
      "No active survey is asked by email, so there is no survey link",
    );
    expect(describeReason(ja, reason("send_failed", "SMTP: Timeout"))).toBe(
      "送信に失敗しました: SMTP: Timeout",
    );
    for (const code of REASONS) {
      expect(describeReason(ja, code), code).not.toContain("followups.");
      expect(describeReason(en, code), code).not.toContain("followups.");
    }
  });

  it("shows sentences stored before codes, and unknown text, as they are", () => {
    for (const old of [
      "flow switched off",
      "no channel the customer can be reached on with consent",
      "no email template",
      "SMTP: Timeout",
      "unknown_code",
    ])
      expect(describeReason(ja, old)).toBe(old);
  });
});
