import { escapeHtml as esc, inertLiquid } from "../html/escape";
/**
 * The FAQ search without JavaScript: the block's search form posts to the app proxy, which
 * answers with this page (Liquid, so the shop's theme frames it). Every value is escaped here;
 * answers are the sanitised HTML the storefront shows anyway. Served as Liquid, so the whole
 * page is made inert (inertLiquid).
 */

const copy = {
  ja: {
    title: "よくある質問の検索結果",
    none: "お探しの答えが見つかりませんでした。",
    weak: "探している答えがないときは",
    contact: "お問い合わせはこちら",
    again: "もう一度検索",
    label: "よくある質問を検索",
  },
  en: {
    title: "FAQ search results",
    none: "We could not find an answer to that.",
    weak: "Not what you were looking for?",
    contact: "Contact us",
    again: "Search again",
    label: "Search the FAQ",
  },
};

export function resultsPage(o: {
  query: string;
  locale: string;
  hits: { question: string; answer: string }[];
  /** The hits match the query only loosely: offer the contact path under them too. */
  weak?: boolean;
  contactUrl: string;
}): string {
  const c = /^ja\b/i.test(o.locale) ? copy.ja : copy.en;
  const contact = `<a href="${esc(o.contactUrl || "/pages/contact")}">${c.contact}</a>`;
  const items = o.hits
    .map(
      (h) =>
        `<details open><summary>${esc(h.question)}</summary>${h.answer}</details>`,
    )
    .join("");
  // An empty search (Enter in an empty box) asked nothing, so it is not told nothing was found.
  const footer = !o.query.trim()
    ? ""
    : !items
      ? `<p>${c.none} ${contact}</p>`
      : o.weak
        ? `<p>${c.weak} ${contact}</p>`
        : "";
  return inertLiquid(`<section class="tsunagu-faq-results" lang="${esc(o.locale)}">
  <h1>${c.title}</h1>
  <form action="/apps/tsunagu/faq" method="get" role="search">
    <label for="tsunagu-faq-q">${c.label}</label>
    <input id="tsunagu-faq-q" type="search" name="q" value="${esc(o.query)}" maxlength="200">
    <input type="hidden" name="locale" value="${esc(o.locale)}">
    <button type="submit">${c.again}</button>
  </form>
  ${items}${footer}
</section>`);
}
