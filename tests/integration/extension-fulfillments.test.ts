import { createHmac, randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { unauthenticated } from "~/shopify.server";
import * as checkoutRoute from "~/routes/api.checkout.fulfillments";
import * as accountRoute from "~/routes/api.customer-account.fulfillments";
import { createDevStore } from "../../dev-store/src/store";
import { resetDatabase } from "../support/db";
import { devStoreAdmin } from "../support/dev-store-admin";
import { callRoute, installShop } from "../support/proxy";

/**
 * The shipments the thank-you and order-status extensions show: session tokens like Shopify's
 * (HS256 with the app secret), the order read from the dev store's Admin API, and only the
 * viewer's own orders.
 */
const core = createDevStore({
  baseUrl: "http://dev-store.test",
  counts: { customers: 20, orders: 30 },
});
const shop = core.shop;
const graphql = devStoreAdmin(core, {
  scopes: ["read_orders", "read_customers", "read_fulfillments"],
  bucketKey: "ful",
});

const b64 = (v: unknown) =>
  Buffer.from(JSON.stringify(v)).toString("base64url");
function token(o: { secret?: string; sub?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ dest: `https://${shop}`, aud: process.env.SHOPIFY_API_KEY, iat: now, nbf: now - 5, exp: now + 60, jti: randomUUID(), ...(o.sub ? { sub: o.sub } : {}) })}`;
  return `${body}.${createHmac(
    "sha256",
    o.secret ?? process.env.SHOPIFY_API_SECRET!,
  )
    .update(body)
    .digest("base64url")}`;
}
type Route = { loader: unknown; action: unknown };
const call = (
  route: Route,
  path: string,
  order: string,
  t: string,
  method = "GET",
  checkout: string | null = null,
) =>
  callRoute(
    (method === "GET" ? route.loader : route.action) as never,
    new Request(
      `${process.env.SHOPIFY_APP_URL}${path}?order=${encodeURIComponent(order)}${checkout === null ? "" : `&checkout=${encodeURIComponent(checkout)}`}`,
      {
        method,
        headers: {
          Authorization: `Bearer ${t}`,
          Origin: "https://extensions.shopifycdn.com",
        },
      },
    ),
  );
/** The token of the checkout an order came from, as the thank-you page has it (`shopify.checkoutToken`). */
const checkoutOf = (id: string) =>
  /^\d{1,15}$/.test(id)
    ? core.state.checkoutToken({ legacyId: Number(id) })
    : null;
const thankYou = (
  order: string,
  t = token(),
  checkout: string | null = checkoutOf(order),
) =>
  call(checkoutRoute, "/api/checkout/fulfillments", order, t, "GET", checkout);
const orderStatus = (order: string, t: string) =>
  call(accountRoute, "/api/customer-account/fulfillments", order, t);

let buyer = "";
let other = "";
let order = "";
let oldOrder = "";

beforeAll(async () => {
  vi.spyOn(unauthenticated, "admin").mockImplementation(async (s: string) => {
    if (s !== shop) throw new Error(`unexpected shop ${s}`);
    return {
      session: { accessToken: "shpat_test" },
      admin: { graphql },
    } as never;
  });
  const [a, b] = core.state.customers;
  buyer = `gid://shopify/Customer/${a.legacyId}`;
  other = `gid://shopify/Customer/${b.legacyId}`;
  const v = (i: number) =>
    `gid://shopify/ProductVariant/${core.state.products[i].variants[0].legacyId}`;
  order = (
    await core.createOrder({
      customerId: buyer,
      lines: [
        { variantId: v(0), quantity: 1 },
        { variantId: v(1), quantity: 2 },
      ],
    })
  ).orderId
    .split("/")
    .pop()!;
  oldOrder = (
    await core.createOrder({
      customerId: buyer,
      lines: [{ variantId: v(0), quantity: 1 }],
      processedAt: new Date(Date.now() - 90 * 86_400_000).toISOString(),
    })
  ).orderId
    .split("/")
    .pop()!;
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await installShop(prisma, shop);
});

describe("shipments for the thank-you and order-status extensions", () => {
  it("says what is waiting to ship, then the carrier, number and link once it ships", async () => {
    const lines = core.state.orderById.get(Number(order))!.lines;
    const before = await thankYou(order);
    expect(before.status).toBe(200);
    expect(before.headers.get("access-control-allow-origin")).toBe("*");
    expect(await before.json()).toEqual({
      fulfillments: [],
      unfulfilled: lines.map((l) => ({ title: l.title, quantity: l.quantity })),
    });

    const { fulfillmentId } = await core.fulfillOrder(
      `gid://shopify/Order/${order}`,
      {
        company: "ヤマト運輸",
        number: "4455-6677-8899",
        url: "https://track.example/4455",
      },
    );
    const after = (await (
      await orderStatus(order, token({ sub: buyer }))
    ).json()) as {
      fulfillments: {
        displayStatus: string;
        tracking: unknown[];
        lines: unknown[];
      }[];
      unfulfilled: unknown[];
    };
    expect(after.unfulfilled).toEqual([]);
    expect(after.fulfillments).toHaveLength(1);
    expect(after.fulfillments[0]).toMatchObject({
      displayStatus: "IN_TRANSIT",
      tracking: [
        {
          company: "ヤマト運輸",
          number: "4455-6677-8899",
          url: "https://track.example/4455",
        },
      ],
      lines: lines.map((l) => ({ title: l.title, quantity: l.quantity })),
    });
    await core.markDelivered(fulfillmentId);
    expect(
      (
        (await (
          await thankYou(order, token({ sub: buyer }))
        ).json()) as typeof after
      ).fulfillments[0].displayStatus,
    ).toBe("DELIVERED");
  });

  it("shows the order-status page only the customer's own orders, old ones included", async () => {
    expect((await orderStatus(order, token())).status).toBe(404);
    expect((await orderStatus(order, token({ sub: other }))).status).toBe(404);
    expect((await orderStatus(oldOrder, token({ sub: buyer }))).status).toBe(
      200,
    );
  });

  it("shows the thank-you page its own checkout's order only, not one it names by id", async () => {
    // Another shopper's guest checkout: a valid session token, this order's id, not its checkout.
    expect((await thankYou(order, token(), null)).status).toBe(404);
    expect((await thankYou(order, token(), checkoutOf(oldOrder))).status).toBe(
      404,
    );
    expect((await thankYou(order, token(), "0".repeat(32))).status).toBe(404);
    // The logged-in customer the order belongs to needs no checkout token.
    expect((await thankYou(order, token({ sub: buyer }), null)).status).toBe(
      200,
    );
    for (const bad of ["", "a b", "<x>", "x".repeat(101)])
      expect((await thankYou(order, token(), bad)).status).toBe(400);
  });

  it("gives a checkout token a recent order only, and never another logged-in customer's", async () => {
    expect((await thankYou(order, token({ sub: other }), null)).status).toBe(
      404,
    );
    expect((await thankYou(oldOrder)).status).toBe(404);
    expect((await thankYou("999999999")).status).toBe(404);
  });

  it("rejects forged or missing tokens, bad ids and other methods, and writes nothing", async () => {
    expect((await thankYou(order, token({ secret: "forged" }))).status).toBe(
      401,
    );
    expect(
      (await orderStatus(order, token({ secret: "forged", sub: buyer })))
        .status,
    ).toBe(401);
    const bare = await callRoute(
      checkoutRoute.loader as never,
      new Request(
        `${process.env.SHOPIFY_APP_URL}/api/checkout/fulfillments?order=${order}`,
      ),
    );
    expect(bare.status).toBe(401);
    for (const bad of ["", "12ab", "1".repeat(21), "gid://shopify/Order/1"])
      expect((await thankYou(bad)).status).toBe(400);
    expect(
      (
        await call(
          checkoutRoute,
          "/api/checkout/fulfillments",
          order,
          token(),
          "POST",
        )
      ).status,
    ).toBe(405);
    expect(await prisma.session.count()).toBe(1);
  });
});
