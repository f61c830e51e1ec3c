import { escapeHtml as esc } from "../html/escape";
import { publicPage } from "../html/public-page";
import { surveyHeading, surveyTitle } from "./email-page";

/**
 * The survey page a follow-up message links to: the shop's question and one signed link per
 * score, with the words for the scale's ends. Eleven NPS scores do not fit one row on a phone, so
 * past six they come in two rows of their own (0–5, 6–10), side by side on a wide screen and one
 * above the other on a narrow one (public-page.ts), never wrapped into an uneven row. The links
 * are a group named by the question; the first and last are described by the end words.
 */
const ENDS = {
  nps: {
    ja: ["すすめない", "ぜひすすめたい"],
    en: ["Not likely", "Very likely"],
  },
  csat: { ja: ["不満", "とても満足"], en: ["Not satisfied", "Very satisfied"] },
} as const;

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
  links: readonly { score: number; url: string }[];
}): Response {
  const lang = input.locale === "en" ? "en" : "ja";
  const [low, high] = ENDS[input.kind][lang];
  const last = input.links.length - 1;
  const link = (l: { score: number; url: string }, i: number) =>
    `<a href="${esc(l.url)}"${i === 0 ? ' aria-describedby="low"' : i === last ? ' aria-describedby="high"' : ""}>${l.score}</a>`;
  const rows = scoreRows(input.links.map(link));
  const body =
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
