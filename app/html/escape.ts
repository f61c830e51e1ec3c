/** Escapes text for HTML element content and attribute values (pages the app renders as strings). */
export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[
        c
      ]!,
  );

/**
 * Makes a page the app proxy serves as application/liquid inert. Shopify renders such a page as
 * Liquid, so a shopper's `{{ customer.email }}` or `{% … %}` (in a query, a return path, a
 * merchant's answer) would run, not show. The app's pages need no Liquid of their own: every brace
 * becomes a character reference, which the browser shows as a brace and Liquid never sees.
 */
export const inertLiquid = (html: string) =>
  html.replace(/[{}]/g, (c) => (c === "{" ? "&#123;" : "&#125;"));
