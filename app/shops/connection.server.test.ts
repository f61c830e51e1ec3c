import { HttpResponseError } from "@shopify/shopify-api";
import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import { describe, expect, it, vi } from "vitest";
import { ShopNotConnected } from "./connection";
import { connectedAdmin, tokenRenewal } from "./connection.server";

const shop = "conn.myshopify.com";
const httpError = (code: number) =>
  new HttpResponseError({
    message: `Received an error response (${code}) from Shopify`,
    code,
    statusText: "x",
  });

function setup(o: {
  token?: string;
  graphql?: () => Promise<Response>;
  load?: () => Promise<never>;
}) {
  const graphql = vi.fn(o.graphql ?? (async () => Response.json({ data: {} })));
  const forget = vi.fn(async () => undefined);
  const load = vi.fn(
    o.load ??
      (async () => ({
        session: { accessToken: "token" in o ? o.token : "shpat_1" },
        admin: { graphql },
      })),
  );
  return { graphql, forget, load, deps: { load, forget } };
}

describe("the app's standing access to a store", () => {
  it("passes calls through while Shopify accepts the token", async () => {
    const s = setup({});
    const { admin } = await connectedAdmin(shop, s.deps);
    expect((await admin.graphql()).status).toBe(200);
    expect(s.forget).not.toHaveBeenCalled();
  });

  it("forgets a token Shopify refuses, and says the shop must reconnect", async () => {
    const s = setup({
      graphql: async () => {
        throw httpError(401);
      },
    });
    const { admin } = await connectedAdmin(shop, s.deps);
    const error = await admin.graphql().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopNotConnected);
    expect((error as Error).message).toBe("not_connected");
    expect(s.forget).toHaveBeenCalledWith(shop);
  });

  it("leaves other failures as they are, and the token too", async () => {
    for (const thrown of [
      httpError(500),
      httpError(429),
      new Error("network"),
    ]) {
      const s = setup({
        graphql: async () => {
          throw thrown;
        },
      });
      const { admin } = await connectedAdmin(shop, s.deps);
      await expect(admin.graphql()).rejects.toBe(thrown);
      expect(s.forget).not.toHaveBeenCalled();
    }
  });

  it("does not ask Shopify with a token it already forgot", async () => {
    const s = setup({ token: undefined });
    await expect(connectedAdmin(shop, s.deps)).rejects.toBeInstanceOf(
      ShopNotConnected,
    );
    expect(s.graphql).not.toHaveBeenCalled();
  });

  it("treats a refused refresh or a missing session as not connected", async () => {
    const refused = setup({
      load: async () => {
        throw httpError(400);
      },
    });
    await expect(connectedAdmin(shop, refused.deps)).rejects.toBeInstanceOf(
      ShopNotConnected,
    );
    expect(refused.forget).toHaveBeenCalledWith(shop);
    const missing = setup({
      load: async () => {
        throw new SessionNotFoundError("none");
      },
    });
    await expect(connectedAdmin(shop, missing.deps)).rejects.toBeInstanceOf(
      ShopNotConnected,
    );
    expect(missing.forget).not.toHaveBeenCalled();
  });
});

describe("renewing an expiring token", () => {
  const session = (accessToken: string, expired: boolean) => ({
    accessToken,
    refreshToken: `r_${accessToken}`,
    isExpired: () => expired,
  });

  it("leaves a token that is not about to expire alone", async () => {
    const refresh = vi.fn();
    const renew = tokenRenewal({
      load: async () => session("a", false),
      refresh,
      store: async () => undefined,
    });
    await renew(shop);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("takes a refusal after another process renewed first as renewed", async () => {
    const sessions = [session("a", true), session("b", false)];
    const renew = tokenRenewal({
      load: async () => sessions.shift(),
      refresh: async () => {
        throw httpError(400);
      },
      store: async () => undefined,
    });
    await expect(renew(shop)).resolves.toBeUndefined();
  });

  it("passes Shopify's refusal on when nobody renewed, for connectedAdmin to forget the token", async () => {
    const refusal = httpError(400);
    const renew = tokenRenewal({
      load: async () => session("a", true),
      refresh: async () => {
        throw refusal;
      },
      store: async () => undefined,
    });
    await expect(renew(shop)).rejects.toBe(refusal);
    const s = setup({});
    await expect(
      connectedAdmin(shop, { ...s.deps, renew }),
    ).rejects.toBeInstanceOf(ShopNotConnected);
    expect(s.forget).toHaveBeenCalledWith(shop);
    expect(s.load).not.toHaveBeenCalled();
  });
});
