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
    back: "よくある質問の一覧に戻る",
  },
  en: {
    title: "FAQ search results",
    none: "We could not find an answer to that.",
    weak: "Not what you were looking for?",
    contact: "Contact us",
    again: "Search again",
    label: "Search the FAQ",
    back: "Back to all questions",
  },
};

export function resultsPage(o: {
  query: string;
  locale: string;
  hits: { question: string; answer: string }[];
  /** The hits match the query only loosely: offer the contact path under them too. */
  weak?: boolean;
  contactUrl: string;
  /** The store page the search came from (checked by storePath), linked to go back to every question. */
  back?: string;
}): string {
  const c = /^ja\b/i.test(o.locale) ? copy.ja : copy.en;
  const contact = `<a href="${esc(o.contactUrl || "/pages/contact")}">${c.contact}</a>`;
  // The block's stylesheet is not on this page, and a <style> would not survive inertLiquid (its
  // braces become character references): the few rules that matter are inline. Box and button
  // are tap targets of 44 px, as in the block; answers wrap long URLs and scroll wide tables.
  const tap =
    "min-height:2.75rem;padding:0.5rem 0.75rem;font:inherit;box-sizing:border-box";
  /** A line of text tapped as a whole (a question, the link back): 44 px high too. */
  const row = "min-height:2.75rem;padding:0.6rem 0;box-sizing:border-box";
  const items = o.hits
    .map(
      (h) =>
        `<details open style="padding:0.5rem 0;border-bottom:1px solid rgba(0,0,0,0.15)"><summary style="font-weight:600;${row};cursor:pointer">${esc(h.question)}</summary><div style="overflow-x:auto">${h.answer}</div></details>`,
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
  const back = o.back
    ? `<p><a href="${esc(o.back)}" style="display:inline-block;${row}">${c.back}</a></p>`
    : "";
  return inertLiquid(`<section class="tsunagu-faq-results" lang="${esc(o.locale)}" style="overflow-wrap:break-word">
  <h1>${c.title}</h1>
  <form action="/apps/tsunagu/faq" method="get" role="search" style="display:flex;flex-wrap:wrap;gap:0.5rem;align-items:center;margin:0 0 1rem">
    <label for="tsunagu-faq-q" style="flex-basis:100%;font-weight:600">${c.label}</label>
    <input id="tsunagu-faq-q" type="search" name="q" value="${esc(o.query)}" maxlength="200" style="flex:1 1 12rem;${tap}">
    <input type="hidden" name="locale" value="${esc(o.locale)}">
    ${o.back ? `<input type="hidden" name="back" value="${esc(o.back)}">` : ""}
    <button type="submit" style="${tap};cursor:pointer">${c.again}</button>
  </form>
  ${items}${footer}${back}
</section>`);
}
