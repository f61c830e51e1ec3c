import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loader } from "~/routes/proxy.health";

/** Signs like Shopify's app proxy: hex HMAC-SHA256 of the sorted "key=value" pairs, no separator. */
function proxyUrl(params: Record<string, string>, secret = process.env.SHOPIFY_API_SECRET!) {
  const message = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("");
  const signature = createHmac("sha256", secret).update(message).digest("hex");
  return `${process.env.SHOPIFY_APP_URL}/proxy/health?${new URLSearchParams({ ...params, signature })}`;
}

const base = () => ({
  shop: "tsunagu-test.myshopify.com",
  path_prefix: "/apps/tsunagu",
  timestamp: String(Math.floor(Date.now() / 1000)),
  logged_in_customer_id: "",
});

async function call(url: string) {
  try {
    return await loader({ request: new Request(url), params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("app proxy", () => {
  it("accepts a request signed like Shopify's and reads the logged-in customer", async () => {
    const res = await call(proxyUrl({ ...base(), logged_in_customer_id: "7012345678901" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, shop: "tsunagu-test.myshopify.com", installed: false, loggedIn: true });
  });

  it("rejects a forged or missing signature with 401", async () => {
    expect((await call(proxyUrl(base(), "wrong-secret"))).status).toBe(401);
    const unsigned = `${process.env.SHOPIFY_APP_URL}/proxy/health?${new URLSearchParams(base())}`;
    expect((await call(unsigned)).status).toBe(401);
  });

  it("rejects a replayed request with an old timestamp", async () => {
    const old = { ...base(), timestamp: String(Math.floor(Date.now() / 1000) - 3600) };
    const res = await call(proxyUrl(old));
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatch(/signature|timestamp/);
  });
});
