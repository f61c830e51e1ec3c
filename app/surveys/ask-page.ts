import { escapeHtml as esc } from "../html/escape";
import { publicPage } from "../html/public-page";
import { surveyHeading, surveyTitle } from "./email-page";

/**
 * The survey page a follow-up message links to: the shop's question and one signed link per
 * score, with the words for the scale's ends. Eleven NPS scores do not fit one row on a phone, so
 * past six they come in two rows of their own (0–5, 6–10), side by side on a wide screen and one
 * above the other on a narrow one (public-page.ts), never wrapped into an uneven row. The links
 * are a group named by the question; the first and last are described by the end words. A preview
 * (the admin's, a test email's) shows the same question and scale with nothing to click, and says so.
 */
const ENDS = {
  nps: {
    ja: ["すすめない", "ぜひすすめたい"],
    en: ["Not likely", "Very likely"],
  },
  csat: { ja: ["不満", "とても満足"], en: ["Not satisfied", "Very satisfied"] },
} as const;

const PREVIEW = {
  ja: "プレビューです。お客様にはこのページが表示され、数字を選ぶと回答になります。ここでは回答は記録されません。",
  en: "Preview: your customers see this page and answer by choosing a number. Nothing is recorded here.",
};

/** Scores in one row up to this many; more are split into two rows (the first the longer). */
const ONE_ROW = 6;

export function scoreRows<T>(items: readonly T[]): T[][] {
  if (items.length <= ONE_ROW) return [[...items]];
  const first = Math.ceil(items.length / 2);
  return [items.slice(0, first), items.slice(first)];
}

export function askPage(input: {
  locale: string | null;
  shop: string;
  kind: "nps" | "csat";
  question: string;
  /** One per score; null for a preview. */
  links: readonly { score: number; url: string }[] | null;
}): Response {
  const lang = input.locale === "en" ? "en" : "ja";
  const [low, high] = ENDS[input.kind][lang];
  const [from, to] = input.kind === "nps" ? [0, 10] : [1, 5];
  const scores =
    input.links ??
    Array.from({ length: to - from + 1 }, (_, i) => ({
      score: from + i,
      url: null,
    }));
  const last = scores.length - 1;
  const link = (l: { score: number; url: string | null }, i: number) => {
    const ends =
      i === 0
        ? ' aria-describedby="low"'
        : i === last
          ? ' aria-describedby="high"'
          : "";
    return l.url === null
      ? `<span${ends}>${l.score}</span>`
      : `<a href="${esc(l.url)}"${ends}>${l.score}</a>`;
  };
  const rows = scoreRows(scores.map(link));
  const body =
    (input.links ? "" : `<p class="note">${esc(PREVIEW[lang])}</p>`) +
    `<p id="q">${esc(input.question)}</p>` +
    `<div class="scale${rows.length > 1 ? " split" : ""}" role="group" aria-labelledby="q">` +
    `<div class="rows">${rows.map((r) => `<div class="scores" style="flex-grow:${r.length}">${r.join("")}</div>`).join("")}</div>` +
    `<span class="end low" id="low">${low}</span><span class="end high" id="high">${high}</span>` +
    `</div>`;
  return publicPage(
    lang,
    surveyTitle(lang, input.shop),
    body,
    200,
    surveyHeading(lang, input.shop),
  );
}
