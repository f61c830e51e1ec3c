/**
 * The markup an FAQ answer may hold. The server's sanitiser (`sanitize.ts`, on save and publish)
 * and the admin's answer editor (`inertHtml`, before showing HTML a merchant typed or pasted)
 * both read these lists, so the editor never shows what the storefront would not.
 */
export const ANSWER_TAGS = [
  "p",
  "br",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "ul",
  "ol",
  "li",
  "a",
  "h3",
  "h4",
  "blockquote",
  "code",
  "pre",
  "hr",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
];

export const ANSWER_ATTRIBUTES: Record<string, string[]> = {
  a: ["href", "title", "target", "rel"],
  th: ["colspan", "rowspan"],
  td: ["colspan", "rowspan"],
};

export const ANSWER_SCHEMES = ["http", "https", "mailto", "tel"];

/** Elements removed with their text: their content is code or hidden, not something to read. */
export const DROPPED_WITH_TEXT = [
  "script",
  "style",
  "textarea",
  "option",
  "noscript",
  "iframe",
  "object",
  "embed",
  "template",
];

/**
 * In the browser: `html` reduced to the answer markup, parsed in an inert document (nothing
 * runs or loads there), before the editor shows it. Other elements give way to their text,
 * other attributes go, and a link keeps only an allowed scheme or a path. The server sanitises
 * again on save; this keeps the merchant's own admin from running what they pasted.
 */
export function inertHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const clean = (parent: Element) => {
    for (const el of [...parent.children]) {
      const tag = el.tagName.toLowerCase();
      if (DROPPED_WITH_TEXT.includes(tag)) {
        el.remove();
        continue;
      }
      clean(el);
      if (!ANSWER_TAGS.includes(tag)) {
        el.replaceWith(...el.childNodes);
        continue;
      }
      for (const { name, value } of [...el.attributes]) {
        const allowed = ANSWER_ATTRIBUTES[tag]?.includes(name);
        // Browsers ignore spaces, tabs and line breaks in a URL ("java\tscript:").
        const url = [...value].filter((c) => c > " ").join("");
        const scheme = url.match(/^([a-z][a-z0-9+.-]*):/i)?.[1];
        const safe =
          name !== "href" ||
          (scheme
            ? ANSWER_SCHEMES.includes(scheme.toLowerCase())
            : !url.startsWith("//"));
        if (!allowed || !safe) el.removeAttribute(name);
      }
    }
  };
  clean(doc.body);
  return doc.body.innerHTML;
}
