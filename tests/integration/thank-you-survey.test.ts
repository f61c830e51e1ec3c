import { createHmac, randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { unauthenticated } from "~/shopify.server";
import { loader, action } from "~/routes/api.checkout.survey";
import { saveSurvey } from "~/surveys/surveys.server";
import { createDevStore } from "../../dev-store/src/store";
import { resetDatabase } from "../support/db";
import { devStoreAdmin } from "../support/dev-store-admin";
import { callRoute, installShop } from "../support/proxy";

/**
 * The thank-you page extension's backend: checkout session tokens (HS256 with the app secret,
 * like Shopify's), the order read from the dev store's Admin API, one answer per order.
 */
const core = createDevStore({
  baseUrl: "http://dev-store.test",
  counts: { customers: 20, orders: 30 },
});
const shop = core.shop;
const graphql = devStoreAdmin(core, {
  scopes: ["read_orders", "read_customers"],
  bucketKey: "ty",
});
let firstOrder = "";
let repeatOrder = "";
let oldOrder = "";
let guestOrder = "";
let survey = "";

const b64 = (v: unknown) =>
  Buffer.from(JSON.stringify(v)).toString("base64url");
function token(
  o: { secret?: string; dest?: string; exp?: number; sub?: string } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ dest: o.dest ?? `https://${shop}`, aud: process.env.SHOPIFY_API_KEY, iat: now, nbf: now - 5, exp: o.exp ?? now + 60, jti: randomUUID(), sub: o.sub })}`;
  return `${body}.${createHmac(
    "sha256",
    o.secret ?? process.env.SHOPIFY_API_SECRET!,
  )
    .update(body)
    .digest("base64url")}`;
}
const url = (q: Record<string, string>) =>
  `${process.env.SHOPIFY_APP_URL}/api/checkout/survey?${new URLSearchParams(q)}`;
/** The token of the checkout an order came from, as the thank-you page has it (`shopify.checkoutToken`). */
const checkoutOf = (order: unknown) =>
  typeof order === "string" && /^\d{1,15}$/.test(order)
    ? core.state.checkoutToken({ legacyId: Number(order) })
    : undefined;
/** As the thank-you page asks: with the token of the order's checkout, unless `own` is false. */
const get = (q: Record<string, string>, t = token(), own = true) => {
  const checkout = own ? checkoutOf(q.order) : undefined;
  return callRoute(
    loader as never,
    new Request(url(checkout ? { ...q, checkout } : q), {
      headers: {
        Authorization: `Bearer ${t}`,
        Origin: "https://extensions.shopifycdn.com",
      },
    }),
  );
};
const post = (body: unknown, t = token(), own = true) => {
  const checkout =
    own && typeof body === "object" && body && !("checkout" in body)
      ? checkoutOf((body as { order?: unknown }).order)
      : undefined;
  return callRoute(
    action as never,
    new Request(url({}), {
      method: "POST",
      body:
        typeof body === "string"
          ? body
          : JSON.stringify(checkout ? { ...(body as object), checkout } : body),
      headers: {
        Authorization: `Bearer ${t}`,
        "Content-Type": "application/json",
        Origin: "https://extensions.shopifycdn.com",
      },
    }),
  );
};

beforeAll(async () => {
  vi.spyOn(unauthenticated, "admin").mockImplementation(async (s: string) => {
    if (s !== shop) throw new Error(`unexpected shop ${s}`);
    return {
      session: { accessToken: "shpat_test" },
      admin: { graphql },
    } as never;
  });
  const variant = `gid://shopify/ProductVariant/${core.state.products[0].variants[0].legacyId}`;
  const newcomer = core.state.customers.find((c) => c.orderIds.length === 0)!;
  const regular = core.state.customers.find((c) => c.orderIds.length >= 1)!;
  firstOrder = (
    await core.createOrder({
      customerId: `gid://shopify/Customer/${newcomer.legacyId}`,
      lines: [{ variantId: variant, quantity: 1 }],
    })
  ).orderId
    .split("/")
    .pop()!;
  repeatOrder = (
    await core.createOrder({
      customerId: `gid://shopify/Customer/${regular.legacyId}`,
      lines: [{ variantId: variant, quantity: 1 }],
    })
  ).orderId
    .split("/")
    .pop()!;
  guestOrder = (
    await core.createOrder({ lines: [{ variantId: variant, quantity: 1 }] })
  ).orderId
    .split("/")
    .pop()!;
  oldOrder = (
    await core.createOrder({
      lines: [{ variantId: variant, quantity: 1 }],
      processedAt: new Date(Date.now() - 90 * 86_400_000).toISOString(),
    })
  ).orderId
    .split("/")
    .pop()!;
});

beforeEach(async () => {
  await resetDatabase(prisma);
  await installShop(prisma, shop);
  survey = (await saveSurvey(prisma, shop, null, {
    kind: "nps",
    question: { ja: "友人にすすめたいですか?", en: "Would you recommend us?" },
    choices: [],
    followUp: true,
    placements: ["thankyou"],
    audience: "all",
    locales: [],
    cooldownDays: 90,
    active: true,
  }))!;
});

describe("thank-you page survey backend", () => {
  it("asks the order's question in the buyer's language, takes one answer linked to the order and customer, then asks nothing", async () => {
    const res = await get({ order: firstOrder, locale: "en-US" });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.json()).toEqual({
      survey: {
        id: survey,
        kind: "nps",
        question: "Would you recommend us?",
        choices: [],
        followUp: true,
      },
    });

    const answer = {
      survey,
      order: firstOrder,
      locale: "en-US",
      score: 6,
      comment: "配送が遅い",
    };
    expect(await (await post(answer)).json()).toEqual({
      ok: true,
      outcome: "recorded",
    });
    expect(await (await post({ ...answer, score: 10 })).json()).toEqual({
      ok: true,
      outcome: "duplicate",
    });
    const rows = await prisma.surveyResponse.findMany();
    expect(rows).toHaveLength(1);
    const newcomer = core.state.orderById.get(Number(firstOrder))!.customerId;
    expect(rows[0]).toMatchObject({
      channel: "thankyou",
      score: 6,
      orderId: firstOrder,
      customerId: String(newcomer),
      locale: "en",
      comment: "配送が遅い",
    });
    expect(
      await (await get({ order: firstOrder, locale: "en" })).json(),
    ).toEqual({ survey: null });
  });

  it("takes no second answer for an order that answered the same survey through the email first", async () => {
    await prisma.survey.update({
      where: { id: survey },
      data: { placements: "thankyou,email" },
    });
    const { scoreLinks } = await import("~/surveys/email-link");
    const { loader: emailLink } = await import("~/routes/survey.$token");
    const url = scoreLinks({
      appUrl: process.env.SHOPIFY_APP_URL!,
      secret: process.env.SHOPIFY_API_SECRET!,
      shop,
      survey,
      kind: "nps",
      customer: null,
      order: firstOrder,
      locale: "ja",
    }).find((l) => l.score === 3)!.url;
    const clicked = await callRoute(emailLink as never, new Request(url), {
      token: url.split("/").pop()!,
    });
    expect(clicked.status).toBe(200);
    expect(
      await (await get({ order: firstOrder, locale: "ja" })).json(),
    ).toEqual({ survey: null });
    expect(
      await (
        await post({ survey, order: firstOrder, locale: "ja", score: 10 })
      ).json(),
    ).toEqual({ ok: true, outcome: "duplicate" });
    expect(
      (await prisma.surveyResponse.findMany()).map((r) => [r.channel, r.score]),
    ).toEqual([["email", 3]]);
  });

  it("answers a logged-in buyer only about their own orders", async () => {
    const owner = core.state.orderById.get(Number(firstOrder))!.customerId!;
    const other = core.state.customers.find((c) => c.legacyId !== owner)!;
    const as = (id: number) => token({ sub: `gid://shopify/Customer/${id}` });
    const answer = { survey, order: firstOrder, locale: "ja", score: 9 };
    // Someone else's order, or a guest's, without its checkout: refused as unknown, nothing stored.
    for (const [order, t] of [
      [firstOrder, as(other.legacyId)],
      [guestOrder, as(owner)],
    ] as const) {
      const res = await post({ ...answer, order }, t, false);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "unknown order" });
      expect((await get({ order, locale: "ja" }, t, false)).status).toBe(404);
    }
    expect(await prisma.surveyResponse.count()).toBe(0);
    // Their own order: taken.
    expect(await (await post(answer, as(owner))).json()).toEqual({
      ok: true,
      outcome: "recorded",
    });
  });

  it("answers a guest only about the order of their own checkout", async () => {
    const answer = { survey, order: guestOrder, locale: "ja", score: 9 };
    // A shopper with a session token of their own, naming another order's id.
    for (const checkout of [
      undefined,
      checkoutOf(firstOrder),
      "0".repeat(32),
    ]) {
      const body = checkout ? { ...answer, checkout } : answer;
      expect((await post(body, token(), false)).status).toBe(404);
      const q = { order: guestOrder, locale: "ja" };
      expect(
        (await get(checkout ? { ...q, checkout } : q, token(), false)).status,
      ).toBe(404);
    }
    expect((await post({ ...answer, checkout: "no spaces" })).status).toBe(400);
    expect(await prisma.surveyResponse.count()).toBe(0);
    // The buyer of that checkout: asked and taken.
    expect(
      (await (await get({ order: guestOrder, locale: "ja" })).json()).survey,
    ).not.toBeNull();
    expect(await (await post(answer)).json()).toEqual({
      ok: true,
      outcome: "recorded",
    });
  });

  it("targets first and repeat buyers", async () => {
    await prisma.survey.update({
      where: { id: survey },
      data: { audience: "repeat" },
    });
    expect(
      await (await get({ order: firstOrder, locale: "ja" })).json(),
    ).toEqual({ survey: null });
    expect(
      (await (await get({ order: repeatOrder, locale: "ja" })).json()).survey
        .question,
    ).toBe("友人にすすめたいですか?");
  });

  it("takes an answer only to a question the page could have asked for the order", async () => {
    await prisma.survey.update({
      where: { id: survey },
      data: { audience: "repeat" },
    });
    // A first order is not asked the repeat buyers' question, so its answer is not taken either.
    const res = await post({
      survey,
      order: firstOrder,
      locale: "ja",
      score: 9,
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "unknown survey" });
    expect(await prisma.surveyResponse.count()).toBe(0);
    expect(
      (await post({ survey, order: repeatOrder, locale: "ja", score: 9 }))
        .status,
    ).toBe(200);
  });

  it("rejects missing, forged, expired and other-shop tokens", async () => {
    const bare = await callRoute(
      loader as never,
      new Request(url({ order: firstOrder, locale: "ja" })),
    );
    expect(bare.status).toBe(401);
    expect(
      (
        await get(
          { order: firstOrder, locale: "ja" },
          token({ secret: "forged" }),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await get(
          { order: firstOrder, locale: "ja" },
          token({ exp: Math.floor(Date.now() / 1000) - 3600 }),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await get(
          { order: firstOrder, locale: "ja" },
          token({ dest: "https://not-installed.myshopify.com" }),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await post(
          { survey, order: firstOrder, locale: "ja", score: 9 },
          token({ secret: "forged" }),
        )
      ).status,
    ).toBe(401);
    expect(await prisma.surveyResponse.count()).toBe(0);
  });

  it.each([
    ["not JSON", "{", 400],
    ["score out of range", { score: 11 }, 422],
    ["score as text", { score: "9" }, 400],
    ["unknown field", { score: 9, admin: true }, 400],
    ["comment over the limit", { score: 9, comment: "あ".repeat(1001) }, 422],
    ["unknown survey", { score: 9, survey: "cunknown000000000000" }, 404],
    ["unknown order", { score: 9, order: "999999999" }, 404],
    ["order from months ago", { score: 9, order: "OLD" }, 404],
    ["malformed order id", { score: 9, order: "gid://shopify/Order/1" }, 400],
  ])(
    "answers %s with a 4xx and stores nothing",
    async (_name, patch, status) => {
      const fields = patch as Record<string, unknown>;
      const body =
        typeof patch === "string"
          ? patch
          : {
              survey,
              order: firstOrder,
              locale: "ja",
              ...fields,
              ...(fields.order === "OLD" ? { order: oldOrder } : {}),
            };
      expect((await post(body)).status).toBe(status);
      expect(await prisma.surveyResponse.count()).toBe(0);
    },
  );
});
