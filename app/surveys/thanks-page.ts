import { escapeHtml as esc, inertLiquid } from "../html/escape";
/**
 * What a shopper without JavaScript sees after answering the survey block (Liquid through the app
 * proxy, framed by the shop's theme). Text only; every value escaped, and no brace left for
 * Liquid to run (inertLiquid).
 */

const copy = {
  ja: {
    recorded: "ご回答ありがとうございました。",
    cooldown:
      "このアンケートにはすでにご回答いただいています。ありがとうございました。",
    invalid:
      "回答を受け付けられませんでした。選択肢を選んでもう一度お試しください。",
    back: "ストアに戻る",
  },
  en: {
    recorded: "Thank you for your answer.",
    cooldown: "You have already answered this survey. Thank you.",
    invalid:
      "We could not accept that answer. Please choose an option and try again.",
    back: "Back to the store",
  },
};

export function thanksPage(o: {
  locale: string;
  outcome: "recorded" | "cooldown" | "invalid";
  back: string;
}): string {
  const c = o.locale === "ja" ? copy.ja : copy.en;
  return inertLiquid(
    `<section class="tsunagu-survey-thanks" lang="${esc(o.locale)}"><p>${c[o.outcome]}</p><p><a href="${esc(o.back)}">${c.back}</a></p></section>`,
  );
}
