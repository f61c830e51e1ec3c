import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { GraphQL } from "../admin-graphql";

const SHOP_INFO = `#graphql
  query ShopInfo {
    shop {
      name
      ianaTimezone
      currencyCode
    }
  }
`;

const shopInfoSchema = z.object({
  data: z.object({
    shop: z.object({
      name: z.string(),
      ianaTimezone: z.string(),
      currencyCode: z.string(),
    }),
  }),
});

/** Called after every successful auth: remembers the shop and its basics (name, time zone, currency). */
export async function recordInstall(opts: {
  db: PrismaClient;
  shop: string;
  graphql: GraphQL;
}): Promise<void> {
  const response = await opts.graphql(SHOP_INFO);
  const parsed = shopInfoSchema.parse(await response.json());
  const { name, ianaTimezone, currencyCode } = parsed.data.shop;
  await opts.db.shop.upsert({
    where: { shop: opts.shop },
    create: {
      shop: opts.shop,
      name,
      timezone: ianaTimezone,
      currency: currencyCode,
    },
    update: {
      name,
      timezone: ianaTimezone,
      currency: currencyCode,
      uninstalledAt: null,
    },
  });
}

/** app/uninstalled: the shop's sessions go at once (their tokens are revoked); data stays until shop/redact. */
export async function recordUninstall(
  db: PrismaClient,
  shop: string,
  at: Date,
): Promise<void> {
  await db.$transaction([
    db.session.deleteMany({ where: { shop } }),
    db.shop.updateMany({ where: { shop }, data: { uninstalledAt: at } }),
  ]);
}

export async function getShopSettings(db: PrismaClient, shop: string) {
  return db.shop.findUnique({
    where: { shop },
    select: { name: true, locale: true, timezone: true, currency: true },
  });
}
