/**
 * The seam between the dev store's two halves.
 *
 * - `core/` (data, seed, GraphQL execution, events, bulk operations) implements `DevStoreCore`.
 * - `http/` (HTTP server, OAuth, webhook delivery, app proxy, event API/CLI, stand-in admin,
 *   storefront preview) consumes it and never reaches into the data directly.
 *
 * Changing a signature here means changing both halves in the same commit.
 */

/** A webhook the store wants delivered. Payloads are shaped like Shopify's REST webhook bodies. */
export interface WebhookEvent {
  topic: string; // "orders/create", "fulfillments/update", "bulk_operations/finish", ...
  payload: unknown;
  /** Same for every delivery attempt of this event (X-Shopify-Event-Id). */
  eventId: string;
  /** ISO time the event happened (X-Shopify-Triggered-At). */
  triggeredAt: string;
}

export interface GraphQLRequest {
  version: string; // "2026-07"
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  /** Access scopes granted to the token making the call; fields needing others are denied. */
  scopes: readonly string[];
  /** Identifies the throttling bucket (one per app installation). */
  bucketKey: string;
}

export interface GraphQLResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface OrderInput {
  customerId?: string; // gid://shopify/Customer/N; omitted = guest checkout
  email?: string;
  locale?: "ja" | "en";
  lines: { variantId: string; quantity: number }[];
  /** Defaults to now (the store's clock). */
  processedAt?: string;
}

export interface TrackingInput {
  company: string;
  number: string;
  url?: string;
}

export interface CustomerInput {
  id?: string; // present = update
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  locale?: "ja" | "en";
  tags?: string[];
  emailMarketingState?:
    "SUBSCRIBED" | "NOT_SUBSCRIBED" | "UNSUBSCRIBED" | "PENDING";
  smsMarketingState?:
    "SUBSCRIBED" | "NOT_SUBSCRIBED" | "UNSUBSCRIBED" | "PENDING";
}

/** A change to a manual collection: products added (at the end) or removed, a new title. */
export interface CollectionInput {
  id: string; // gid://shopify/Collection/N
  title?: string;
  addProductIds?: string[]; // gid://shopify/Product/N
  removeProductIds?: string[];
}

/** A collection as the resource picker lists it. */
export interface CollectionSummary {
  id: string;
  title: string;
  handle: string;
  productsCount: number;
}

/** Minimal storefront-facing views used by the storefront preview and the app proxy. */
export interface StorefrontProduct {
  id: string;
  handle: string;
  title: string;
  vendor: string;
  productType: string;
  priceAmount: string;
  currencyCode: string;
  imageUrl: string | null;
  descriptionHtml: string;
  variants: { id: string; title: string }[];
  /** "namespace.key" -> value; includes app-owned ($app:...) metafields the app wrote. */
  metafields: Record<string, string>;
}

export interface DevStoreCore {
  /** e.g. "tsunagu-dev.myshopify.com" */
  readonly shop: string;
  readonly shopName: string;
  readonly primaryLocale: "ja" | "en";
  readonly apiVersions: readonly string[];

  execute(req: GraphQLRequest): Promise<GraphQLResponse>;

  /** Story events; each mutates the store and emits the matching webhooks. Returns the new/changed gid. */
  createOrder(input: OrderInput): Promise<{ orderId: string; name: string }>;
  fulfillOrder(
    orderId: string,
    tracking: TrackingInput,
  ): Promise<{ fulfillmentId: string }>;
  markDelivered(fulfillmentId: string): Promise<void>;
  adjustInventory(
    inventoryItemId: string,
    delta: number,
  ): Promise<{ available: number }>;
  upsertCustomer(input: CustomerInput): Promise<{ customerId: string }>;
  /** Emits collections/update (once, however many products changed), or collections/delete. */
  updateCollection(
    input: CollectionInput,
  ): Promise<{ collectionId: string; productsCount: number }>;
  deleteCollection(id: string): Promise<void>;

  /** Storefront data. */
  listProducts(opts?: { first?: number }): StorefrontProduct[];
  productByHandle(handle: string): StorefrontProduct | null;
  listCollections(): CollectionSummary[];
  /** Shop-level metafields (namespace.key -> value), including app-owned ones. */
  shopMetafields(): Record<string, string>;
  /** Customer ids usable as `logged_in_customer_id` (numeric id strings). */
  sampleCustomerIds(n: number): string[];

  /** Bulk operation result files, served at /_bulk/<id>.jsonl by the HTTP half. */
  openBulkResult(id: string): NodeJS.ReadableStream | null;

  /** The HTTP half subscribes here to deliver webhooks. */
  onWebhook(listener: (event: WebhookEvent) => void): () => void;

  /** The store's clock (a demo may move it forward). */
  now(): Date;
  advanceClock(ms: number): void;
}

export interface DevStoreOptions {
  seed?: number; // default 1
  shop?: string; // default "tsunagu-dev.myshopify.com"
  /** Public base URL of the dev store's HTTP server, used in bulk result URLs and image URLs. */
  baseUrl: string;
}
