import path from "node:path";
import { Session } from "@shopify/shopify-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { installDevStoreSeam } from "~/dev-store-seam.server";
import { offlineAdmin, sessionStorage } from "~/shopify.server";
import { ShopNotConnected } from "~/shops/connection";
import { createDevStore } from "../../dev-store/src/store";
import { sessionToken } from "../../dev-store/src/server/crypto";
import { startDevStore } from "../../dev-store/src/server/server";
import { resetDatabase } from "../support/db";

/**
 * Offline tokens expire after an hour and are renewed with a refresh token that Shopify takes
 * once. Against the dev store's real token endpoint, through the app's own Shopify client: a
 * renewal that works is stored, two at once spend the refresh token once, a refused one means
 * "reconnect" (not a 500 retried eight times), and a network failure is only a failure.
 */
const apiKey = process.env.SHOPIFY_API_KEY!;
const secret = process.env.SHOPIFY_API_SECRET!;
let store: Awaited<ReturnType<typeof startDevStore>>;
let shop = "";

const start = (port: number) =>
  startDevStore({
    port,
    appUrl: process.env.SHOPIFY_APP_URL!,
    apiKey,
    apiSecret: secret,
    appTomlPath: path.resolve("shopify.app.toml"),
    extensionsDir: path.resolve("dev-store/test-fixtures/extensions"),
    core: createDevStore({ baseUrl: "http://127.0.0.1" }),
  });

beforeAll(async () => {
  store = await start(0);
  shop = store.core.shop;
  installDevStoreSeam(store.url);
});

afterAll(() => store.close());

beforeEach(() => resetDatabase(prisma));

/** An expiring offline token as token exchange issues it, stored as expired a minute ago. */
async function storeExpiredSession(refreshToken?: string) {
  const response = await fetch(`${store.url}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      client_id: apiKey,
      client_secret: secret,
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: sessionToken({ shop, apiKey, secret }),
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type:
        "urn:shopify:params:oauth:token-type:offline-access-token",
      expiring: "1",
    }),
  });
  const issued = (await response.json()) as {
    access_token: string;
    refresh_token: string;
  };
  const session = new Session({
    id: `offline_${shop}`,
    shop,
    state: "",
    isOnline: false,
    accessToken: issued.access_token,
    refreshToken: refreshToken ?? issued.refresh_token,
    expires: new Date(Date.now() - 60_000),
  });
  await sessionStorage!.storeSession(session);
  return session;
}

const stored = () => sessionStorage!.loadSession(`offline_${shop}`);
const shopName = async () => {
  const { admin } = await offlineAdmin(shop);
  const body = (await (await admin.graphql("{ shop { name } }")).json()) as {
    data: { shop: { name: string } };
  };
  return body.data.shop.name;
};

describe("renewing the app's expiring offline token", () => {
  it("renews an expired token, stores the new one and works with it", async () => {
    const old = await storeExpiredSession();
    expect(await shopName()).toBeTruthy();
    const now = await stored();
    expect(now?.accessToken).toMatch(/^shpat_/);
    expect(now?.accessToken).not.toBe(old.accessToken);
    expect(now?.refreshToken).not.toBe(old.refreshToken);
    expect(now!.expires!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });

  it("spends the refresh token once when two jobs start together", async () => {
    await storeExpiredSession();
    const names = await Promise.all([shopName(), shopName(), shopName()]);
    expect(new Set(names).size).toBe(1);
    expect((await stored())?.accessToken).toMatch(/^shpat_/);
  });

  it("a refused renewal means reconnect: the token is forgotten, not retried as a 500", async () => {
    await storeExpiredSession("shprt_revoked");
    const error = await offlineAdmin(shop).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopNotConnected);
    const now = await stored();
    expect(now?.accessToken).toBeUndefined();
    expect(now?.refreshToken).toBeUndefined();
    await expect(offlineAdmin(shop)).rejects.toBeInstanceOf(ShopNotConnected);
  });

  it("a network failure is a failure to retry, and the token is kept", async () => {
    const old = await storeExpiredSession();
    await store.close();
    try {
      const error = await offlineAdmin(shop).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(ShopNotConnected);
      expect((await stored())?.refreshToken).toBe(old.refreshToken);
    } finally {
      store = await start(Number(new URL(store.url).port));
    }
  });
});
