import { HttpResponseError } from "@shopify/shopify-api";
import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import { ShopNotConnected } from "./connection";

/**
 * The app's standing access to a store, for work no merchant request carries (jobs, storefront
 * calls). When Shopify no longer accepts the stored offline token, the token is forgotten, as the
 * library does for a merchant's request, so the next time the merchant opens the app a new one is
 * exchanged; until then the work waits with `not_connected` instead of failing against Shopify
 * again, and is released when the app reconnects (`releaseWaitingJobs`).
 */
/** Shopify refused the token (401), or refused to refresh it (400/401 from the token endpoint). */
const refused = (error: unknown, codes: number[]) =>
  error instanceof HttpResponseError && codes.includes(error.response.code);

interface Context<G> {
  session: { accessToken?: string };
  admin: { graphql: G };
}

export async function connectedAdmin<
  G extends (...args: never[]) => Promise<Response>,
  C extends Context<G>,
>(
  shop: string,
  deps: {
    load: (shop: string) => Promise<C>;
    forget: (shop: string) => Promise<void>;
    /** Renews an expiring token first; rejects with Shopify's own answer when it refuses. */
    renew?: (shop: string) => Promise<void>;
  },
): Promise<C> {
  let context: C;
  try {
    await deps.renew?.(shop);
    context = await deps.load(shop);
  } catch (error) {
    if (error instanceof SessionNotFoundError) throw new ShopNotConnected(shop);
    if (refused(error, [400, 401])) {
      await deps.forget(shop);
      throw new ShopNotConnected(shop);
    }
    throw error;
  }
  // Forgotten earlier: asking Shopify again with no token would only be refused again.
  if (!context.session.accessToken) throw new ShopNotConnected(shop);
  const graphql = context.admin.graphql;
  const guarded = (async (...args: Parameters<G>) => {
    try {
      return await graphql(...args);
    } catch (error) {
      if (!refused(error, [401])) throw error;
      await deps.forget(shop);
      throw new ShopNotConnected(shop);
    }
  }) as G;
  return { ...context, admin: { ...context.admin, graphql: guarded } };
}

/**
 * Renews an offline token that expires within five minutes (as the library would), but itself:
 * the library turns every refusal of a refresh into a bare 500 Response, so work could not tell
 * "Shopify no longer accepts this app's tokens" (reconnect) from a network failure (retry), and
 * failed eight times over with "[object Response]". One renewal per shop at a time in a process;
 * a refusal after another process renewed first (refresh tokens are used once) is no refusal.
 */
export const RENEW_WITHIN_MS = 5 * 60_000;

export interface StoredToken {
  accessToken?: string;
  refreshToken?: string;
  isExpired(withinMs: number): boolean;
}

export function tokenRenewal<S extends StoredToken>(deps: {
  load: (shop: string) => Promise<S | undefined>;
  refresh: (shop: string, refreshToken: string) => Promise<S>;
  store: (session: S) => Promise<unknown>;
}): (shop: string) => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const renew = async (shop: string) => {
    const session = await deps.load(shop);
    if (!session?.refreshToken || !session.isExpired(RENEW_WITHIN_MS)) return;
    let fresh: S;
    try {
      fresh = await deps.refresh(shop, session.refreshToken);
    } catch (error) {
      const now = await deps.load(shop);
      if (now?.accessToken && now.accessToken !== session.accessToken) return;
      throw error;
    }
    await deps.store(fresh);
  };
  return (shop) => {
    let pending = running.get(shop);
    if (!pending) {
      pending = renew(shop).finally(() => running.delete(shop));
      running.set(shop, pending);
    }
    return pending;
  };
}
