import { randomUUID } from "node:crypto";
import type {
  DevStoreCore,
  DevStoreOptions,
  GraphQLRequest,
  StorefrontProduct,
  WebhookEvent,
} from "./contract";
import { BulkRunner, type BulkFaults } from "./bulk";
import { StoryEvents } from "./events";
import { executeAdminRequest } from "./graphql/execute";
import {
  LeakyBuckets,
  STANDARD_PLAN,
  type ThrottleConfig,
} from "./graphql/throttle";
import { availableAdminVersions } from "./schema";
import { DEFAULT_COUNTS, generateShop } from "./seed/generate";
import { generateCollections } from "./seed/collections";
import type { Metafield, Product } from "./seed/types";
import { gid, State } from "./state";

export interface CreateOptions extends DevStoreOptions {
  /** Anchor of the seeded history (default: today 00:00 UTC), so tests can pin the data. */
  now?: Date;
  counts?: Partial<typeof DEFAULT_COUNTS>;
  throttle?: Partial<ThrottleConfig>;
  /** Clock for throttling (tests move it by hand). */
  clock?: () => number;
  appHandle?: string;
  /** Bulk operations stream a shop of this size (benchmarks); everything else uses the seeded shop. */
  scale?: { customers: number; orders: number };
}

/** The dev store's core: data, Admin GraphQL, story events, bulk operations. */
export function createDevStore(opts: CreateOptions): DevStoreCore & {
  state: State;
  bulkFaults: BulkFaults;
  buckets: LeakyBuckets;
} {
  const shopDomain = opts.shop ?? "tsunagu-dev.myshopify.com";
  const anchor =
    opts.now ?? new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
  const data = generateShop({
    seed: opts.seed ?? 1,
    now: anchor,
    ...DEFAULT_COUNTS,
    ...opts.counts,
  });
  const state = new State(data, {
    domain: shopDomain,
    name: "つなぐ開発ストア",
    email: "owner@tsunagu-dev.example.jp",
    appHandle: opts.appHandle ?? "tsunagu",
  });
  for (const c of generateCollections(state.products, anchor))
    state.addCollection(c);
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const listeners = new Set<(e: WebhookEvent) => void>();
  const emit = (topic: string, payload: unknown) => {
    const event = {
      topic,
      payload,
      eventId: randomUUID(),
      triggeredAt: now().toISOString(),
    };
    for (const l of listeners) l(event);
  };
  const buckets = new LeakyBuckets(
    { ...STANDARD_PLAN, ...opts.throttle },
    opts.clock ?? (() => now().getTime()),
  );
  const ctx = () => ({
    state,
    baseUrl: opts.baseUrl,
    now: () => now().getTime(),
  });
  const bulk = new BulkRunner(
    state,
    ctx,
    emit,
    {},
    opts.scale
      ? {
          seed: opts.seed ?? 1,
          now: anchor,
          products: DEFAULT_COUNTS.products,
          ...opts.scale,
        }
      : undefined,
  );
  const story = new StoryEvents(state, emit, now);

  const storefront = (p: Product): StorefrontProduct => ({
    id: gid("Product", p.legacyId),
    handle: p.handle,
    title: p.title,
    vendor: p.vendor,
    productType: p.productType,
    priceAmount: String(Math.min(...p.variants.map((v) => v.price))),
    currencyCode: "JPY",
    imageUrl: `${opts.baseUrl}/_img/product-${p.legacyId}.svg`,
    descriptionHtml: p.descriptionHtml,
    variants: p.variants.map((v) => ({
      id: gid("ProductVariant", v.legacyId),
      title: v.title,
    })),
    metafields: flat(p.metafields),
  });

  return {
    state,
    buckets,
    bulkFaults: bulk.faults,
    shop: shopDomain,
    shopName: state.shop.name,
    primaryLocale: "ja",
    apiVersions: availableAdminVersions(),
    execute: (req: GraphQLRequest) =>
      executeAdminRequest(
        req,
        { ...ctx(), startBulk: (query) => bulk.start(req.version, query) },
        buckets,
      ),
    createOrder: async (input) => story.createOrder(input),
    fulfillOrder: async (orderId, tracking) =>
      story.fulfillOrder(orderId, tracking),
    markDelivered: async (id) => story.markDelivered(id),
    adjustInventory: async (id, delta) => story.adjustInventory(id, delta),
    upsertCustomer: async (input) => story.upsertCustomer(input),
    updateCollection: async (input) => story.updateCollection(input),
    deleteCollection: async (id) => story.deleteCollection(id),
    listProducts: (o) =>
      state.products.slice(0, o?.first ?? 24).map(storefront),
    productByHandle: (handle) => {
      const p = state.products.find((x) => x.handle === handle);
      return p ? storefront(p) : null;
    },
    listCollections: () =>
      state.collections.map((c) => ({
        id: gid("Collection", c.legacyId),
        title: c.title,
        handle: c.handle,
        productsCount: c.productIds.filter((id) => state.productById.has(id))
          .length,
      })),
    shopMetafields: () => ({
      ...flat(state.shopMetafields),
      ...flat(state.appMetafields),
    }),
    sampleCustomerIds: (n) =>
      state.customers
        .filter((c) => c.state === "ENABLED")
        .slice(0, n)
        .map((c) => String(c.legacyId)),
    openBulkResult: (id) => bulk.open(id),
    onWebhook: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    now,
    advanceClock: (ms) => {
      offset += ms;
    },
  };
}

/** Metafields as "namespace.key" -> value; app-owned ones appear under their short namespace too. */
function flat(list: Metafield[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of list) {
    out[`${m.namespace}.${m.key}`] = m.value;
    const app = /^app--\d+--(.+)$/.exec(m.namespace);
    if (app) out[`${app[1]}.${m.key}`] = m.value;
  }
  return out;
}
