import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { recordInstall } from "~/shops/shops.server";
import { createDevStore } from "../../dev-store/src/store";
import { resetDatabase } from "../support/db";
import { devStoreAdmin } from "../support/dev-store-admin";

/** What the app remembers of a shop at each auth, read from the dev store's Admin API. */
const core = createDevStore({
  baseUrl: "http://dev-store.test",
  counts: { customers: 1, orders: 1 },
});
const shop = core.shop;
const SCOPES = [
  "read_customers",
  "read_fulfillments",
  "read_locales",
  "read_orders",
  "read_products",
];

beforeEach(() => resetDatabase(prisma));

describe("recording an install", () => {
  it("remembers the shop's name, time zone, currency and primary language", async () => {
    await recordInstall({
      db: prisma,
      shop,
      graphql: devStoreAdmin(core, { scopes: SCOPES, bucketKey: "shop" }),
    });
    expect(
      await prisma.shop.findUniqueOrThrow({
        where: { shop },
        select: { timezone: true, currency: true, locale: true },
      }),
    ).toEqual({ timezone: "Asia/Tokyo", currency: "JPY", locale: "ja" });
  });

  it("keeps the language it knew when the shop has not granted read_locales yet", async () => {
    await prisma.shop.create({ data: { shop, name: "x", locale: "en" } });
    await recordInstall({
      db: prisma,
      shop,
      graphql: devStoreAdmin(core, {
        scopes: SCOPES.filter((s) => s !== "read_locales"),
        bucketKey: "shop-old",
      }),
    });
    expect(
      await prisma.shop.findUniqueOrThrow({
        where: { shop },
        select: { name: true, locale: true },
      }),
    ).toEqual({ name: core.shopName, locale: "en" });
  });
});
