import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { GraphQL } from "../admin-graphql";
import { DEFAULT_TIME_ZONE } from "./clock";
import { shopDisplayName } from "./display-name";

const SHOP_INFO = `#graphql
  query ShopInfo {
    shop {
      name
      ianaTimezone
      currencyCode
    }
  }
`;

const SHOP_LOCALES = `#graphql
  query ShopLocales {
    shopLocales(published: true) {
      locale
      primary
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

const shopLocalesSchema = z.object({
  data: z.object({
    shopLocales: z.array(
      z.object({ locale: z.string(), primary: z.boolean() }),
    ),
  }),
});

/**
 * Called after every successful auth: remembers the shop and its basics (name, time zone,
 * currency, and its primary language: what shoppers and customers without a language of their
 * own are answered in).
 */
export async function recordInstall(opts: {
  db: PrismaClient;
  shop: string;
  graphql: GraphQL;
}): Promise<void> {
  const response = await opts.graphql(SHOP_INFO);
  const parsed = shopInfoSchema.parse(await response.json());
  const { name, ianaTimezone, currencyCode } = parsed.data.shop;
  // Asked apart: a shop that installed before read_locales was asked is refused this query, and
  // keeps the language the app knew until it grants it.
  // (The app's Admin client throws on a GraphQL error; the dev store's answers with one.)
  const locales = shopLocalesSchema.safeParse(
    await opts
      .graphql(SHOP_LOCALES)
      .then((r) => r.json())
      .catch(() => null),
  );
  const primary = locales.success
    ? locales.data.data.shopLocales.find((l) => l.primary)?.locale
    : undefined;
  const locale = primary ? { locale: primary } : {};
  await opts.db.shop.upsert({
    where: { shop: opts.shop },
    create: {
      shop: opts.shop,
      name,
      timezone: ianaTimezone,
      currency: currencyCode,
      ...locale,
    },
    update: {
      name,
      timezone: ianaTimezone,
      currency: currencyCode,
      ...locale,
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

/** The shop's IANA time zone; Tokyo until the shop's details have been read from Shopify. */
export async function shopTimeZone(
  db: PrismaClient,
  shop: string,
): Promise<string> {
  return (await getShopSettings(db, shop))?.timezone ?? DEFAULT_TIME_ZONE;
}

export async function getShopSettings(db: PrismaClient, shop: string) {
  return db.shop.findUnique({
    where: { shop },
    select: { name: true, locale: true, timezone: true, currency: true },
  });
}

/** The shop's name for shoppers' pages (shopDisplayName). */
export async function shopName(
  db: PrismaClient,
  shop: string,
): Promise<string> {
  const row = await db.shop.findUnique({
    where: { shop },
    select: { name: true },
  });
  return shopDisplayName(row?.name, shop);
}
