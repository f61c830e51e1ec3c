import { escapeHtml as esc } from "./html";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import type { State } from "../state";

/**
 * A stand-in for Shopify's thank-you and order-status pages, so the app's UI extensions run in a
 * normal browser: the extension is bundled like Shopify CLI does (esbuild, Preact), and a small
 * host gives it what Shopify's would — a `shopify` global for its target (order, language,
 * translations, a session token signed with the app's secret) and plain renderings of the `s-`
 * elements it uses. Calls to the app's production URL are sent to the local app.
 */
export interface UiTarget {
  extension: string;
  target: string;
  module: string;
}

export function discoverUiTargets(extensionsDir: string): UiTarget[] {
  if (!existsSync(extensionsDir)) return [];
  const out: UiTarget[] = [];
  for (const name of readdirSync(extensionsDir)) {
    const toml = path.join(extensionsDir, name, "shopify.extension.toml");
    if (!existsSync(toml)) continue;
    const text = readFileSync(toml, "utf8");
    if (!/type\s*=\s*"ui_extension"/.test(text)) continue;
    for (const m of text.matchAll(/module\s*=\s*"([^"]+)"\s*\ntarget\s*=\s*"([^"]+)"/g)) out.push({ extension: name, target: m[2], module: path.join(extensionsDir, name, m[1]) });
  }
  return out;
}

const bundles = new Map<string, Promise<string>>();

export function bundleTarget(t: UiTarget): Promise<string> {
  const key = `${t.module}:${t.target}`;
  let hit = bundles.get(key);
  if (!hit) {
    hit = build({ entryPoints: [t.module], bundle: true, format: "esm", target: "es2020", write: false, jsx: "automatic", jsxImportSource: "preact", logLevel: "silent" }).then((r) => r.outputFiles[0].text);
    // A failed build is not cached, so fixing the source and reloading works.
    hit.catch(() => bundles.delete(key));
    bundles.set(key, hit);
  }
  return hit;
}

export function extensionStrings(extensionsDir: string, extension: string, locale: string): Record<string, unknown> {
  const dir = path.join(extensionsDir, extension, "locales");
  const file = [path.join(dir, `${locale}.json`), path.join(dir, `${locale}.default.json`), path.join(dir, "en.default.json")].find(existsSync);
  return file ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
}

const json = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

const copy = {
  ja: { title: "ご注文ありがとうございます", order: "注文", total: "合計", none: "この注文は見つかりません。", note: "開発用ストアのサンクスページ(チェックアウトUI拡張機能のプレビュー)" },
  en: { title: "Thank you for your order", order: "Order", total: "Total", none: "No such order.", note: "Dev store thank-you page (checkout UI extension preview)" },
};

/** The thank-you page for one order, with every thank-you block extension mounted below it. */
export function thankYouMain(o: { state: State; orderId: number; locale: "ja" | "en"; targets: UiTarget[]; extensionsDir: string; appOrigin: string; productionOrigin: string }): string | null {
  const order = o.state.orderById.get(o.orderId);
  const c = copy[o.locale];
  if (!order) return null;
  const total = order.lines.reduce((sum, l) => sum + Number(l.price) * l.quantity, 0);
  const customer = order.customerId ? o.state.customerById.get(order.customerId) : null;
  const targets = o.targets.filter((t) => t.target === "purchase.thank-you.block.render");
  const mounts = targets
    .map((t, i) => {
      const config = {
        module: `/storefront/ui-ext/${encodeURIComponent(t.extension)}/${encodeURIComponent(t.target)}.js`,
        target: t.target,
        strings: extensionStrings(o.extensionsDir, t.extension, o.locale),
        locale: o.locale,
        order: { id: `gid://shopify/OrderIdentity/${order.legacyId}`, number: String(order.number), isFirstOrder: (customer?.orderIds.length ?? 1) <= 1 },
        rewrite: { from: o.productionOrigin, to: o.appOrigin },
      };
      return `<section class="ui-ext" data-ext="${esc(t.extension)}"><iframe title="${esc(t.extension)}" srcdoc="${esc(hostDocument(config))}" style="width:100%;border:0;min-height:60px" data-index="${i}"></iframe></section>`;
    })
    .join("");
  return `<p class="dev-note" style="color:#777;font-size:13px">${c.note}</p>
<h1>${c.title}</h1>
<p>${c.order} ${esc(order.name)} · ${c.total} ¥${total.toLocaleString("ja-JP")}</p>
<ul>${order.lines.map((l) => `<li>${esc(l.title)} × ${l.quantity}</li>`).join("")}</ul>
${mounts}
<script>
  // Each extension runs in its own frame, like Shopify's sandbox; the frame reports its height.
  addEventListener("message", (e) => {
    if (!e.data || e.data.type !== "ui-ext-height") return;
    for (const f of document.querySelectorAll("iframe")) if (f.contentWindow === e.source) f.style.height = e.data.height + "px";
  });
</script>`;
}

/** One extension's sandbox document: the `s-` elements, the `shopify` global, then the module. */
function hostDocument(config: Record<string, unknown>): string {
  return `<!doctype html><html><head><meta charset="utf-8"><base href="${"__ORIGIN__"}">
<style>
  body { margin: 0; font: 15px/1.6 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", sans-serif; color: #1a1a1a; }
  s-section { display: block; border: 1px solid #dedede; border-radius: 10px; padding: 16px; margin: 4px 0 12px; }
  s-section[heading]::before { content: attr(heading); display: block; font-weight: 600; font-size: 17px; margin-bottom: 10px; }
  s-stack { display: flex; flex-direction: column; gap: 12px; }
  s-stack[direction="inline"] { flex-direction: row; flex-wrap: wrap; gap: 6px; align-items: center; }
  s-stack[justifycontent="space-between"] { justify-content: space-between; }
  s-text { display: inline; } s-text[color="subdued"] { color: #707070; font-size: 13px; }
  s-heading { display: block; font-weight: 600; }
  s-button { display: inline-flex; align-items: center; justify-content: center; min-width: 36px; padding: 7px 12px; border-radius: 8px; border: 1px solid #c9c9c9; background: #fff; cursor: pointer; user-select: none; }
  s-button[variant="primary"] { background: #1773b0; border-color: #1773b0; color: #fff; }
  s-button[disabled] { opacity: .45; cursor: not-allowed; }
  s-button[loading]::after { content: "…"; }
  s-button:focus-visible { outline: 2px solid #1773b0; outline-offset: 2px; }
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
  orderConfirmation: signal({ order: { id: config.order.id }, number: config.order.number, isFirstOrder: config.order.isFirstOrder }),
  localization: { language: signal({ isoCode: config.locale }), extensionLanguage: signal({ isoCode: config.locale }) },
  i18n: { translate: (key, vars = {}) => String(lookup(key) ?? key).replace(/\\{\\{\\s*(\\w+)\\s*\\}\\}/g, (m, k) => (k in vars ? String(vars[k]) : m)) },
  sessionToken: { get: async () => (await (await realFetch(parent.location.origin + "/storefront/_checkout-token", { method: "POST" })).json()).token },
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
customElements.define("s-text-area", TextArea);
for (const tag of ["s-section", "s-stack", "s-text", "s-heading", "s-banner", "s-link", "s-divider", "s-box"]) customElements.define(tag, class extends Plain {});
new ResizeObserver(() => parent.postMessage({ type: "ui-ext-height", height: document.documentElement.scrollHeight }, "*")).observe(document.body);
const mod = await import(parent.location.origin + config.module);
await mod.default();
</script></body></html>`.replace('<base href="__ORIGIN__">', "");
}
