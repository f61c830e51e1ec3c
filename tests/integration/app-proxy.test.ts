import { describe, expect, it } from "vitest";
import { loader } from "~/routes/proxy.health";
import { callRoute, proxyParams, signedProxyUrl } from "../support/proxy";

const proxyUrl = (params: Record<string, string>, secret?: string) =>
  signedProxyUrl("/health", params, secret);
const base = () => proxyParams("tsunagu-test.myshopify.com");
const call = (url: string) => callRoute(loader as never, new Request(url));

describe("app proxy", () => {
  it("accepts a request signed like Shopify's and reads the logged-in customer", async () => {
    const res = await call(
      proxyUrl({ ...base(), logged_in_customer_id: "7012345678901" }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      shop: "tsunagu-test.myshopify.com",
      installed: false,
      loggedIn: true,
    });
  });

  it("rejects a forged or missing signature with 401", async () => {
    expect((await call(proxyUrl(base(), "wrong-secret"))).status).toBe(401);
    const unsigned = `${process.env.SHOPIFY_APP_URL}/proxy/health?${new URLSearchParams(base())}`;
    expect((await call(unsigned)).status).toBe(401);
  });

  it("rejects a replayed request with an old timestamp", async () => {
    const old = {
      ...base(),
      timestamp: String(Math.floor(Date.now() / 1000) - 3600),
    };
    const res = await call(proxyUrl(old));
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatch(/signature|timestamp/);
  });

  it("rejects a signed query with another shop or customer put in front of it", async () => {
    // The library checks the last copy of a parameter; the first was read as the shop.
    const signed = proxyUrl(base());
    const [path, query] = signed.split("?");
    for (const front of [
      "shop=victim.myshopify.com",
      "logged_in_customer_id=7777",
      "timestamp=1",
    ]) {
      const res = await call(`${path}?${front}&${query}`);
      expect(res.status).toBe(401);
    }
    expect((await call(signed)).status).toBe(200);
  });
});
