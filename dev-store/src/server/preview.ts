import { escapeHtml as esc } from "./html";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  Liquid,
  Tag,
  type Emitter,
  type TagToken,
  type TopLevelToken,
  type Liquid as LiquidType,
} from "liquidjs";
import type { DevStoreCore, StorefrontProduct } from "../contract";

/**
 * The storefront preview: a plain theme that renders the app's theme app extension blocks through
 * LiquidJS with the store's data, the way Shopify renders them on a real storefront.
 */
export interface AppBlock {
  extension: string;
  name: string;
  file: string;
  target: "section" | "head" | "body";
  schema: {
    name?: string;
    target?: string;
    settings?: { id: string; default?: unknown }[];
    javascript?: string;
    stylesheet?: string;
  };
}

export function discoverBlocks(extensionsDir: string): AppBlock[] {
  if (!existsSync(extensionsDir)) return [];
  const out: AppBlock[] = [];
  for (const ext of readdirSync(extensionsDir)) {
    const dir = path.join(extensionsDir, ext, "blocks");
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".liquid"))) {
      const source = readFileSync(path.join(dir, file), "utf8");
      const json =
        /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(
          source,
        )?.[1];
      const schema = json ? (JSON.parse(json) as AppBlock["schema"]) : {};
      const target = (schema.target ?? "section") as AppBlock["target"];
      out.push({
        extension: ext,
        name: file.replace(/\.liquid$/, ""),
        file: path.join(dir, file),
        target,
        schema,
      });
    }
  }
  return out;
}

function translations(
  extensionsDir: string,
  extension: string,
  locale: string,
): Record<string, unknown> {
  const dir = path.join(extensionsDir, extension, "locales");
  if (!existsSync(dir)) return {};
  const files = readdirSync(dir);
  const pick =
    files.find((f) => f === `${locale}.json`) ??
    files.find((f) => f === `${locale}.default.json`);
  const fallback = files.find((f) => f.endsWith(".default.json"));
  const load = (f?: string) =>
    f
      ? (JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Record<
          string,
          unknown
        >)
      : {};
  return { ...load(fallback), ...load(pick) };
}

function lookup(
  tree: Record<string, unknown>,
  key: string,
): string | undefined {
  const value = key
    .split(".")
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === "object"
          ? (node as Record<string, unknown>)[part]
          : undefined,
      tree,
    );
  return typeof value === "string" ? value : undefined;
}

export function createEngine(
  extensionsDir: string,
  extension: string,
  locale: string,
): LiquidType {
  const engine = new Liquid({
    strictFilters: true,
    root: [path.join(extensionsDir, extension, "snippets")],
    extname: ".liquid",
    jsTruthy: false,
  });
  class Raw extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: LiquidType) {
      super(token, remain, liquid);
      const end = `end${token.name}`;
      while (remain.length) {
        const t = remain.shift() as TopLevelToken & { name?: string };
        if (t.name === end) return;
      }
    }
    *render(
      _ctx: unknown,
      _emitter: Emitter,
    ): Generator<never, void, unknown> {}
  }
  for (const name of ["schema", "javascript", "stylesheet"])
    engine.registerTag(name, Raw);
  const strings = translations(extensionsDir, extension, locale);
  engine.registerFilter("t", (key: string, ...args: [string, unknown][]) => {
    const text =
      lookup(strings, String(key)) ?? `translation missing: ${locale}.${key}`;
    const vars = Object.fromEntries(args.filter(Array.isArray));
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
      String(vars[name] ?? ""),
    );
  });
  engine.registerFilter(
    "asset_url",
    (name: string) =>
      `/storefront/ext/${encodeURIComponent(extension)}/assets/${encodeURIComponent(name)}`,
  );
  engine.registerFilter(
    "script_tag",
    (url: string) => `<script src="${url}" defer></script>`,
  );
  engine.registerFilter(
    "stylesheet_tag",
    (url: string) => `<link rel="stylesheet" href="${url}">`,
  );
  engine.registerFilter("json", (value: unknown) =>
    JSON.stringify(value ?? null).replace(/</g, "\\u003c"),
  );
  engine.registerFilter(
    "money",
    (cents: unknown) =>
      `¥${Math.round(Number(cents) / 100).toLocaleString("ja-JP")}`,
  );
  engine.registerFilter("image_url", (url: unknown) => String(url ?? ""));
  return engine;
}

function parseMetafieldValues(flat: Record<string, string>) {
  const out: Record<string, Record<string, { value: unknown }>> = {};
  for (const [full, raw] of Object.entries(flat)) {
    const at = full.lastIndexOf(".");
    const ns = full.slice(0, at);
    const key = full.slice(at + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // plain text metafield
    }
    (out[ns] ??= {})[key] = { value };
  }
  return out;
}

export async function renderBlocks(o: {
  core: DevStoreCore;
  extensionsDir: string;
  locale: string;
  target: AppBlock["target"];
  product?: StorefrontProduct | null;
  customerId: string | null;
  /** The storefront page's path, as Liquid's request.path gives it (no query string). */
  path?: string;
  /** Settings the merchant changed in the theme editor, over each block's defaults. */
  settings?: Record<string, unknown>;
}): Promise<string> {
  const blocks = discoverBlocks(o.extensionsDir).filter(
    (b) => b.target === o.target,
  );
  let html = "";
  for (const [i, block] of blocks.entries()) {
    const engine = createEngine(o.extensionsDir, block.extension, o.locale);
    const settings = Object.fromEntries(
      (block.schema.settings ?? [])
        .filter((s) => s.id)
        .map((s) => [s.id, o.settings?.[s.id] ?? s.default ?? null]),
    );
    const shopMetafields = parseMetafieldValues(o.core.shopMetafields());
    const context = {
      block: { id: `${block.name}-${i + 1}`, settings, shopify_attributes: "" },
      app: { metafields: shopMetafields },
      shop: {
        name: o.core.shopName,
        permanent_domain: o.core.shop,
        locale: o.core.primaryLocale,
        metafields: shopMetafields,
      },
      product: o.product
        ? {
            ...o.product,
            price: Number(o.product.priceAmount) * 100,
            metafields: parseMetafieldValues(o.product.metafields),
          }
        : null,
      customer: o.customerId ? { id: Number(o.customerId) } : null,
      request: {
        locale: {
          iso_code: o.locale,
          primary: o.locale === o.core.primaryLocale,
        },
        design_mode: false,
        path: o.path ?? "/",
      },
      routes: { root_url: "/storefront" },
    };
    const body = await engine.parseAndRender(
      readFileSync(block.file, "utf8"),
      context,
    );
    const assets = [
      block.schema.stylesheet
        ? `<link rel="stylesheet" href="/storefront/ext/${block.extension}/assets/${block.schema.stylesheet}">`
        : "",
      block.schema.javascript
        ? `<script src="/storefront/ext/${block.extension}/assets/${block.schema.javascript}" defer></script>`
        : "",
    ].join("");
    html += `<div class="app-block" data-block="${esc(block.name)}">${assets}${body}</div>`;
  }
  return html;
}

const copy = {
  ja: {
    products: "商品一覧",
    account: "ログイン中",
    guest: "ゲスト",
    login: "顧客としてログイン",
    logout: "ログアウト",
    back: "一覧に戻る",
    footer: "ストアのプレビュー(ローカル開発ストア)",
    pages: { faq: "ヘルプセンター", survey: "ご意見をお聞かせください" },
  },
  en: {
    products: "Products",
    account: "Signed in",
    guest: "Guest",
    login: "Log in as a customer",
    logout: "Log out",
    back: "Back to products",
    footer: "Storefront preview (local dev store)",
    pages: { faq: "Help centre", survey: "Tell us what you think" },
  },
};

export function layout(o: {
  shopName: string;
  locale: "ja" | "en";
  customerId: string | null;
  head: string;
  body: string;
  main: string;
  path: string;
}): string {
  const c = copy[o.locale];
  const other = o.locale === "ja" ? "en" : "ja";
  return `<!doctype html><html lang="${o.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(o.shopName)}</title>
<style>
  body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", sans-serif; color: #222; background: #fff; }
  header, footer { padding: 16px 24px; display: flex; gap: 16px; align-items: center; border-bottom: 1px solid #eee; }
  footer { border-top: 1px solid #eee; border-bottom: 0; color: #777; font-size: 14px; }
  header .spacer { flex: 1; } a { color: #1f5e8c; }
  main { max-width: 1100px; margin: 0 auto; padding: 24px; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 20px; }
  .card { text-decoration: none; color: inherit; } .card img { width: 100%; height: auto; aspect-ratio: 1; border-radius: 8px; background: #f3f3f3; }
  .product { display: grid; grid-template-columns: minmax(240px, 420px) 1fr; gap: 32px; } .product img { width: 100%; height: auto; border-radius: 12px; }
  .app-block { margin: 32px 0; }
</style>${o.head}</head><body>
<header><strong>${esc(o.shopName)}</strong><a href="/storefront?locale=${o.locale}">${c.products}</a><span class="spacer"></span>
<span>${o.customerId ? `${c.account}: #${esc(o.customerId)} · <a href="/storefront/_logout?locale=${o.locale}">${c.logout}</a>` : `${c.guest} · <a href="/storefront/_login?locale=${o.locale}">${c.login}</a>`}</span>
<a href="${esc(o.path)}?locale=${other}" hreflang="${other}">${other === "ja" ? "日本語" : "English"}</a></header>
<main>${o.main}</main>
<footer>${c.footer}</footer>${o.body}</body></html>`;
}

export function homeMain(
  products: StorefrontProduct[],
  locale: "ja" | "en",
): string {
  return `<h1>${copy[locale].products}</h1><div class="grid">${products
    .map(
      (p) =>
        `<a class="card" href="/storefront/products/${esc(p.handle)}?locale=${locale}"><img src="${esc(p.imageUrl ?? "")}" alt="" width="300" height="300"><div>${esc(p.title)}</div><div>¥${Number(p.priceAmount).toLocaleString("ja-JP")}</div></a>`,
    )
    .join("")}</div>`;
}

/**
 * An online-store page, as a theme's page template renders it: the page's title, then the
 * section's app blocks. The demo's pages have titles of their own; any other handle is its title.
 */
export function pageMain(
  handle: string,
  locale: "ja" | "en",
  blocks: string,
): string {
  const pages: Record<string, string> = copy[locale].pages;
  return `<h1>${esc(pages[handle] ?? handle)}</h1>${blocks}`;
}

export function productMain(
  p: StorefrontProduct,
  locale: "ja" | "en",
  blocks: string,
): string {
  return `<p><a href="/storefront?locale=${locale}">← ${copy[locale].back}</a></p><div class="product"><img src="${esc(p.imageUrl ?? "")}" alt="${esc(p.title)}" width="420" height="420"><div><p>${esc(p.vendor)}</p><h1>${esc(p.title)}</h1><p>¥${Number(p.priceAmount).toLocaleString("ja-JP")}</p>${p.descriptionHtml}</div></div>${blocks}`;
}
