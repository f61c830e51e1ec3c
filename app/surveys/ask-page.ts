import { esc, publicPage } from "../html/public-page";

/**
 * The page a follow-up's survey link opens: the question and one link per score. A preview (the
 * admin's, a test email's) shows the same question and scale with nothing to click, and says so.
 */
const copy = {
  ja: {
    title: "アンケート",
    nps: ["すすめない", "ぜひすすめたい"],
    csat: ["不満", "とても満足"],
    preview:
      "プレビューです。お客様にはこのページが表示され、数字を選ぶと回答になります。ここでは回答は記録されません。",
  },
  en: {
    title: "Survey",
    nps: ["Not likely", "Very likely"],
    csat: ["Not satisfied", "Very satisfied"],
    preview:
      "Preview: your customers see this page and answer by choosing a number. Nothing is recorded here.",
  },
};

export function askPage(o: {
  lang: "ja" | "en";
  kind: "nps" | "csat";
  question: string;
  /** One per score; null for a preview. */
  links: { score: number; url: string }[] | null;
}): Response {
  const c = copy[o.lang];
  const [low, high] = o.kind === "nps" ? [0, 10] : [1, 5];
  const scores = o.links
    ? o.links.map((l) => `<a href="${esc(l.url)}">${l.score}</a>`)
    : Array.from(
        { length: high - low + 1 },
        (_, i) => `<span>${low + i}</span>`,
      );
  const [from, to] = c[o.kind];
  return publicPage(
    o.lang,
    c.title,
    `${o.links ? "" : `<p class="note">${esc(c.preview)}</p>`}<p>${esc(o.question)}</p><div class="scores">${scores.join("")}</div><div class="ends"><span>${from}</span><span>${to}</span></div>`,
  );
}
