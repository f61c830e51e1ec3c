import { publicPage } from "../html/public-page";
import { escapeHtml as esc } from "../html/escape";
import { TOO_MANY } from "../proxy/too-many";

/**
 * What an email score link's page says: thanks, the score as recorded, and the optional comment
 * form (framed by app/html/public-page.ts). Every value is escaped.
 */

const copy = {
  ja: {
    title: "アンケート",
    shopTitle: "{shop}からのアンケート",
    recorded: "ご回答ありがとうございました。",
    already:
      "このアンケートにはすでにご回答いただいています。ありがとうございました。",
    yourScore: "あなたの回答: {score}",
    commentLabel: "よろしければ理由をお聞かせください(任意)",
    send: "送信する",
    commentThanks: "コメントをお寄せいただきありがとうございました。",
    commentTooLong: "コメントは1000文字以内でお願いします。",
    invalid: "このリンクは無効です。メールのリンクをもう一度お試しください。",
    expired: "このリンクの有効期限が切れています。",
    ended: "このアンケートは終了しました。ありがとうございました。",
    tooMany: TOO_MANY.ja,
  },
  en: {
    title: "Survey",
    shopTitle: "A survey from {shop}",
    recorded: "Thank you for your answer.",
    already: "You have already answered this survey. Thank you.",
    yourScore: "Your answer: {score}",
    commentLabel: "Would you tell us why? (optional)",
    send: "Send",
    commentThanks: "Thank you for your comment.",
    commentTooLong: "Please keep your comment to 1,000 characters.",
    invalid: "This link is not valid. Please try the link in your email again.",
    expired: "This link has expired.",
    ended: "This survey has ended. Thank you.",
    tooMany: TOO_MANY.en,
  },
};

/**
 * The page's title and heading: whose survey it is, so a shopper who followed a link from an
 * email sees at once which shop asks. Plain "Survey" when the shop is not known.
 */
export function surveyTitle(lang: "ja" | "en", shop?: string | null): string {
  // A function, so that "$&" in a shop's name is not read as a replacement pattern.
  return shop
    ? copy[lang].shopTitle.replace("{shop}", () => shop)
    : copy[lang].title;
}

/**
 * The same as the page's heading, the shop's name kept in one piece where the line can break
 * before it (a Japanese name in an English heading would otherwise break after any character).
 */
export function surveyHeading(lang: "ja" | "en", shop?: string | null): string {
  return shop
    ? esc(copy[lang].shopTitle).replace(
        "{shop}",
        () => `<span class="name">${esc(shop)}</span>`,
      )
    : esc(copy[lang].title);
}

export type PageState =
  | {
      kind: "answered";
      fresh: boolean;
      score: number | null;
      question: string;
      canComment: boolean;
      commented: boolean;
      error?: "commentTooLong";
    }
  | { kind: "error"; error: "invalid" | "expired" | "ended" | "tooMany" };

/**
 * `locale` null: the page does not know the reader's language (a link that cannot be read, a
 * request turned away before the link was), so an error says it in Japanese and in English.
 * `shop`: the shop's name for the heading (shopDisplayName), when the link named a shop.
 */
export function emailPage(
  locale: string | null,
  state: PageState,
  status = 200,
  shop?: string | null,
): Response {
  if (locale === null) {
    const error = state.kind === "error" ? state.error : "invalid";
    return publicPage(
      "ja",
      `${copy.ja.title} / ${copy.en.title}`,
      `<p>${copy.ja[error]}</p><p lang="en">${copy.en[error]}</p>`,
      status,
    );
  }
  const c = locale === "ja" ? copy.ja : copy.en;
  let body: string;
  if (state.kind === "error") body = `<p>${c[state.error]}</p>`;
  else {
    body = `<p class="lead">${state.fresh ? c.recorded : c.already}</p>`;
    if (state.question) body += `<p class="q">${esc(state.question)}</p>`;
    if (state.score !== null)
      body += `<p class="score">${esc(c.yourScore.replace("{score}", String(state.score)))}</p>`;
    if (state.commented) body += `<p role="status">${c.commentThanks}</p>`;
    else if (state.canComment)
      body += `<form method="post">${state.error ? `<p role="alert" class="err">${c[state.error]}</p>` : ""}<label for="comment">${c.commentLabel}</label><textarea id="comment" name="comment" rows="5" maxlength="1000"></textarea><button type="submit">${c.send}</button></form>`;
  }
  const lang = locale === "ja" ? "ja" : "en";
  return publicPage(
    lang,
    surveyTitle(lang, shop),
    body,
    status,
    surveyHeading(lang, shop),
  );
}
