/**
 * One UI extension's sandbox document, as the dev store's thank-you and order-status pages frame
 * it: plain renderings of the `s-` elements our extensions use (CSS + small custom elements), a
 * `shopify` global for the target (its signals, language, translations, a session token from
 * the dev store), then the bundled module. Calls to the app's production URL go to the local app.
 */
export interface HostConfig {
  /** The bundled extension module, a path on the dev store. */
  module: string;
  target: string;
  strings: Record<string, unknown>;
  locale: "ja" | "en";
  /** Dev-store path (POST) that answers `{ token }`: the surface's session token. */
  tokenUrl: string;
  /** The target's signals by name: `orderConfirmation` or `order`, `lines`, `appMetafields`... */
  signals: Record<string, unknown>;
  rewrite: { from: string; to: string };
}

const json = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

export function hostDocument(config: HostConfig): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<style>
  body { margin: 0; font: 15px/1.6 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", sans-serif; color: #1a1a1a; }
  s-section { display: block; border: 1px solid #dedede; border-radius: 10px; padding: 16px; margin: 4px 0 12px; }
  s-section[heading]::before { content: attr(heading); display: block; font-weight: 600; font-size: 17px; margin-bottom: 10px; }
  s-stack { display: flex; flex-direction: column; gap: 12px; }
  s-stack[direction="inline"] { flex-direction: row; flex-wrap: wrap; gap: 6px; align-items: center; }
  s-stack[gap="none"] { gap: 0; } s-stack[gap="small-300"] { gap: 4px; } s-stack[gap="small-200"] { gap: 6px; } s-stack[gap="base"] { gap: 12px; } s-stack[gap="large"] { gap: 16px; }
  s-stack[alignitems="center"] { align-items: center; }
  s-stack[justifycontent="space-between"] { justify-content: space-between; }
  s-text { display: inline; } s-text[color="subdued"] { color: #707070; font-size: 13px; } s-text[type="strong"] { font-weight: 600; }
  s-heading { display: block; font-weight: 600; }
  s-badge { display: inline-block; padding: 1px 8px; border-radius: 999px; background: #ebebeb; color: #303030; font-size: 12px; line-height: 20px; white-space: nowrap; }
  s-badge[tone="critical"] { background: #fedad9; color: #8e1f0b; }
  s-button { display: inline-flex; align-items: center; justify-content: center; min-width: 36px; padding: 7px 12px; border-radius: 8px; border: 1px solid #c9c9c9; background: #fff; cursor: pointer; user-select: none; }
  s-button[variant="primary"] { background: #1773b0; border-color: #1773b0; color: #fff; }
  s-button[disabled] { opacity: .45; cursor: not-allowed; }
  s-button[loading]::after { content: "…"; }
  s-button:focus-visible, s-link:focus-visible { outline: 2px solid #1773b0; outline-offset: 2px; }
  s-text-area { display: block; } s-text-area label { display: block; margin-bottom: 4px; font-size: 14px; }
  s-text-area textarea { width: 100%; box-sizing: border-box; font: inherit; padding: 8px; border: 1px solid #c9c9c9; border-radius: 8px; min-height: 80px; }
  s-banner { display: block; padding: 10px 12px; border-radius: 8px; background: #fff4f4; border: 1px solid #e0b3b2; }
  s-link { color: #1773b0; text-decoration: underline; cursor: pointer; }
  s-divider { display: block; border-top: 1px solid #e3e3e3; }
</style></head><body>
<script type="module">
const config = ${json(config)};
const signal = (value) => ({ value, subscribe: () => () => {}, peek: () => value });
const lookup = (key) => key.split(".").reduce((o, k) => (o && typeof o === "object" ? o[k] : undefined), config.strings);
// Calls to the app's production address go to the local app instead.
const realFetch = fetch.bind(window);
window.fetch = (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  return realFetch(url.startsWith(config.rewrite.from) ? config.rewrite.to + url.slice(config.rewrite.from.length) : input, init);
};
globalThis.shopify = {
  extension: { target: config.target, apiVersion: "2026-07" },
  ...Object.fromEntries(Object.entries(config.signals).map(([name, value]) => [name, signal(value)])),
  localization: { language: signal({ isoCode: config.locale }), extensionLanguage: signal({ isoCode: config.locale }) },
  i18n: {
    translate: (key, vars = {}) => String(lookup(key) ?? key).replace(/\\{\\{\\s*(\\w+)\\s*\\}\\}/g, (m, k) => (k in vars ? String(vars[k]) : m)),
    formatDate: (date, options) => new Intl.DateTimeFormat(config.locale, options).format(date),
    formatNumber: (n, options) => new Intl.NumberFormat(config.locale, options).format(n),
  },
  sessionToken: { get: async () => (await (await realFetch(parent.location.origin + config.tokenUrl, { method: "POST" })).json()).token },
  setSignals() {},
};
class Plain extends HTMLElement {}
class Button extends HTMLElement {
  connectedCallback() {
    this.setAttribute("role", "button");
    if (!this.hasAttribute("tabindex")) this.tabIndex = 0;
    this.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); this.click(); } });
    this.addEventListener("click", (e) => { if (this.disabled || this.loading) e.stopImmediatePropagation(); }, true);
  }
  get disabled() { return this.hasAttribute("disabled"); }
  set disabled(v) { this.toggleAttribute("disabled", !!v); this.setAttribute("aria-disabled", String(!!v)); }
  get loading() { return this.hasAttribute("loading"); }
  set loading(v) { this.toggleAttribute("loading", !!v); }
  get variant() { return this.getAttribute("variant"); }
  set variant(v) { if (v) this.setAttribute("variant", v); else this.removeAttribute("variant"); }
  set accessibilityLabel(v) { this.setAttribute("aria-label", v); }
}
// A link opens its href like Shopify's does: a new tab for target="_blank", else the whole page.
class Link extends HTMLElement {
  connectedCallback() {
    this.setAttribute("role", "link");
    if (!this.hasAttribute("tabindex")) this.tabIndex = 0;
    this.addEventListener("keydown", (e) => { if (e.key === "Enter") this.click(); });
    this.addEventListener("click", () => {
      const href = this.getAttribute("href");
      if (!href) return;
      if (this.getAttribute("target") === "_blank") window.open(href, "_blank", "noopener");
      else parent.location.href = href;
    });
  }
  set accessibilityLabel(v) { this.setAttribute("aria-label", v); }
}
class TextArea extends HTMLElement {
  constructor() { super(); this.area = document.createElement("textarea"); this.text = document.createElement("label"); }
  connectedCallback() {
    const id = "ta-" + Math.random().toString(36).slice(2);
    this.area.id = id; this.text.htmlFor = id;
    if (!this.contains(this.area)) this.append(this.text, this.area);
  }
  get value() { return this.area.value; }
  set value(v) { this.area.value = v ?? ""; }
  set label(v) { this.text.textContent = v; }
  set maxLength(v) { this.area.maxLength = v; }
}
customElements.define("s-button", Button);
customElements.define("s-link", Link);
customElements.define("s-text-area", TextArea);
for (const tag of ["s-section", "s-stack", "s-text", "s-heading", "s-badge", "s-banner", "s-divider", "s-box"]) customElements.define(tag, class extends Plain {});
new ResizeObserver(() => parent.postMessage({ type: "ui-ext-height", height: document.documentElement.scrollHeight }, "*")).observe(document.body);
const mod = await import(parent.location.origin + config.module);
await mod.default();
</script></body></html>`;
}
