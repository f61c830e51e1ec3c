import "@shopify/shopify-app-remix/adapters/node";
import {
  ApiVersion,
  AppDistribution,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import prisma from "./db.server";
import { env } from "./env.server";
import { installDevStoreSeam } from "./dev-store-seam.server";
import { recordInstall } from "./shops/shops.server";
import { latestSync, startCustomerSync } from "./customers/sync.server";
import { connectedAdmin, tokenRenewal } from "./shops/connection.server";
import { NOT_CONNECTED, ShopNotConnected } from "./shops/connection";
import type { GraphQL } from "./admin-graphql";
import { releaseWaitingJobs } from "./jobs/queue.server";
import { republishAfterInstall } from "./faq/publish.server";
import { republishSurveysAfterInstall } from "./surveys/surveys.server";
import { republishTutorialsAfterInstall } from "./tutorials/tutorials.server";

/** The only door to Shopify authentication and Admin API clients. */

const config = env();
if (config.DEV_STORE_URL && config.NODE_ENV !== "production")
  installDevStoreSeam(config.DEV_STORE_URL);

export const API_VERSION = ApiVersion.July26;

const scopes = config.SCOPES?.split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const customShopDomains: { customShopDomains?: string[] } =
  config.SHOP_CUSTOM_DOMAIN
    ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] }
    : {};

const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes,
  appUrl: config.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(prisma, {
    connectionRetries: 10,
    connectionRetryIntervalMs: 500,
  }),
  distribution: AppDistribution.AppStore,
  // Webhooks are declared in shopify.app.toml (app-specific subscriptions); nothing to register here.
  webhooks: {},
  hooks: {
    afterAuth: async ({ session, admin }) => {
      await recordInstall({
        db: prisma,
        shop: session.shop,
        graphql: admin.graphql,
      });
      // A new installation starts with a full customer sync; later ones are started from the Customers page.
      if (!(await latestSync(prisma, session.shop)))
        await startCustomerSync(prisma, session.shop, admin.graphql);
      // A store installing the app again has lost the FAQ and surveys the app had published
      // there; a development store started afresh has lost the tutorials as well.
      await Promise.all([
        republishAfterInstall(prisma, session.shop, admin.graphql),
        republishSurveysAfterInstall(prisma, session.shop, admin.graphql),
        republishTutorialsAfterInstall(prisma, session.shop, admin.graphql),
      ]);
      // Work that waited for a token Shopify had stopped accepting can run now.
      await releaseWaitingJobs(prisma, session.shop);
    },
  },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    // Offline tokens expire after an hour (Shopify's current model). `offlineAdmin` renews them
    // itself before the library would, to see Shopify's answer when it refuses (`tokenRenewal`).
    expiringOfflineAccessTokens: true,
  },
  ...customShopDomains,
});

/** The same app's credentials, for renewing offline tokens ourselves (`tokenRenewal`). */
const appUrl = new URL(config.SHOPIFY_APP_URL);
const tokens = shopifyApi({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: API_VERSION,
  scopes,
  hostName: appUrl.host,
  hostScheme: appUrl.protocol === "http:" ? "http" : "https",
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error },
  ...customShopDomains,
});
const renewToken = tokenRenewal({
  load: (shop) =>
    shopify.sessionStorage!.loadSession(tokens.session.getOfflineId(shop)),
  refresh: async (shop, refreshToken) =>
    (await tokens.auth.refreshToken({ shop, refreshToken })).session,
  store: (session) => shopify.sessionStorage!.storeSession(session),
});

export default shopify;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;

/**
 * The Admin API for a shop outside a merchant's request (jobs, storefront calls): throws
 * ShopNotConnected, and forgets the token, when Shopify no longer accepts it.
 */
export const offlineAdmin = (shop: string) =>
  connectedAdmin(shop, {
    renew: renewToken,
    load: (s) => shopify.unauthenticated.admin(s),
    forget: async (s) => {
      const storage = shopify.sessionStorage!;
      for (const session of await storage.findSessionsByShop(s)) {
        if (session.isOnline) continue;
        session.accessToken = undefined;
        session.refreshToken = undefined;
        await storage.storeSession(session);
      }
    },
  });
/**
 * For a storefront or extension request: `work` with the shop's Admin API, or NOT_CONNECTED (with
 * RECONNECT to answer, a 503) until the merchant next opens the app.
 */
export async function whileConnected<T>(
  shop: string,
  work: (graphql: GraphQL) => Promise<T>,
): Promise<T | typeof NOT_CONNECTED> {
  try {
    const { admin } = await offlineAdmin(shop);
    return await work(admin.graphql);
  } catch (error) {
    if (error instanceof ShopNotConnected) return NOT_CONNECTED;
    throw error;
  }
}
export const RECONNECT = "the store's connection to the app needs renewing";

export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
