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
    recorded: "ご回答ありがとうございました。",
    already:
      "このアンケートにはすでにご回答いただいています。ありがとうございました。",
    yourScore: "あなたの回答: {score}",
    commentLabel: "よろしければ、理由をお聞かせください(任意)",
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
 */
export function emailPage(
  locale: string | null,
  state: PageState,
  status = 200,
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
  return publicPage(locale === "ja" ? "ja" : "en", c.title, body, status);
}
