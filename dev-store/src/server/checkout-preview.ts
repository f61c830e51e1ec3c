import { escapeHtml as esc } from "./html";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { parse } from "smol-toml";
import { findMetafield } from "../graphql/views";
import type { Order } from "../seed/types";
import { gid, type State } from "../state";
import { hostDocument, type HostConfig } from "./ui-extension-host";

/**
 * A stand-in for Shopify's thank-you and order-status pages, so the app's UI extensions run in a
 * normal browser: the extension is bundled like Shopify CLI does (esbuild, Preact), and a small
 * host (ui-extension-host.ts) gives it what Shopify's would — a `shopify` global for its target
 * (order, lines, app metafields, language, translations, a session token signed with the app's
 * secret) and plain renderings of the `s-` elements it uses. Calls to the app's production URL
 * are sent to the local app.
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
    for (const m of text.matchAll(
      /module\s*=\s*"([^"]+)"\s*\ntarget\s*=\s*"([^"]+)"/g,
    ))
      out.push({
        extension: name,
        target: m[2],
        module: path.join(extensionsDir, name, m[1]),
      });
  }
  return out;
}

const bundles = new Map<string, Promise<string>>();

export function bundleTarget(t: UiTarget): Promise<string> {
  const key = `${t.module}:${t.target}`;
  let hit = bundles.get(key);
  if (!hit) {
    hit = build({
      entryPoints: [t.module],
      bundle: true,
      format: "esm",
      target: "es2020",
      write: false,
      jsx: "automatic",
      jsxImportSource: "preact",
      logLevel: "silent",
    }).then((r) => r.outputFiles[0].text);
    // A failed build is not cached, so fixing the source and reloading works.
    hit.catch(() => bundles.delete(key));
    bundles.set(key, hit);
  }
  return hit;
}

export function extensionStrings(
  extensionsDir: string,
  extension: string,
  locale: string,
): Record<string, unknown> {
  const dir = path.join(extensionsDir, extension, "locales");
  const file = [
    path.join(dir, `${locale}.json`),
    path.join(dir, `${locale}.default.json`),
    path.join(dir, "en.default.json"),
  ].find(existsSync);
  return file
    ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>)
    : {};
}

/**
 * The metafields an extension declares (`[[extensions.metafields]]` in its toml): Shopify gives an
 * extension's `appMetafields` only those.
 */
export function declaredMetafields(
  extensionsDir: string,
  extension: string,
): { namespace: string; key: string }[] {
  const file = path.join(extensionsDir, extension, "shopify.extension.toml");
  if (!existsSync(file)) return [];
  const toml = parse(readFileSync(file, "utf8")) as {
    extensions?: { metafields?: { namespace?: unknown; key?: unknown }[] }[];
  };
  return (toml.extensions ?? [])
    .flatMap((e) => e.metafields ?? [])
    .flatMap((m) =>
      typeof m.namespace === "string" && typeof m.key === "string"
        ? [{ namespace: m.namespace, key: m.key }]
        : [],
    );
}

/** The order's lines as a UI extension's `shopify.lines` carries them (CartLine, 2026-07). */
export function orderLines(state: State, order: Order) {
  return order.lines.map((l) => {
    const product = state.productById.get(l.productId);
    const variant = state.variantById.get(l.variantId);
    return {
      id: gid("CartLine", l.legacyId),
      quantity: l.quantity,
      merchandise: {
        type: "variant",
        id: gid("ProductVariant", l.variantId),
        title: l.title,
        subtitle:
          variant && variant.title !== "Default Title"
            ? variant.title
            : undefined,
        sku: variant?.sku,
        selectedOptions: [],
        product: {
          id: gid("Product", l.productId),
          vendor: product?.vendor ?? "",
          productType: product?.productType ?? "",
        },
        requiresShipping: true,
      },
      cost: {
        totalAmount: { amount: l.price * l.quantity, currencyCode: "JPY" },
      },
      attributes: [],
      discountAllocations: [],
      lineComponents: [],
    };
  });
}

const valueType = (type: string) =>
  type === "json" || type.startsWith("list.")
    ? "json_string"
    : type === "boolean"
      ? "boolean"
      : type === "number_integer"
        ? "integer"
        : type === "number_decimal"
          ? "float"
          : "string";

/**
 * `shopify.appMetafields` for the order's products: the declared metafields each product has,
 * with app-owned namespaces given back in the `$app:` form the extension asked for.
 */
export function productAppMetafields(
  state: State,
  order: Order,
  declared: { namespace: string; key: string }[],
) {
  const productIds = [...new Set(order.lines.map((l) => l.productId))];
  return productIds.flatMap((id) => {
    const product = state.productById.get(id);
    if (!product) return [];
    return declared.flatMap((d) => {
      const m = findMetafield(product.metafields, d.namespace, d.key);
      return m
        ? [
            {
              target: { type: "product", id: gid("Product", id) },
              metafield: {
                namespace: d.namespace,
                key: d.key,
                value: m.value,
                valueType: valueType(m.type),
                type: m.type,
              },
            },
          ]
        : [];
    });
  });
}

export const THANK_YOU_TARGET = "purchase.thank-you.block.render";
export const ORDER_STATUS_TARGET = "customer-account.order-status.block.render";

export interface PageOptions {
  state: State;
  orderId: number;
  locale: "ja" | "en";
  targets: UiTarget[];
  extensionsDir: string;
  appOrigin: string;
  productionOrigin: string;
}

/** Each extension of `target` in its own frame, like Shopify's sandbox; each frame reports its height. */
function mounts(
  o: PageOptions,
  target: string,
  config: (t: UiTarget) => Pick<HostConfig, "tokenUrl" | "signals">,
): string {
  const frames = o.targets
    .filter((t) => t.target === target)
    .map((t, i) => {
      const host: HostConfig = {
        module: `/storefront/ui-ext/${encodeURIComponent(t.extension)}/${encodeURIComponent(t.target)}.js`,
        target: t.target,
        strings: extensionStrings(o.extensionsDir, t.extension, o.locale),
        locale: o.locale,
        rewrite: { from: o.productionOrigin, to: o.appOrigin },
        ...config(t),
      };
      return `<section class="ui-ext" data-ext="${esc(t.extension)}"><iframe title="${esc(t.extension)}" srcdoc="${esc(hostDocument(host))}" style="width:100%;border:0;min-height:60px" data-index="${i}"></iframe></section>`;
    })
    .join("");
  return `${frames}
<script>
  addEventListener("message", (e) => {
    if (!e.data || e.data.type !== "ui-ext-height") return;
    for (const f of document.querySelectorAll("iframe")) if (f.contentWindow === e.source) f.style.height = e.data.height + "px";
  });
</script>`;
}

const copy = {
  ja: {
    title: "ご注文ありがとうございます",
    order: "注文",
    total: "合計",
    note: "開発用ストアのサンクスページ(チェックアウトUI拡張機能のプレビュー)",
    status: "注文状況を見る",
    statusTitle: "注文",
    statusNote:
      "開発用ストアの注文状況ページ(顧客アカウントUI拡張機能のプレビュー)",
    signedIn: "ログイン中",
    placed: "注文日",
  },
  en: {
    title: "Thank you for your order",
    order: "Order",
    total: "Total",
    note: "Dev store thank-you page (checkout UI extension preview)",
    status: "View order status",
    statusTitle: "Order",
    statusNote:
      "Dev store order status page (customer account UI extension preview)",
    signedIn: "Signed in as",
    placed: "Placed",
  },
};

const yen = (order: Order) =>
  `¥${order.lines.reduce((sum, l) => sum + Number(l.price) * l.quantity, 0).toLocaleString("ja-JP")}`;
const lineList = (order: Order) =>
  `<ul>${order.lines.map((l) => `<li>${esc(l.title)} × ${l.quantity}</li>`).join("")}</ul>`;

/** The thank-you page for one order, with every thank-you block extension mounted below it. */
export function thankYouMain(o: PageOptions): string | null {
  const order = o.state.orderById.get(o.orderId);
  const c = copy[o.locale];
  if (!order) return null;
  const customer = order.customerId
    ? o.state.customerById.get(order.customerId)
    : null;
  const frames = mounts(o, THANK_YOU_TARGET, (t) => ({
    tokenUrl: "/storefront/_checkout-token",
    signals: {
      orderConfirmation: {
        order: { id: `gid://shopify/OrderIdentity/${order.legacyId}` },
        number: String(order.number),
        isFirstOrder: (customer?.orderIds.length ?? 1) <= 1,
      },
      checkoutToken: o.state.checkoutToken(order),
      lines: orderLines(o.state, order),
      appMetafields: productAppMetafields(
        o.state,
        order,
        declaredMetafields(o.extensionsDir, t.extension),
      ),
    },
  }));
  const status = customer
    ? `<p><a href="/storefront/orders/${order.legacyId}/status?locale=${o.locale}">${c.status}</a></p>`
    : "";
  return `<p class="dev-note" style="color:#777;font-size:13px">${c.note}</p>
<h1>${c.title}</h1>
<p>${c.order} ${esc(order.name)} · ${c.total} ${yen(order)}</p>
${lineList(order)}
${frames}
${status}`;
}

/**
 * The customer-account order-status page for one order, seen as the order's customer (a guest
 * order has none: null), with every order-status block extension mounted below it.
 */
export function orderStatusMain(o: PageOptions): string | null {
  const order = o.state.orderById.get(o.orderId);
  const customer = order?.customerId
    ? o.state.customerById.get(order.customerId)
    : null;
  if (!order || !customer) return null;
  const c = copy[o.locale];
  const frames = mounts(o, ORDER_STATUS_TARGET, (t) => ({
    tokenUrl: `/storefront/_customer-account-token?order=${order.legacyId}`,
    signals: {
      order: {
        id: gid("Order", order.legacyId),
        name: order.name,
        processedAt: order.processedAt,
      },
      lines: orderLines(o.state, order),
      appMetafields: productAppMetafields(
        o.state,
        order,
        declaredMetafields(o.extensionsDir, t.extension),
      ),
    },
  }));
  const name =
    customer.locale === "ja"
      ? `${customer.lastName} ${customer.firstName}`
      : `${customer.firstName} ${customer.lastName}`;
  return `<p class="dev-note" style="color:#777;font-size:13px">${c.statusNote} · ${c.signedIn} ${esc(name)}</p>
<h1>${c.statusTitle} ${esc(order.name)}</h1>
<p>${c.placed} ${esc(order.processedAt.slice(0, 10))} · ${c.total} ${yen(order)}</p>
${lineList(order)}
${frames}`;
}
