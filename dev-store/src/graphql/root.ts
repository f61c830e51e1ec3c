import { GraphQLError } from "graphql";
import { gid, parseGid, type State } from "../state";
import { connection, type PageArgs } from "./connection";
import { matches, parseSearch } from "./search-query";
import {
  evaluateSegment,
  parseSegmentQuery,
  SegmentQueryError,
} from "../segments";
import {
  bulkOperationView,
  customerView,
  filterOrders,
  fulfillmentView,
  inventoryItemView,
  locationView,
  metafieldFields,
  orderView,
  productView,
  segmentView,
  variantView,
  APP_ID,
} from "./views";
import { mutations } from "./mutations";
import { collectionResolvers, collectionView } from "./collections";
import { metaobjectResolvers } from "../metaobjects";
import type { Customer, Product } from "../seed/types";

export interface RequestContext {
  state: State;
  baseUrl: string;
  scopes: readonly string[];
  now: () => number;
  startBulk: (query: string) => {
    op?: ReturnType<typeof bulkOperationView>;
    userErrors: { field: string[] | null; message: string; code?: string }[];
  };
}

const count = (n: number) => ({ count: n, precision: "EXACT" });

function filterCustomers(
  list: Customer[],
  query: string | null | undefined,
  s: State,
): Customer[] {
  if (!query) return list;
  const tree = parseSearch(query);
  return list.filter((c) =>
    matches(
      tree,
      c,
      {
        email: (x) => x.email,
        phone: (x) => x.phone,
        tag: (x) => x.tags,
        state: (x) => x.state.toLowerCase(),
        country: (x) => x.address.country,
        created_at: (x) => x.createdAt,
        updated_at: (x) => x.updatedAt,
        orders_count: (x) => x.orderIds.length,
        total_spent: (x) => s.amountSpent(x),
        accepts_marketing: (x) => String(x.emailMarketing === "SUBSCRIBED"),
        id: (x) => x.legacyId,
      },
      (x) => `${x.firstName} ${x.lastName} ${x.email}`,
    ),
  );
}

function filterProducts(
  list: Product[],
  query: string | null | undefined,
): Product[] {
  if (!query) return list;
  const tree = parseSearch(query);
  return list.filter((p) =>
    matches(
      tree,
      p,
      {
        title: (x) => x.title,
        vendor: (x) => x.vendor,
        product_type: (x) => x.productType,
        tag: (x) => x.tags,
        handle: (x) => x.handle,
        created_at: (x) => x.createdAt,
        updated_at: (x) => x.updatedAt,
        id: (x) => x.legacyId,
      },
      (x) => `${x.title} ${x.vendor} ${x.productType}`,
    ),
  );
}

function sortBy<T>(
  list: T[],
  sortKey: string | null | undefined,
  keys: Record<string, (x: T) => string | number>,
): T[] {
  const key = sortKey && keys[sortKey] ? keys[sortKey] : keys.ID;
  return [...list].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

export function queryRoot(ctx: RequestContext) {
  const s = ctx.state;
  const shopId = gid("Shop", 1);
  return {
    shop: {
      __typename: "Shop",
      id: shopId,
      name: s.shop.name,
      email: s.shop.email,
      contactEmail: s.shop.email,
      myshopifyDomain: s.shop.domain,
      currencyCode: "JPY",
      enabledPresentmentCurrencies: ["JPY"],
      ianaTimezone: "Asia/Tokyo",
      timezoneAbbreviation: "JST",
      timezoneOffset: "+0900",
      weightUnit: "KILOGRAMS",
      primaryDomain: {
        __typename: "Domain",
        id: gid("Domain", 1),
        host: s.shop.domain,
        url: `https://${s.shop.domain}`,
        sslEnabled: true,
      },
      url: `https://${s.shop.domain}`,
      billingAddress: {
        __typename: "ShopAddress",
        id: gid("ShopAddress", 1),
        countryCodeV2: "JP",
        country: "Japan",
        province: "東京都",
        city: "渋谷区",
      },
      plan: {
        __typename: "ShopPlan",
        displayName: "Basic",
        partnerDevelopment: true,
        shopifyPlus: false,
        publicDisplayName: "Basic",
      },
      ...metafieldFields(s.shopMetafields, shopId),
    },
    // The storefront languages: Japanese primary, English published (as the storefront preview).
    shopLocales: ({ published }: { published?: boolean }) =>
      [
        { locale: "ja", name: "Japanese", primary: true, published: true },
        { locale: "en", name: "English", primary: false, published: true },
      ]
        .filter((l) => published === undefined || l.published === published)
        .map((l) => ({
          __typename: "ShopLocale",
          marketWebPresences: [],
          ...l,
        })),
    app: {
      __typename: "App",
      id: gid("App", APP_ID),
      title: "Tsunagu",
      handle: s.shop.appHandle,
      apiKey: "",
    },
    currentAppInstallation: {
      __typename: "AppInstallation",
      id: gid("AppInstallation", APP_ID),
      accessScopes: ctx.scopes.map((handle) => ({
        __typename: "AccessScope",
        handle,
        description: handle,
      })),
      app: {
        __typename: "App",
        id: gid("App", APP_ID),
        title: "Tsunagu",
        handle: s.shop.appHandle,
      },
      launchUrl: "",
      ...metafieldFields(s.appMetafields, gid("AppInstallation", APP_ID)),
    },
    customers: (a: PageArgs & { query?: string; sortKey?: string }) =>
      connection(
        sortBy(filterCustomers(s.customers, a.query, s), a.sortKey, {
          ID: (c) => c.legacyId,
          CREATED_AT: (c) => c.createdAt,
          UPDATED_AT: (c) => c.updatedAt,
          NAME: (c) => `${c.lastName}${c.firstName}`,
        }),
        a,
        (c) => c.legacyId,
        (c) => customerView(s, c),
      ),
    customersCount: (a: { query?: string }) =>
      count(filterCustomers(s.customers, a.query, s).length),
    customer: ({ id }: { id: string }) => {
      const c = s.customerById.get(parseGid(id)?.id ?? -1);
      return c ? customerView(s, c) : null;
    },
    orders: (a: PageArgs & { query?: string; sortKey?: string }) =>
      connection(
        sortBy(filterOrders(s.orders, a.query), a.sortKey, {
          ID: (o) => o.legacyId,
          CREATED_AT: (o) => o.createdAt,
          PROCESSED_AT: (o) => o.processedAt,
          UPDATED_AT: (o) => o.updatedAt,
        }),
        a,
        (o) => o.legacyId,
        (o) => orderView(s, o),
      ),
    ordersCount: (a: { query?: string }) =>
      count(filterOrders(s.orders, a.query).length),
    order: ({ id }: { id: string }) => {
      const o = s.orderById.get(parseGid(id)?.id ?? -1);
      return o ? orderView(s, o) : null;
    },
    products: (a: PageArgs & { query?: string; sortKey?: string }) =>
      connection(
        sortBy(filterProducts(s.products, a.query), a.sortKey, {
          ID: (p) => p.legacyId,
          TITLE: (p) => p.title,
          VENDOR: (p) => p.vendor,
          PRODUCT_TYPE: (p) => p.productType,
          CREATED_AT: (p) => p.createdAt,
          UPDATED_AT: (p) => p.updatedAt,
        }),
        a,
        (p) => p.legacyId,
        (p) => productView(s, p),
      ),
    productsCount: (a: { query?: string }) =>
      count(filterProducts(s.products, a.query).length),
    product: ({ id }: { id: string }) => {
      const p = s.productById.get(parseGid(id)?.id ?? -1);
      return p ? productView(s, p) : null;
    },
    productByIdentifier: ({
      identifier,
    }: {
      identifier: { id?: string; handle?: string };
    }) => {
      const p = identifier.handle
        ? s.products.find((x) => x.handle === identifier.handle)
        : s.productById.get(parseGid(identifier.id)?.id ?? -1);
      return p ? productView(s, p) : null;
    },
    productVariants: (a: PageArgs) =>
      connection(
        [...s.variantById.values()],
        a,
        (v) => v.legacyId,
        (v) => variantView(s, v),
      ),
    locations: (a: PageArgs) =>
      connection(
        s.locations,
        a,
        (l) => l.legacyId,
        (l) => locationView(s, l.legacyId),
      ),
    inventoryItem: ({ id }: { id: string }) => {
      const v = s.variantByInventoryItem.get(parseGid(id)?.id ?? -1);
      return v ? inventoryItemView(s, v) : null;
    },
    node: ({ id }: { id: string }) => nodeById(ctx, id),
    nodes: ({ ids }: { ids: string[] }) => ids.map((id) => nodeById(ctx, id)),
    segments: (a: PageArgs) =>
      connection(s.segments, a, (g) => g.legacyId, segmentView),
    segment: ({ id }: { id: string }) => {
      const g = s.segments.find((x) => x.legacyId === parseGid(id)?.id);
      return g ? segmentView(g) : null;
    },
    segmentsCount: () => count(s.segments.length),
    customerSegmentMembers: (
      a: PageArgs & { segmentId?: string; query?: string; timezone?: string },
    ) => {
      const text = a.segmentId
        ? s.segments.find((x) => x.legacyId === parseGid(a.segmentId)?.id)
            ?.query
        : a.query;
      if (text == null)
        throw new GraphQLError("Segment does not exist", {
          extensions: { code: "NOT_FOUND" },
        });
      let members: Customer[];
      try {
        const tree = parseSegmentQuery(text);
        const timeZone =
          a.timezone && Intl.supportedValuesOf("timeZone").includes(a.timezone)
            ? a.timezone
            : "UTC";
        members = s.customers.filter((c) =>
          evaluateSegment(tree, c, s, ctx.now(), timeZone),
        );
      } catch (e) {
        if (e instanceof SegmentQueryError)
          throw new GraphQLError(e.message, {
            extensions: { code: "INVALID_SEGMENT_QUERY" },
          });
        throw e;
      }
      return {
        ...connection(
          members,
          a,
          (c) => c.legacyId,
          (c) => ({
            __typename: "CustomerSegmentMember",
            id: gid("CustomerSegmentMember", c.legacyId),
            firstName: c.firstName,
            lastName: c.lastName,
            displayName: `${c.lastName} ${c.firstName}`,
            defaultEmailAddress: {
              emailAddress: c.email,
              marketingState: c.emailMarketing,
            },
            numberOfOrders: String(c.orderIds.length),
            amountSpent: {
              amount: s.amountSpent(c).toFixed(1),
              currencyCode: "JPY",
            },
            lastOrderId: c.orderIds.length
              ? gid("Order", c.orderIds[c.orderIds.length - 1])
              : null,
            ...metafieldFields(c.metafields, gid("Customer", c.legacyId)),
          }),
        ),
        totalCount: members.length,
        statistics: null,
      };
    },
    currentBulkOperation: ({ type }: { type?: string }) => {
      const list = s.bulkOperations.filter((b) => b.type === (type ?? "QUERY"));
      const op = list[list.length - 1];
      return op ? bulkOperationView(op, ctx.baseUrl) : null;
    },
    webhookSubscriptions: (a: PageArgs) =>
      connection(
        [] as { id: number }[],
        a,
        (x) => x.id,
        (x) => x,
      ),
    ...collectionResolvers(s),
    ...mutations(ctx),
    ...metaobjectResolvers(s, s.metaobjects),
  };
}

function nodeById(ctx: RequestContext, id: string) {
  const s = ctx.state;
  const parsed = parseGid(id);
  if (!parsed) return null;
  switch (parsed.type) {
    case "Customer": {
      const c = s.customerById.get(parsed.id);
      return c ? customerView(s, c) : null;
    }
    case "Order": {
      const o = s.orderById.get(parsed.id);
      return o ? orderView(s, o) : null;
    }
    case "Product": {
      const p = s.productById.get(parsed.id);
      return p ? productView(s, p) : null;
    }
    case "Collection": {
      const c = s.collectionById.get(parsed.id);
      return c ? collectionView(s, c) : null;
    }
    case "ProductVariant": {
      const v = s.variantById.get(parsed.id);
      return v ? variantView(s, v) : null;
    }
    case "Fulfillment": {
      const f = s.orders
        .flatMap((o) => o.fulfillments)
        .find((x) => x.legacyId === parsed.id);
      return f ? fulfillmentView(s, f) : null;
    }
    case "BulkOperation": {
      const b = s.bulkOperations.find((x) => x.legacyId === parsed.id);
      return b ? bulkOperationView(b, ctx.baseUrl) : null;
    }
    case "Segment": {
      const g = s.segments.find((x) => x.legacyId === parsed.id);
      return g ? segmentView(g) : null;
    }
    default:
      return null;
  }
}
