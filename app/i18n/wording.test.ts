import { describe, expect, it } from "vitest";
import ja from "./ja.json";
import themeJa from "../../extensions/tsunagu-theme/locales/ja.json";
import thankYouJa from "../../extensions/tsunagu-thank-you/locales/ja.json";
import orderStatusJa from "../../extensions/tsunagu-order-status/locales/ja.json";
import { emailPage } from "../surveys/email-page";

/** One way of saying each thing across the admin, the storefront block and the extensions. */
type Strings = { [key: string]: string | Strings };
const values = (o: Strings, path = ""): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === "string" ? [[path + k, v]] : values(v, `${path}${k}.`),
  );

describe("Japanese wording", () => {
  it("asks for a survey comment with the same words everywhere a shopper answers", async () => {
    const label = "よろしければ理由をお聞かせください(任意)";
    expect(themeJa.survey.comment).toBe(label);
    expect(thankYouJa.survey.comment).toBe(label);
    const page = await emailPage(
      "ja",
      {
        kind: "answered",
        fresh: true,
        score: 9,
        question: "友人にすすめたいですか?",
        canComment: true,
        commented: false,
      },
      200,
    ).text();
    expect(page).toContain(label);
  });

  it("names every create button and form 〜を追加", () => {
    for (const key of [
      "faq.new",
      "faq.formNew",
      "surveys.new",
      "surveys.formNew",
      "tutorials.add",
      "tutorials.new",
    ] as const)
      expect(ja[key], key).toMatch(/を追加$/);
  });

  it("puts no space between a number and its counter (120日間, 3件, 100文字)", () => {
    const counter =
      /(\d|\})[ \u3000](件|人|行|日|か月|ヶ月|文字|時間|分|秒|回|点|個|商品|通|名|年|週|発送|の整数)/;
    const all = [
      ...values(ja as Strings, "app:"),
      ...values(themeJa as Strings, "theme:"),
      ...values(thankYouJa as Strings, "thank-you:"),
      ...values(orderStatusJa as Strings, "order-status:"),
    ];
    expect(all.filter(([, v]) => counter.test(v))).toEqual([]);
  });
});
