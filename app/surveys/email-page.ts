import { escapeHtml as esc } from "../html/escape";
/**
 * The small standalone page an email score link opens: thanks, the score as recorded, and the
 * optional comment form. Every value is escaped; the page loads nothing from elsewhere.
 */

const copy = {
  ja: {
    title: "アンケート",
    recorded: "ご回答ありがとうございました。",
    already: "このアンケートにはすでにご回答いただいています。ありがとうございました。",
    yourScore: "あなたの回答: {score}",
    commentLabel: "よろしければ、理由をお聞かせください(任意)",
    send: "送信する",
    commentThanks: "コメントをお寄せいただきありがとうございました。",
    commentTooLong: "コメントは1000文字以内でお願いします。",
    invalid: "このリンクは無効です。メールのリンクをもう一度お試しください。",
    expired: "このリンクの有効期限が切れています。",
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
  },
};

export type PageState = { kind: "answered"; fresh: boolean; score: number | null; question: string; canComment: boolean; commented: boolean; error?: "commentTooLong" } | { kind: "error"; error: "invalid" | "expired" };

export function emailPage(locale: string, state: PageState): string {
  const c = locale === "ja" ? copy.ja : copy.en;
  let body: string;
  if (state.kind === "error") body = `<p>${c[state.error]}</p>`;
  else {
    body = `<p class="lead">${state.fresh ? c.recorded : c.already}</p>`;
    if (state.question) body += `<p class="q">${esc(state.question)}</p>`;
    if (state.score !== null) body += `<p class="score">${esc(c.yourScore.replace("{score}", String(state.score)))}</p>`;
    if (state.commented) body += `<p role="status">${c.commentThanks}</p>`;
    else if (state.canComment)
      body += `<form method="post">${state.error ? `<p role="alert" class="err">${c[state.error]}</p>` : ""}<label for="comment">${c.commentLabel}</label><textarea id="comment" name="comment" rows="5" maxlength="1000"></textarea><button type="submit">${c.send}</button></form>`;
  }
  return `<!doctype html><html lang="${locale === "ja" ? "ja" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${c.title}</title><style>body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;line-height:1.7;color:#202223}.lead{font-size:1.25rem;font-weight:600}.q{color:#616161}.score{font-size:1.1rem}label{display:block;margin:1.5rem 0 .5rem}textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem}button{margin-top:.75rem;font:inherit;padding:.5rem 1.25rem;border-radius:.5rem;border:0;background:#303030;color:#fff;cursor:pointer}.err{color:#8e1f0b}</style></head><body><main>${body}</main></body></html>`;
}
