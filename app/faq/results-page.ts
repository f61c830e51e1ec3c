import { escapeHtml as esc } from "../html/escape";
/**
 * The FAQ search without JavaScript: the block's search form posts to the app proxy, which
 * answers with this page (Liquid, so the shop's theme frames it). Every value is escaped here;
 * answers are the sanitised HTML the storefront shows anyway.
 */

const copy = {
  ja: {
    title: "よくある質問の検索結果",
    none: "お探しの答えが見つかりませんでした。",
    contact: "お問い合わせはこちら",
    again: "もう一度検索",
    label: "よくある質問を検索",
  },
  en: {
    title: "FAQ search results",
    none: "We could not find an answer to that.",
    contact: "Contact us",
    again: "Search again",
    label: "Search the FAQ",
  },
};

export function resultsPage(o: {
  query: string;
  locale: string;
  hits: { question: string; answer: string }[];
  contactUrl: string;
}): string {
  const c = o.locale === "ja" ? copy.ja : copy.en;
  const items = o.hits
    .map(
      (h) =>
        `<details open><summary>${esc(h.question)}</summary>${h.answer}</details>`,
    )
    .join("");
  return `<section class="tsunagu-faq-results" lang="${esc(o.locale)}">
  <h1>${c.title}</h1>
  <form action="/apps/tsunagu/faq" method="get" role="search">
    <label for="tsunagu-faq-q">${c.label}</label>
    <input id="tsunagu-faq-q" type="search" name="q" value="${esc(o.query)}" maxlength="200">
    <input type="hidden" name="locale" value="${esc(o.locale)}">
    <button type="submit">${c.again}</button>
  </form>
  ${items || `<p>${c.none} <a href="${esc(o.contactUrl || "/pages/contact")}">${c.contact}</a></p>`}
</section>`;
}
