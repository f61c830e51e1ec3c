import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createDevStore } from "../store";
import {
  declaredMetafields,
  discoverUiTargets,
  orderLines,
  orderStatusMain,
  productAppMetafields,
  thankYouMain,
} from "./checkout-preview";
import { checkoutToken, customerAccountToken, verifyJwt } from "./crypto";
import type { HostConfig } from "./ui-extension-host";

/** The thank-you and order-status pages' extension hosts, against the app's real extensions. */
const extensionsDir = path.resolve("extensions");
const store = createDevStore({
  baseUrl: "http://127.0.0.1:4400",
  now: new Date("2026-11-01T00:00:00Z"),
});
const order = store.state.orders.find(
  (o) => o.customerId && new Set(o.lines.map((l) => l.productId)).size > 1,
)!;
const guest = store.state.orders.find((o) => !o.customerId)!;
const [first, second] = [...new Set(order.lines.map((l) => l.productId))];
const tutorials = {
  items: [
    {
      kind: "video",
      locales: { ja: { title: "組み立て動画", url: "https://example.com/ja" } },
    },
  ],
};

const page = (orderId: number, locale: "ja" | "en" = "ja") => ({
  state: store.state,
  orderId,
  locale,
  targets: discoverUiTargets(extensionsDir),
  extensionsDir,
  appOrigin: "http://127.0.0.1:3000",
  productionOrigin: "https://tsunagu.example.com",
});

/** The configs of the frames a page mounts, read back out of their srcdoc. */
function hosts(html: string): HostConfig[] {
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return [...html.matchAll(/srcdoc="([^"]*)"/g)].map(
    (m) =>
      JSON.parse(
        /const config = (.*);\n/.exec(unescape(m[1]))![1],
      ) as HostConfig,
  );
}

beforeAll(async () => {
  // What the app publishes for a product: the tutorials in its own namespace ($app:tsunagu).
  const res = await store.execute({
    version: "2026-07",
    query: `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { message } } }`,
    variables: {
      m: [
        {
          ownerId: `gid://shopify/Product/${first}`,
          namespace: "$app:tsunagu",
          key: "tutorials",
          type: "json",
          value: JSON.stringify(tutorials),
        },
        {
          ownerId: `gid://shopify/Product/${second}`,
          namespace: "custom",
          key: "tutorials",
          type: "json",
          value: "{}",
        },
      ],
    },
    scopes: ["read_products", "write_products"],
    bucketKey: "test",
  });
  expect(
    (res.body as { data: { metafieldsSet: { userErrors: unknown[] } } }).data
      .metafieldsSet.userErrors,
  ).toEqual([]);
});

describe("extension discovery", () => {
  it("finds both blocks and the metafields each declares", () => {
    expect(
      discoverUiTargets(extensionsDir).map((t) => `${t.extension}:${t.target}`),
    ).toEqual(
      expect.arrayContaining([
        "tsunagu-thank-you:purchase.thank-you.block.render",
        "tsunagu-order-status:customer-account.order-status.block.render",
      ]),
    );
    for (const ext of ["tsunagu-thank-you", "tsunagu-order-status"])
      expect(declaredMetafields(extensionsDir, ext)).toEqual([
        { namespace: "$app:tsunagu", key: "tutorials" },
      ]);
  });
});

describe("lines and app metafields", () => {
  it("gives the order's lines with product gids, titles and quantities", () => {
    const lines = orderLines(store.state, order);
    expect(lines).toHaveLength(order.lines.length);
    expect(lines[0]).toMatchObject({
      quantity: order.lines[0].quantity,
      merchandise: {
        type: "variant",
        id: `gid://shopify/ProductVariant/${order.lines[0].variantId}`,
        title: order.lines[0].title,
        product: { id: `gid://shopify/Product/${order.lines[0].productId}` },
      },
    });
  });

  it("gives only the declared metafield of the order's products, in the $app: form", () => {
    const entries = productAppMetafields(store.state, order, [
      { namespace: "$app:tsunagu", key: "tutorials" },
    ]);
    expect(entries).toEqual([
      {
        target: { type: "product", id: `gid://shopify/Product/${first}` },
        metafield: {
          namespace: "$app:tsunagu",
          key: "tutorials",
          value: JSON.stringify(tutorials),
          valueType: "json_string",
          type: "json",
        },
      },
    ]);
    expect(productAppMetafields(store.state, order, [])).toEqual([]);
  });
});

describe("thank-you page", () => {
  it("mounts the thank-you block with the order confirmation, lines, tutorials and the checkout token", () => {
    const html = thankYouMain(page(order.legacyId))!;
    const [host] = hosts(html);
    expect(host).toMatchObject({
      target: "purchase.thank-you.block.render",
      module:
        "/storefront/ui-ext/tsunagu-thank-you/purchase.thank-you.block.render.js",
      tokenUrl: "/storefront/_checkout-token",
      locale: "ja",
    });
    expect(host.signals.orderConfirmation).toMatchObject({
      order: { id: `gid://shopify/OrderIdentity/${order.legacyId}` },
      number: String(order.number),
    });
    expect(host.signals.lines).toEqual(orderLines(store.state, order));
    // shopify.checkoutToken: the order's Order.checkoutToken, and another order's differs.
    expect(host.signals.checkoutToken).toBe(store.state.checkoutToken(order));
    expect(host.signals.checkoutToken).toMatch(/^[0-9a-f]{32}$/);
    expect(store.state.checkoutToken(guest)).not.toBe(
      host.signals.checkoutToken,
    );
    expect(host.signals.appMetafields).toHaveLength(1);
    expect(
      (host.strings as { tracking: { heading: string } }).tracking.heading,
    ).toBe("配送状況");
    expect(html).toContain(
      `href="/storefront/orders/${order.legacyId}/status?locale=ja"`,
    );
    expect(thankYouMain(page(guest.legacyId))).not.toContain("/status");
  });
});

describe("order-status page", () => {
  it("mounts the order-status block with the order, lines, tutorials and a customer-account token for this order", () => {
    const html = orderStatusMain(page(order.legacyId, "en"))!;
    expect(html).toContain(`<h1>Order ${order.name}</h1>`);
    const [host] = hosts(html);
    expect(host).toMatchObject({
      target: "customer-account.order-status.block.render",
      module:
        "/storefront/ui-ext/tsunagu-order-status/customer-account.order-status.block.render.js",
      tokenUrl: `/storefront/_customer-account-token?order=${order.legacyId}`,
      locale: "en",
    });
    expect(host.signals.order).toEqual({
      id: `gid://shopify/Order/${order.legacyId}`,
      name: order.name,
      processedAt: order.processedAt,
    });
    expect(host.signals.lines).toEqual(orderLines(store.state, order));
    // The order-status page is the customer's account, not a checkout: no checkout token.
    expect(host.signals.checkoutToken).toBeUndefined();
    expect(host.signals.appMetafields).toHaveLength(1);
    expect(
      (host.strings as { tracking: { heading: string } }).tracking.heading,
    ).toBe("Shipping");
    expect(host.rewrite).toEqual({
      from: "https://tsunagu.example.com",
      to: "http://127.0.0.1:3000",
    });
  });

  it("has no page for an unknown order or a guest's (customer accounts need a customer)", () => {
    expect(orderStatusMain(page(1))).toBeNull();
    expect(orderStatusMain(page(guest.legacyId))).toBeNull();
  });
});

describe("session tokens", () => {
  const opts = {
    shop: "tsunagu-dev.myshopify.com",
    apiKey: "api-key",
    secret: "s3cret",
  };

  it("a customer-account token names the shop, the app and the customer, for five minutes", () => {
    const claims = verifyJwt(
      customerAccountToken({ ...opts, customerId: 7000000000001 }),
      opts.secret,
    )!;
    expect(claims).toMatchObject({
      dest: "tsunagu-dev.myshopify.com",
      aud: "api-key",
      sub: "gid://shopify/Customer/7000000000001",
    });
    expect(claims.exp).toBe((claims.iat as number) + 300);
    expect(claims.nbf).toBe(claims.iat);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      verifyJwt(
        customerAccountToken({ ...opts, customerId: 1 }),
        "other-secret",
      ),
    ).toBeNull();
  });

  it("a checkout token names the buyer only when logged in", () => {
    expect(
      verifyJwt(checkoutToken({ ...opts, customerId: null }), opts.secret),
    ).not.toHaveProperty("sub");
    expect(
      verifyJwt(checkoutToken({ ...opts, customerId: "42" }), opts.secret),
    ).toMatchObject({
      iss: "https://tsunagu-dev.myshopify.com/checkouts",
      dest: "https://tsunagu-dev.myshopify.com",
      aud: "api-key",
      sub: "gid://shopify/Customer/42",
    });
  });
});
