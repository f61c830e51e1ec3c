import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import { describeFlowError } from "./flow-errors";
import { validateFlow } from "./flows.server";
import { conditionsFrom } from "./flow-form";

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

  it("translates syntax and variable errors, with where they are and no engine English", () => {
    expect(describeFlowError(ja, errorFor("{{ password }}"))).toBe(
      "1行目4文字目の「password」は使えない変数です。メッセージの下に挙げた変数を使ってください。",
    );
    expect(describeFlowError(en, errorFor("{{ password }}"))).toBe(
      'Line 1, column 4: "password" is not a variable Tsunagu provides. Use the variables listed below the messages.',
    );
    // The QA case: an unclosed {{ showed liquidjs's `output "{{ order_name …" not closed, line:1, col:15`.
    const unclosed = errorFor(
      "ご注文いただいた商品 {{ order_name を発送しました",
    );
    expect(describeFlowError(ja, unclosed)).toBe(
      "1行目12文字目の「{{」が「}}」で閉じられていません。変数は {{ order_name }} のように {{ と }} で囲んでください。",
    );
    expect(describeFlowError(en, unclosed)).toBe(
      "Line 1, column 12: this {{ is not closed with }}. Write variables like {{ order_name }}.",
    );
    expect(
      describeFlowError(
        ja,
        errorFor("ようこそ\n{% if first_name != '' %}花子様"),
      ),
    ).toBe(
      "2行目の {% if first_name != '' %} に対応する {% endif %} がありません。閉じたいところに {% endif %} を追加してください。",
    );
    expect(describeFlowError(en, errorFor("{% if x %}"))).toBe(
      "Line 1: {% if x %} has no {% endif %}. Add {% endif %} where it should end.",
    );
    expect(describeFlowError(ja, errorFor("{{ order_name | shout }}"))).toBe(
      "1行目1文字目のフィルター「shout」は使えません。",
    );
    expect(describeFlowError(ja, errorFor("{% endif %}"))).toMatch(
      /^1行目1文字目の \{% endif %\} は使えないタグです。/,
    );
    for (const body of [
      "{{ password }}",
      "{{ order_name ",
      "{% if x %}",
      "{% if x",
      "{% endif %}",
      "{{ x | shout }}",
    ])
      expect(describeFlowError(ja, errorFor(body))).not.toMatch(
        /not closed|undefined|not found|line:/,
      );
    // A mistake without words of its own keeps liquidjs's as detail, after the translation.
    expect(describeFlowError(ja, errorFor("{% if %}{% endif %}"))).toMatch(
      /^テンプレートの書き方\(Liquid\)に誤りがあります。.*\(invalid value expression/,
    );
  });

  // Each refused field says what is wrong with it and what to do, not "check the conditions".
  const errorsOf = (input: Partial<Parameters<typeof validateFlow>[0]>) => {
    const r = validateFlow({ ...flow("{{ order_name }}"), ...input });
    if (r.ok) throw new Error("expected an error");
    return Object.fromEntries(
      r.errors.map((e) => [e.field, describeFlowError(en, e)]),
    );
  };
  const form = (fields: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of fields) f.append(k, v);
    return f;
  };

  it("names the condition at fault, on its own field", () => {
    expect(
      errorsOf({
        conditions: conditionsFrom(form([["minTotal", "-500"]])),
      }),
    ).toEqual({
      minTotal:
        "Enter the minimum order total as a number from 0 to 1,000,000,000 (0 for any total).",
    });
    expect(
      errorsOf({ conditions: conditionsFrom(form([["minTotal", "abc"]])) })
        .minTotal,
    ).toMatch(/^Enter the minimum order total/);
    const many = (n: number) =>
      JSON.stringify(
        Array.from({ length: n }, (_, i) => ({
          id: String(i + 1),
          title: "x",
        })),
      );
    expect(
      errorsOf({
        conditions: conditionsFrom(
          form([
            ["products", many(201)],
            ["collections", many(26)],
          ]),
        ),
      }),
    ).toEqual({
      products: "Choose at most 200 products, or pick a collection instead.",
      collections: "Choose at most 25 collections.",
    });
    expect(
      errorsOf({
        conditions: conditionsFrom(form([["products", "[{not json"]])),
      }),
    ).toEqual({
      products: "The chosen products could not be read. Choose them again.",
    });
    expect(
      errorsOf({ conditions: conditionsFrom(form([["orders", "sometimes"]])) }),
    ).toEqual({
      orders:
        "This is not one of the choices. Reload the page and choose from the list.",
    });
  });

  it("tells a wait that is not a number from one that is too long", () => {
    const step = (delayDays: string) => [{ ...flow("x").steps[0], delayDays }];
    expect(errorsOf({ steps: step("800") })["steps.0.delayDays"]).toBe(
      "A step can wait at most 730 days (two years). Enter a shorter wait.",
    );
    expect(errorsOf({ steps: step("一週間") })["steps.0.delayDays"]).toBe(
      "Enter the wait as a number of days, such as 7 (0.5 for half a day).",
    );
  });

  it("asks for an email's subject as a subject, and for a channel's message or turning it off", () => {
    const errors = errorsOf({
      channels: ["email", "sms"],
      steps: [
        {
          id: "main",
          delayDays: "1",
          templates: { email: { ja: { subject: " ", body: "<p>x</p>" } } },
        },
      ],
    });
    expect(errors["steps.0.email.ja.subject"]).toBe(
      "An email needs a subject. Enter one, or empty the body too to leave this language out.",
    );
    expect(errors["steps.0.sms.body"]).toBe(
      "This channel is on: write its message in at least one language, or turn the channel off.",
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
