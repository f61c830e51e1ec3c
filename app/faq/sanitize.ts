import sanitizeHtml from "sanitize-html";
import {
  ANSWER_ATTRIBUTES,
  ANSWER_SCHEMES,
  ANSWER_TAGS,
  DROPPED_WITH_TEXT,
} from "./answer-html";

/**
 * FAQ answers are rich text written by merchants (or imported from another app's CSV), shown on
 * the storefront. Only formatting survives: no scripts, iframes, styles, event handlers, and links
 * only to http(s), mailto and tel. Applied on save and again on publish, so nothing stored or
 * served can run code even if a row was written around the form.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ANSWER_TAGS,
  allowedAttributes: ANSWER_ATTRIBUTES,
  allowedSchemes: ANSWER_SCHEMES,
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Text inside <script>/<style>/<iframe> is dropped with the tag, not left as visible text.
  nonTextTags: DROPPED_WITH_TEXT,
  transformTags: {
    a: (tagName, attribs) => {
      const out: Record<string, string> = { ...attribs };
      if (out.target === "_blank") out.rel = "noopener noreferrer";
      else delete out.target;
      return { tagName, attribs: out };
    },
  },
};

export function sanitizeAnswer(html: string): string {
  // Plain text (no tags, no character references) becomes paragraphs, so CSV imports of plain
  // answers read well. A reference makes it HTML: the editor posts a one-line answer as bare
  // escaped text ("マイページ &gt; 注文履歴"), and escaping that again showed shoppers "&gt;".
  const isHtml = /<[a-z!/]|&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i.test(html);
  const clean = sanitizeHtml(isHtml ? html : textToHtml(html), OPTIONS).trim();
  // Bare text gets its paragraph too, so sanitising what was stored gives it back unchanged.
  return clean && !/[<>]/.test(clean) ? `<p>${clean}</p>` : clean;
}

/** Text of an answer for search indexing and previews: tags gone, entities decoded, spaces folded. */
export function answerText(html: string): string {
  const text = sanitizeHtml(
    html.replace(/<(br|\/p|\/li|\/h\d|\/tr)\b[^>]*>/gi, "$& "),
    { allowedTags: [], allowedAttributes: {} },
  );
  return decodeEntities(text).replace(/\s+/g, " ").trim();
}

function textToHtml(text: string): string {
  const esc = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p>${esc(para).replace(/\r?\n/g, "<br>")}</p>`)
    .join("");
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}
