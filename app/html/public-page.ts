import { escapeHtml as esc } from "./escape";
/**
 * Small standalone pages for links the app hands out (survey score links, unsubscribe, survey
 * chooser): no script, nothing loaded from elsewhere, a strict CSP. Values escaped by the callers.
 */

export function publicPage(
  lang: "ja" | "en",
  title: string,
  bodyHtml: string,
  status = 200,
  /** The heading as HTML (escaped by the caller) when it needs markup; else the title. */
  headingHtml?: string,
): Response {
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;line-height:1.7;color:#202223}h1{font-size:1.3rem;line-height:1.4;text-wrap:balance;word-break:auto-phrase}.name{display:inline-block}.scale{display:grid;grid-template-columns:1fr 1fr;grid-template-areas:"s s" "low high";gap:.4rem}.rows{grid-area:s;display:flex;gap:.4rem}.scores{display:flex;gap:.4rem;flex-basis:0}.scores a,.scores span{flex:1 1 0;min-width:0;text-align:center;padding:.6rem 0;border:1px solid #c9cccf;border-radius:.5rem;color:inherit;text-decoration:none}.scores a:hover{background:#f1f2f3}.end{color:#6d7175;font-size:.85rem}.low{grid-area:low}.high{grid-area:high;text-align:right}@media (max-width:30rem){.split .rows{flex-direction:column}.split .scores{flex-basis:auto}.split{grid-template-areas:"low ." "s s" ". high"}}button{margin-top:.75rem;font:inherit;padding:.5rem 1.25rem;border-radius:.5rem;border:0;background:#303030;color:#fff;cursor:pointer}button:disabled{opacity:.5;cursor:default}.lead{font-size:1.25rem;font-weight:600}.q{color:#616161}.score{font-size:1.1rem}label{display:block;margin:1.5rem 0 .5rem}textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem}.err{color:#8e1f0b}.note{padding:.5rem .75rem;border-radius:.5rem;background:#fff4e4;color:#4f2f00}</style></head><body><main><h1>${headingHtml ?? esc(title)}</h1>${bodyHtml}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    },
  });
}

export { esc };
