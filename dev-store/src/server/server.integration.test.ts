import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevStore } from "../store";
import { proxySignature, sessionToken, signJwt } from "./crypto";
import { startDevStore } from "./server";

/** The dev store's HTTP face against a fake app that records what Shopify would send it. */
const SECRET = "dev-store-test-secret";
const API_KEY = "7a5f1c2e9b3d4e6f8a0b1c2d3e4f5a6b";
type Received = {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
};
const received: Received[] = [];
let failNext = 0;
let app: Server;
let appUrl: string;
let store: Awaited<ReturnType<typeof startDevStore>>;

beforeAll(async () => {
  app = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body });
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end();
      } else
        res
          .writeHead(200, { "Content-Type": "application/json" })
          .end(JSON.stringify({ ok: true, url: req.url }));
    });
  });
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  store = await startDevStore({
    port: 0,
    appUrl,
    apiKey: API_KEY,
    apiSecret: SECRET,
    appTomlPath: path.resolve("shopify.app.toml"),
    extensionsDir: path.resolve("dev-store/test-fixtures/extensions"),
    core: createDevStore({
      baseUrl: "http://127.0.0.1",
      now: new Date("2026-11-01T00:00:00Z"),
    }),
    webhooks: { retryDelaysMs: [50, 50] },
  });
});

afterAll(async () => {
  await store.close();
  await new Promise((r) => app.close(r));
});

const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${store.url}${p}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

async function offlineToken(): Promise<string> {
  const res = await post("/admin/oauth/access_token", {
    client_id: API_KEY,
    client_secret: SECRET,
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token: sessionToken({
      shop: store.core.shop,
      apiKey: API_KEY,
      secret: SECRET,
    }),
    subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
    requested_token_type:
      "urn:shopify:params:oauth:token-type:offline-access-token",
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { access_token: string; scope: string };
  expect(body.scope).toBe(
    "read_customers,read_fulfillments,read_locales,read_orders,read_products,write_app_proxy,write_customers,write_products",
  );
  return body.access_token;
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++)
    await new Promise((r) => setTimeout(r, 20));
};

describe("OAuth", () => {
  it("exchanges a valid session token and rejects forged or expired ones", async () => {
    await offlineToken();
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: `https://${store.core.shop}/admin`,
      dest: `https://${store.core.shop}`,
      aud: API_KEY,
      sub: "1",
      nbf: now,
      iat: now,
    };
    for (const subject of [
      signJwt({ ...claims, exp: now + 60 }, "wrong-secret"),
      signJwt({ ...claims, exp: now - 600 }, SECRET),
    ]) {
      const res = await post("/admin/oauth/access_token", {
        client_id: API_KEY,
        client_secret: SECRET,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: subject,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: "invalid_subject_token",
      });
    }
    expect(
      (
        await post("/admin/oauth/access_token", {
          client_id: API_KEY,
          client_secret: "nope",
        })
      ).status,
    ).toBe(401);
  });

  it("issues expiring offline tokens and refreshes them once", async () => {
    const res = await post("/admin/oauth/access_token", {
      client_id: API_KEY,
      client_secret: SECRET,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      expiring: "1",
      subject_token: sessionToken({
        shop: store.core.shop,
        apiKey: API_KEY,
        secret: SECRET,
      }),
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type:
        "urn:shopify:params:oauth:token-type:offline-access-token",
    });
    const body = (await res.json()) as {
      access_token: string;
      expires_in: number;
      refresh_token: string;
      refresh_token_expires_in: number;
    };
    expect(body.expires_in).toBe(3600);
    expect(body.refresh_token).toMatch(/^shprt_/);
    const refresh = () =>
      post("/admin/oauth/access_token", {
        client_id: API_KEY,
        client_secret: SECRET,
        grant_type: "refresh_token",
        refresh_token: body.refresh_token,
      });
    const first = await refresh();
    expect(first.status).toBe(200);
    expect((await first.json()).access_token).not.toBe(body.access_token);
    expect((await refresh()).status).toBe(400);
  });

  it("runs the authorization-code grant with a signed redirect", async () => {
    const res = await fetch(
      `${store.url}/admin/oauth/authorize?client_id=${API_KEY}&scope=read_orders&redirect_uri=${encodeURIComponent(appUrl + "/auth/callback")}&state=xyz`,
      { redirect: "manual" },
    );
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get("location")!);
    const params = Object.fromEntries(back.searchParams);
    const { hmac, ...rest } = params;
    const message = Object.keys(rest)
      .sort()
      .map((k) => `${k}=${rest[k]}`)
      .join("&");
    expect(hmac).toBe(
      createHmac("sha256", SECRET).update(message).digest("hex"),
    );
    const token = await post("/admin/oauth/access_token", {
      client_id: API_KEY,
      client_secret: SECRET,
      code: params.code,
    });
    expect(token.status).toBe(200);
    expect(
      (
        await post("/admin/oauth/access_token", {
          client_id: API_KEY,
          client_secret: SECRET,
          code: params.code,
        })
      ).status,
    ).toBe(400);
  });
});

describe("Admin GraphQL endpoint", () => {
  it("answers 401 without a valid token and runs queries with one", async () => {
    expect(
      (
        await post("/admin/api/2026-07/graphql.json", {
          query: "{ shop { name } }",
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await post(
          "/admin/api/2026-07/graphql.json",
          { query: "{ shop { name } }" },
          { "X-Shopify-Access-Token": "shpat_forged" },
        )
      ).status,
    ).toBe(401);
    const token = await offlineToken();
    const res = await post(
      "/admin/api/2026-07/graphql.json",
      { query: "query Shop { shop { name } }" },
      { "X-Shopify-Access-Token": token },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      data: { shop: { name: "つなぐ開発ストア" } },
    });
  });

  it("rejects a body that is not JSON", async () => {
    const token = await offlineToken();
    const res = await fetch(`${store.url}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: { "X-Shopify-Access-Token": token },
      body: "{",
    });
    expect(res.status).toBe(400);
  });
});

describe("webhook delivery", () => {
  it("signs each delivery with the app secret and sends Shopify's headers", async () => {
    received.length = 0;
    expect((await post("/_dev/events/order", {})).status).toBe(201);
    await waitFor(() =>
      received.some((r) => r.path === "/webhooks/orders/create"),
    );
    const hit = received.find((r) => r.path === "/webhooks/orders/create")!;
    expect(hit.headers["x-shopify-hmac-sha256"]).toBe(
      createHmac("sha256", SECRET).update(hit.body).digest("base64"),
    );
    expect(hit.headers).toMatchObject({
      "x-shopify-topic": "orders/create",
      "x-shopify-shop-domain": store.core.shop,
      "x-shopify-api-version": "2026-07",
    });
    expect(hit.headers["x-shopify-webhook-id"]).toBeTruthy();
    expect(hit.headers["x-shopify-event-id"]).toBeTruthy();
  });

  it("retries a failed delivery with the same webhook id, then gives up", async () => {
    received.length = 0;
    failNext = 10;
    await post("/_dev/events/customer", { email: "retry@example.jp" });
    await waitFor(() => received.length >= 3);
    await new Promise((r) => setTimeout(r, 200));
    const attempts = received.filter(
      (r) => r.path === "/webhooks/customers/create",
    );
    expect(attempts).toHaveLength(3);
    expect(
      new Set(attempts.map((a) => a.headers["x-shopify-webhook-id"])).size,
    ).toBe(1);
    expect(
      store
        .deliveries()
        .find(
          (d) => d.webhookId === attempts[0].headers["x-shopify-webhook-id"],
        )?.state,
    ).toBe("failed");
    failNext = 0;
  });

  it("delivers duplicates with identical ids when switched on", async () => {
    received.length = 0;
    await post("/_dev/webhooks/duplicates", { on: true });
    await post("/_dev/events/customer", { email: "twice@example.jp" });
    await waitFor(() => received.length >= 2);
    await post("/_dev/webhooks/duplicates", { on: false });
    const hits = received.filter(
      (r) => r.path === "/webhooks/customers/create",
    );
    expect(hits).toHaveLength(2);
    expect(hits[0].headers["x-shopify-webhook-id"]).toBe(
      hits[1].headers["x-shopify-webhook-id"],
    );
    expect(hits[0].body).toBe(hits[1].body);
  });

  it("refuses bad event input with 422 and stores nothing", async () => {
    const before = store.core.state.orders.length;
    const res = await post("/_dev/events/order", {
      lines: [{ variantId: "gid://shopify/ProductVariant/1", quantity: -1 }],
    });
    expect(res.status).toBe(422);
    expect((await post("/_dev/events/nope", {})).status).toBe(404);
    expect(store.core.state.orders.length).toBe(before);
  });
});

describe("collections", () => {
  it("are offered to the resource picker and change through the event API, which sends collections/update", async () => {
    const list = (await (
      await fetch(`${store.url}/admin/_resources?type=collection`)
    ).json()) as { id: string; title: string; productsCount: number }[];
    const coffee = list.find((c) => c.title === "コーヒー")!;
    expect(coffee.productsCount).toBeGreaterThan(0);
    const products = (await (
      await fetch(`${store.url}/admin/_resources?type=product`)
    ).json()) as { id: string; vendor: string; variants: { id: string }[] }[];
    expect(products[0].variants[0].id).toMatch(
      /^gid:\/\/shopify\/ProductVariant\/\d+$/,
    );
    expect(
      (await fetch(`${store.url}/admin/_resources?type=page`)).status,
    ).toBe(422);

    const before = received.length;
    const res = await post("/_dev/events/collection", {
      collectionId: coffee.id,
      add: [products[0].id],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      collectionId: coffee.id,
      productsCount: coffee.productsCount + 1,
    });
    await waitFor(() => received.length > before);
    const hit = received
      .slice(before)
      .find((r) => r.path === "/webhooks/collections/update")!;
    expect(hit.headers["x-shopify-topic"]).toBe("collections/update");
    expect(JSON.parse(hit.body)).toMatchObject({
      admin_graphql_api_id: coffee.id,
      title: "コーヒー",
    });

    expect(
      (
        await post("/_dev/events/collection", {
          collectionId: coffee.id,
          delete: true,
          title: "x",
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await post("/_dev/events/collection", {
          collectionId: "gid://shopify/Collection/1",
          add: [products[0].id],
        })
      ).status,
    ).toBe(422);
  });
});

describe("app proxy", () => {
  it("forwards with Shopify's signed parameters, keeping path, query and body", async () => {
    received.length = 0;
    const res = await fetch(
      `${store.url}/apps/tsunagu/faq/events?q=%E9%80%81%E6%96%99&x=1&x=2`,
      {
        method: "POST",
        body: "hello",
        headers: { "Content-Type": "text/plain" },
      },
    );
    expect(res.status).toBe(200);
    const hit = received[0];
    const url = new URL(hit.path, appUrl);
    expect(url.pathname).toBe("/proxy/faq/events");
    expect(hit.body).toBe("hello");
    const params: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys()))
      if (key !== "signature")
        params[key] =
          url.searchParams.getAll(key).length > 1
            ? url.searchParams.getAll(key)
            : url.searchParams.get(key)!;
    expect(params).toMatchObject({
      shop: store.core.shop,
      path_prefix: "/apps/tsunagu",
      logged_in_customer_id: "",
      q: "送料",
      x: ["1", "2"],
    });
    expect(url.searchParams.get("signature")).toBe(
      proxySignature(params, SECRET),
    );
  });

  it("signs so that Shopify's own library accepts it, and rejects tampering", async () => {
    const { shopifyApi, ApiVersion } = await import("@shopify/shopify-api");
    await import("@shopify/shopify-api/adapters/node");
    const api = shopifyApi({
      apiKey: API_KEY,
      apiSecretKey: SECRET,
      hostName: "127.0.0.1",
      apiVersion: ApiVersion.July26,
      isEmbeddedApp: true,
      logger: { level: 0 },
    });
    const params = {
      extra: ["1", "2"],
      logged_in_customer_id: "1",
      path_prefix: "/apps/awesome_reviews",
      shop: "shop-name.myshopify.com",
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    const signature = proxySignature(params, SECRET);
    const query = { ...params, extra: "1,2", signature } as never;
    expect(await api.utils.validateHmac(query, { signator: "appProxy" })).toBe(
      true,
    );
    expect(
      await api.utils.validateHmac(
        { ...(query as object), logged_in_customer_id: "2" } as never,
        { signator: "appProxy" },
      ),
    ).toBe(false);
  });
});

describe("storefront preview", () => {
  it("renders a theme block with its settings, translations and app metafields", async () => {
    store.core.state.appMetafields.push({
      id: "gid://shopify/Metafield/1",
      namespace: "app--1--tsunagu",
      key: "greeting",
      type: "json",
      value: JSON.stringify({ text: "<b>hi</b>" }),
      createdAt: "",
      updatedAt: "",
    });
    const product = store.core.listProducts({ first: 1 })[0];
    const ja = await (
      await fetch(
        `${store.url}/storefront/products/${product.handle}?locale=ja`,
      )
    ).text();
    expect(ja).toContain("<h2>Settings heading</h2>");
    expect(ja).toContain("つなぐ開発ストアへようこそ");
    expect(ja).toContain('<p class="title">こんにちは</p>');
    expect(ja).toContain("&lt;b&gt;hi&lt;/b&gt;");
    const en = await (
      await fetch(
        `${store.url}/storefront/products/${product.handle}?locale=en`,
      )
    ).text();
    expect(en).toContain("Welcome to つなぐ開発ストア");
    expect(en).toContain('<p class="title">Hello</p>');
  });

  it("stays in the language the shopper chose on a link without it", async () => {
    const chosen = await fetch(`${store.url}/storefront?locale=en`);
    const cookie = chosen.headers.get("set-cookie")!.split(";")[0];
    expect(cookie).toBe("dev_locale=en");
    const page = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${store.url}${path}`, { headers }).then((r) => r.text());
    expect(await page("/storefront/pages/faq", { cookie })).toContain(
      '<html lang="en"',
    );
    // Without the cookie, and where ?locale= says otherwise, as before.
    expect(await page("/storefront/pages/faq")).toContain('<html lang="ja"');
    expect(await page("/storefront/pages/faq?locale=ja", { cookie })).toContain(
      '<html lang="ja"',
    );
  });
});

describe("order-status page", () => {
  it("is seen as the order's customer, whose customer-account token it mints; guests' orders have none", async () => {
    const order = store.core.state.orders.find((o) => o.customerId)!;
    const guest = store.core.state.orders.find((o) => !o.customerId)!;
    const page = await fetch(
      `${store.url}/storefront/orders/${order.legacyId}/status?locale=en`,
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<h1>Order ${order.name}</h1>`);
    const res = await post(
      `/storefront/_customer-account-token?order=${order.legacyId}`,
      {},
    );
    const { token } = (await res.json()) as { token: string };
    const [, body] = token.split(".");
    const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    expect(claims).toMatchObject({
      dest: store.core.shop,
      aud: API_KEY,
      sub: `gid://shopify/Customer/${order.customerId}`,
    });
    expect(
      createHmac("sha256", SECRET)
        .update(token.split(".").slice(0, 2).join("."))
        .digest("base64url"),
    ).toBe(token.split(".")[2]);
    expect(
      (await fetch(`${store.url}/storefront/orders/${guest.legacyId}/status`))
        .status,
    ).toBe(404);
    expect(
      (
        await post(
          `/storefront/_customer-account-token?order=${guest.legacyId}`,
          {},
        )
      ).status,
    ).toBe(404);
  });
});
