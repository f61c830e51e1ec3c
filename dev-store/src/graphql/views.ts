import { createHash } from "node:crypto";
import type {
  Customer,
  Fulfillment,
  Metafield,
  Order,
  Product,
  Variant,
} from "../seed/types";
import {
  gid,
  orderTotal,
  type BulkOperation,
  type Segment,
  type State,
} from "../state";
import { connection, type PageArgs } from "./connection";
import { matches, parseSearch } from "./search-query";
import { productCollectionFields } from "./collections";

/**
 * Views turn stored records into objects shaped like Shopify's Admin GraphQL types. Fields with
 * arguments are methods: graphql-js's default resolver calls them with the arguments.
 */
export const APP_ID = 1;
export const money = (amount: number, currencyCode = "JPY") => ({
  __typename: "MoneyV2",
  amount: amount.toFixed(1),
  currencyCode,
});
const bag = (amount: number) => ({
  __typename: "MoneyBag",
  shopMoney: money(amount),
  presentmentMoney: money(amount),
});

/** `$app:tsunagu` -> `app--1--tsunagu`, Shopify's reserved per-app namespace. */
export function resolveNamespace(ns: string): string {
  if (ns === "$app") return `app--${APP_ID}`;
  return ns.startsWith("$app:") ? `app--${APP_ID}--${ns.slice(5)}` : ns;
}

/** The metafield of `list` under a namespace as the app writes it ("$app", "$app:x" or plain) and key. */
export function findMetafield(
  list: Metafield[],
  namespace: string | undefined,
  key: string,
): Metafield | undefined {
  const ns = resolveNamespace(namespace ?? "$app");
  return list.find((x) => x.namespace === ns && x.key === key);
}

/** What `compareDigest` reads and `metafieldsSet` compares: a digest of the stored value and type. */
export function metafieldDigest(m: Pick<Metafield, "type" | "value">): string {
  return createHash("sha256").update(`${m.type}\u0000${m.value}`).digest("hex");
}

export function metafieldView(m: Metafield, ownerId: string) {
  return {
    __typename: "Metafield",
    ...m,
    ownerType: ownerId.split("/")[3]?.toUpperCase(),
    jsonValue: safeJson(m),
    compareDigest: metafieldDigest(m),
    reference: null,
    owner: null,
  };
}

function safeJson(m: Metafield): unknown {
  if (m.type === "json" || m.type.startsWith("list.")) {
    try {
      return JSON.parse(m.value);
    } catch {
      return m.value;
    }
  }
  if (m.type.startsWith("number_")) return Number(m.value);
  if (m.type === "boolean") return m.value === "true";
  return m.value;
}

export function metafieldFields(list: Metafield[], ownerId: string) {
  return {
    metafield: ({ namespace, key }: { namespace?: string; key: string }) => {
      const m = findMetafield(list, namespace, key);
      return m ? metafieldView(m, ownerId) : null;
    },
    metafields: (args: PageArgs & { namespace?: string; keys?: string[] }) => {
      const ns = args.namespace ? resolveNamespace(args.namespace) : null;
      const filtered = list.filter(
        (m) =>
          (!ns || m.namespace === ns) &&
          (!args.keys || args.keys.includes(`${m.namespace}.${m.key}`)),
      );
      return connection(
        filtered,
        args,
        (m) => m.id,
        (m) => metafieldView(m, ownerId),
      );
    },
  };
}

const consent = (state: string, updatedAt: string) => ({
  marketingState: state,
  marketingOptInLevel: state === "SUBSCRIBED" ? "SINGLE_OPT_IN" : null,
  consentUpdatedAt: updatedAt,
  marketingUpdatedAt: updatedAt,
});

export function customerView(s: State, c: Customer): Record<string, unknown> {
  const id = gid("Customer", c.legacyId);
  const orders = () => s.customerOrders(c);
  return {
    __typename: "Customer",
    id,
    legacyResourceId: String(c.legacyId),
    firstName: c.firstName,
    lastName: c.lastName,
    displayName:
      c.locale === "ja"
        ? `${c.lastName} ${c.firstName}`
        : `${c.firstName} ${c.lastName}`,
    email: c.email,
    phone: c.phone,
    locale: c.locale,
    state: c.state,
    tags: c.tags,
    note: null,
    verifiedEmail: true,
    taxExempt: false,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    numberOfOrders: String(c.orderIds.length),
    amountSpent: () => money(s.amountSpent(c)),
    emailMarketingConsent: consent(c.emailMarketing, c.updatedAt),
    smsMarketingConsent: c.phone ? consent(c.smsMarketing, c.updatedAt) : null,
    defaultEmailAddress: {
      emailAddress: c.email,
      marketingState: c.emailMarketing,
      marketingOptInLevel: null,
      marketingUpdatedAt: c.updatedAt,
    },
    defaultPhoneNumber: c.phone
      ? {
          phoneNumber: c.phone,
          marketingState: c.smsMarketing,
          marketingOptInLevel: null,
          marketingUpdatedAt: c.updatedAt,
        }
      : null,
    defaultAddress: addressView(c.address, c.legacyId),
    addresses: () => [addressView(c.address, c.legacyId)],
    lastOrder: () => {
      const list = orders();
      return list.length ? orderView(s, list[list.length - 1]) : null;
    },
    orders: (args: PageArgs & { query?: string; sortKey?: string }) =>
      connection(
        filterOrders(orders(), args.query),
        args,
        (o) => o.legacyId,
        (o) => orderView(s, o),
      ),
    ...metafieldFields(c.metafields, id),
  };
}

export function addressView(a: Customer["address"], ownerId: number) {
  return {
    __typename: "MailingAddress",
    id: gid("MailingAddress", ownerId),
    ...a,
    address2: null,
    company: null,
    countryCodeV2: a.countryCode,
    provinceCode: null,
    name: `${a.lastName} ${a.firstName}`,
    formatted: () => [a.zip, a.province, a.city, a.address1, a.country],
    formattedArea: `${a.city}, ${a.province}`,
  };
}

export function filterOrders(list: Order[], query?: string | null): Order[] {
  if (!query) return list;
  const tree = parseSearch(query);
  return list.filter((o) =>
    matches(
      tree,
      o,
      {
        name: (x) => x.name,
        email: (x) => x.email,
        created_at: (x) => x.createdAt,
        processed_at: (x) => x.processedAt,
        updated_at: (x) => x.updatedAt,
        financial_status: (x) => x.financialStatus.toLowerCase(),
        fulfillment_status: (x) =>
          x.fulfillments.length ? "shipped" : "unshipped",
        customer_id: (x) => (x.customerId ? String(x.customerId) : null),
        id: (x) => x.legacyId,
      },
      (x) => `${x.name} ${x.email ?? ""}`,
    ),
  );
}

export function orderView(s: State, o: Order): Record<string, unknown> {
  const id = gid("Order", o.legacyId);
  const total = orderTotal(o);
  const delivered =
    o.fulfillments.length > 0 &&
    o.fulfillments.every((f) => f.displayStatus === "DELIVERED");
  return {
    __typename: "Order",
    id,
    legacyResourceId: String(o.legacyId),
    name: o.name,
    email: o.email,
    checkoutToken: s.checkoutToken(o),
    createdAt: o.createdAt,
    processedAt: o.processedAt,
    updatedAt: o.updatedAt,
    cancelledAt: null,
    closed: delivered,
    confirmed: true,
    test: false,
    tags: [],
    note: null,
    currencyCode: "JPY",
    customerLocale: o.locale,
    displayFinancialStatus: o.financialStatus,
    displayFulfillmentStatus: o.fulfillments.length
      ? "FULFILLED"
      : "UNFULFILLED",
    totalPriceSet: bag(total),
    currentTotalPriceSet: bag(o.financialStatus === "REFUNDED" ? 0 : total),
    subtotalPriceSet: bag(total),
    customer: () =>
      o.customerId ? customerView(s, s.customerById.get(o.customerId)!) : null,
    shippingAddress: addressView(o.shippingAddress, o.legacyId),
    lineItems: (args: PageArgs) =>
      connection(
        o.lines,
        args,
        (l) => l.legacyId,
        (l) => {
          const variant = s.variantById.get(l.variantId);
          const product = s.productById.get(l.productId);
          return {
            __typename: "LineItem",
            id: gid("LineItem", l.legacyId),
            title: l.title,
            name: variant ? `${l.title} - ${variant.title}` : l.title,
            quantity: l.quantity,
            sku: variant?.sku ?? null,
            variant: variant ? variantView(s, variant) : null,
            product: product ? productView(s, product) : null,
            // The dev store fulfils whole orders: a line is unfulfilled until the order has a fulfilment.
            unfulfilledQuantity: o.fulfillments.some(
              (f) => f.status === "SUCCESS",
            )
              ? 0
              : l.quantity,
            originalUnitPriceSet: bag(l.price),
            originalTotalSet: bag(l.price * l.quantity),
            discountedTotalSet: bag(l.price * l.quantity),
          };
        },
      ),
    fulfillments: (args: { first?: number }) =>
      o.fulfillments
        .slice(0, args.first ?? o.fulfillments.length)
        .map((f) => fulfillmentView(s, f)),
  };
}

export function fulfillmentView(s: State, f: Fulfillment) {
  return {
    __typename: "Fulfillment",
    id: gid("Fulfillment", f.legacyId),
    legacyResourceId: String(f.legacyId),
    name: `#F${f.legacyId % 100000}`,
    status: f.status,
    displayStatus: f.displayStatus,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    deliveredAt: f.deliveredAt,
    estimatedDeliveryAt: null,
    inTransitAt: f.displayStatus === "IN_TRANSIT" ? f.updatedAt : null,
    totalQuantity: 1,
    trackingInfo: (args: { first?: number }) =>
      f.tracking
        .slice(0, args.first ?? f.tracking.length)
        .map((t) => ({ __typename: "FulfillmentTrackingInfo", ...t })),
    // Every line of the order (the dev store fulfils whole orders).
    fulfillmentLineItems: (args: PageArgs) => {
      const order = s.orderById.get(f.orderId)!;
      return connection(
        order.lines,
        args,
        (l) => l.legacyId,
        (l) => ({
          __typename: "FulfillmentLineItem",
          id: gid("FulfillmentLineItem", f.legacyId * 100 + (l.legacyId % 100)),
          quantity: l.quantity,
          lineItem: {
            __typename: "LineItem",
            id: gid("LineItem", l.legacyId),
            title: l.title,
            name: l.title,
            quantity: l.quantity,
            product: () => {
              const p = s.productById.get(l.productId);
              return p ? productView(s, p) : null;
            },
          },
        }),
      );
    },
    order: () => orderView(s, s.orderById.get(f.orderId)!),
  };
}

export function productView(s: State, p: Product): Record<string, unknown> {
  const id = gid("Product", p.legacyId);
  const imageUrl = `/_img/product-${p.legacyId}.svg`;
  return {
    __typename: "Product",
    id,
    legacyResourceId: String(p.legacyId),
    title: p.title,
    handle: p.handle,
    vendor: p.vendor,
    productType: p.productType,
    tags: p.tags,
    status: "ACTIVE",
    descriptionHtml: p.descriptionHtml,
    description: p.descriptionHtml.replace(/<[^>]+>/g, ""),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    publishedAt: p.createdAt,
    onlineStoreUrl: null,
    totalInventory: p.variants.reduce(
      (n, v) => n + v.levels.reduce((m, l) => m + l.available, 0),
      0,
    ),
    tracksInventory: true,
    featuredMedia: {
      __typename: "MediaImage",
      id: gid("MediaImage", p.legacyId),
      alt: p.title,
      mediaContentType: "IMAGE",
      preview: {
        image: { url: imageUrl, altText: p.title, width: 600, height: 600 },
      },
    },
    variants: (args: PageArgs) =>
      connection(
        p.variants,
        args,
        (v) => v.legacyId,
        (v) => variantView(s, v),
      ),
    variantsCount: { count: p.variants.length, precision: "EXACT" },
    ...productCollectionFields(s, p.legacyId),
    ...metafieldFields(p.metafields, id),
  };
}

export function variantView(s: State, v: Variant): Record<string, unknown> {
  return {
    __typename: "ProductVariant",
    id: gid("ProductVariant", v.legacyId),
    legacyResourceId: String(v.legacyId),
    title: v.title,
    displayName: `${s.productById.get(v.productId)?.title ?? ""} - ${v.title}`,
    price: v.price.toFixed(0),
    sku: v.sku,
    inventoryQuantity: v.levels.reduce((n, l) => n + l.available, 0),
    product: () => productView(s, s.productById.get(v.productId)!),
    inventoryItem: () => inventoryItemView(s, v),
  };
}

export function inventoryItemView(s: State, v: Variant) {
  return {
    __typename: "InventoryItem",
    id: gid("InventoryItem", v.inventoryItemId),
    legacyResourceId: String(v.inventoryItemId),
    sku: v.sku,
    tracked: true,
    variant: () => variantView(s, v),
    inventoryLevels: (args: PageArgs) =>
      connection(
        v.levels,
        args,
        (l) => l.locationId,
        (l) => ({
          __typename: "InventoryLevel",
          id: gid("InventoryLevel", `${v.inventoryItemId}${l.locationId}`),
          location: locationView(s, Number(l.locationId)),
          quantities: ({ names }: { names: string[] }) =>
            names.map((name) => ({
              __typename: "InventoryQuantity",
              name,
              quantity:
                name === "available" || name === "on_hand" ? l.available : 0,
            })),
        }),
      ),
  };
}

export function locationView(s: State, id: number) {
  const loc = s.locations.find((l) => l.legacyId === id);
  return {
    __typename: "Location",
    id: gid("Location", id),
    legacyResourceId: String(id),
    name: loc?.name ?? "",
    isActive: true,
  };
}

export function segmentView(seg: Segment) {
  return {
    __typename: "Segment",
    id: gid("Segment", seg.legacyId),
    name: seg.name,
    query: seg.query,
    creationDate: seg.creationDate,
    lastEditDate: seg.lastEditDate,
  };
}

export function bulkOperationView(op: BulkOperation, baseUrl: string) {
  return {
    __typename: "BulkOperation",
    id: gid("BulkOperation", op.legacyId),
    type: op.type,
    status: op.status,
    errorCode: op.errorCode,
    createdAt: op.createdAt,
    completedAt: op.completedAt,
    objectCount: String(op.objectCount),
    rootObjectCount: String(op.rootObjectCount),
    fileSize: op.fileSize === null ? null : String(op.fileSize),
    url:
      op.file && op.status === "COMPLETED"
        ? `${baseUrl}/_bulk/${op.legacyId}.jsonl`
        : null,
    partialDataUrl: op.partialDataUrl,
    query: op.query,
  };
}
