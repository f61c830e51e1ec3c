import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import { describeFlowError } from "./flow-errors";
import { validateFlow } from "./flows.server";

describe("flow editor errors shown in the admin", () => {
  const ja = translator("ja");
  const en = translator("en");
  const flow = (body: string) => ({
    name: "フォロー",
    trigger: "delivered",
    conditions: {},
    marketing: false,
    channels: ["line"],
    enabled: true,
    steps: [
      { id: "main", delayDays: "1", templates: { line: { ja: { body } } } },
    ],
  });
  const errorFor = (body: string) => {
    const r = validateFlow(flow(body));
    if (r.ok) throw new Error("expected an error");
    return r.errors.find((e) => e.field === "steps.0.line.ja.body")!;
  };

  it("translates a template that is too long instead of showing the engine's English", () => {
    const e = errorFor("あ".repeat(10_001));
    expect(describeFlowError(ja, e)).toBe(
      "テンプレートは10,000文字以内にしてください。",
    );
    expect(describeFlowError(en, e)).toBe(
      "Keep a template under 10,000 characters.",
    );
  });

  it("translates liquidjs's limit errors, keeping its words as detail", () => {
    const e = errorFor(
      "{% for i in (1..3000000) %}{% for j in (1..10) %}x{% endfor %}{% endfor %}",
    );
    expect(describeFlowError(ja, e)).toBe(
      "このテンプレートは表示に時間かメモリがかかりすぎます(繰り返しが大きすぎませんか?)。簡単にしてください。(memory alloc limit exceeded, line:1, col:1)",
    );
  });

  it("translates syntax and variable errors, with where they are", () => {
    expect(describeFlowError(ja, errorFor("{{ password }}"))).toBe(
      "テンプレートに使えない変数があります。メッセージの下に挙げた変数を使ってください。(undefined variable: password, line:1, col:4)",
    );
    expect(describeFlowError(en, errorFor("{% if x %}"))).toMatch(
      /^The template has a Liquid syntax error\. \(tag .* not closed/,
    );
  });

  it("translates a failed test email and keeps the mail server's answer", () => {
    expect(
      describeFlowError(ja, {
        field: "to",
        message: "send-failed",
        detail: "Invalid login: 535 5.7.8 Error: authentication failed",
      }),
    ).toBe(
      "テストメールを送信できませんでした。チャネル設定でメールの設定を確認してください。(Invalid login: 535 5.7.8 Error: authentication failed)",
    );
    expect(describeFlowError(en, { field: "to", message: "no-smtp" })).toBe(
      "Set up email in Channel settings first.",
    );
  });

  it("never shows a bare code or an untranslated sentence on its own", () => {
    expect(
      describeFlowError(ja, { field: "to", message: "SMTP: Timeout" }),
    ).toBe("問題が発生しました。もう一度お試しください。(SMTP: Timeout)");
  });
});
