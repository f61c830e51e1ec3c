import { productTemplates } from "./catalog";
import { person } from "./people";
import { hash, rng, type Rng } from "./random";
import type {
  CustomerState,
  Customer,
  Fulfillment,
  MarketingState,
  Order,
  Product,
  ShopData,
} from "./types";

/**
 * Deterministic shop data. Customer i and that customer's orders depend only on (seed, i), so
 * a large store can be streamed customer by customer without holding it in memory.
 */
export const ID_BASE = {
  product: 8_000_000_000_000,
  variant: 45_000_000_000_000,
  inventoryItem: 47_000_000_000_000,
  customer: 7_000_000_000_000,
  order: 5_600_000_000_000,
  line: 14_000_000_000_000,
  fulfillment: 4_800_000_000_000,
  location: 61_000_000_000,
  collection: 470_000_000_000,
};
const DAY = 86_400_000;
const HISTORY_DAYS = 548; // 18 months

export interface SeedOptions {
  seed: number;
  now: Date;
  products: number;
  customers: number;
  orders: number;
}

export const DEFAULT_COUNTS = {
  products: 220,
  customers: 2_000,
  orders: 6_000,
};

export function generateProducts(
  opts: Pick<SeedOptions, "seed" | "now" | "products">,
): Product[] {
  const r = rng(opts.seed * 31 + 7);
  return productTemplates(r, opts.products).map((t, i) => {
    const legacyId = ID_BASE.product + i + 1;
    const created = new Date(
      opts.now.getTime() - r.int(200, 900) * DAY,
    ).toISOString();
    return {
      legacyId,
      title: t.title,
      handle: t.handle,
      vendor: t.vendor,
      productType: t.productType,
      tags: t.tags,
      descriptionHtml: t.descriptionHtml,
      createdAt: created,
      updatedAt: created,
      imageColor: t.color,
      metafields: [],
      variants: t.options.map((option, j) => {
        const variantId = ID_BASE.variant + i * 10 + j + 1;
        return {
          legacyId: variantId,
          title: option,
          price: t.basePrice + j * 550,
          sku: `TSN-${i + 1}-${j + 1}`,
          inventoryItemId: ID_BASE.inventoryItem + i * 10 + j + 1,
          levels: [
            {
              locationId: String(ID_BASE.location + 1),
              available: r.int(0, 120),
            },
            {
              locationId: String(ID_BASE.location + 2),
              available: r.int(0, 30),
            },
          ],
          productId: legacyId,
        };
      }),
    };
  });
}

function weighted<T>(r: Rng, table: [number, T][]): T {
  let x = r.next();
  for (const [p, v] of table) {
    if ((x -= p) < 0) return v;
  }
  return table[table.length - 1][1];
}

/** Customer i (0-based) and the orders they place, before global numbering. */
export function customerAt(
  opts: SeedOptions,
  i: number,
  products: Product[],
): { customer: Customer; orders: Order[] } {
  const r = rng(hash(`${opts.seed}:customer:${i}`));
  const locale = r.chance(0.82) ? "ja" : "en";
  const p = person(r, locale, i + 1);
  const now = opts.now.getTime();
  const createdAt = now - r.int(1, HISTORY_DAYS + 180) * DAY - r.int(0, DAY);
  const state = weighted<CustomerState>(r, [
    [0.45, "ENABLED"],
    [0.45, "DISABLED"],
    [0.07, "INVITED"],
    [0.03, "DECLINED"],
  ]);
  const emailMarketing = weighted<MarketingState>(r, [
    [0.4, "SUBSCRIBED"],
    [0.45, "NOT_SUBSCRIBED"],
    [0.12, "UNSUBSCRIBED"],
    [0.03, "PENDING"],
  ]);
  const smsMarketing = p.phone
    ? weighted<MarketingState>(r, [
        [0.15, "SUBSCRIBED"],
        [0.8, "NOT_SUBSCRIBED"],
        [0.05, "UNSUBSCRIBED"],
      ])
    : "NOT_SUBSCRIBED";
  const tags: string[] = [];
  if (r.chance(0.05)) tags.push("vip");
  if (emailMarketing === "SUBSCRIBED" && r.chance(0.6)) tags.push("newsletter");
  if (r.chance(0.1)) tags.push("campaign-2026-spring");
  if (r.chance(0.05)) tags.push("inquiry");
  const legacyId = ID_BASE.customer + i + 1;
  const iso = new Date(createdAt).toISOString();
  const customer: Customer = {
    legacyId,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    phone: p.phone,
    locale,
    state,
    tags,
    emailMarketing,
    smsMarketing,
    createdAt: iso,
    updatedAt: iso,
    address: p.address,
    metafields: [],
    orderIds: [],
  };
  if (r.chance(0.25)) {
    customer.metafields.push({
      id: `gid://shopify/Metafield/${9_000_000_000 + i}`,
      namespace: "loyalty",
      key: "points",
      type: "number_integer",
      value: String(r.int(10, 5000)),
      createdAt: iso,
      updatedAt: iso,
    });
  }

  const count = weighted<[number, number]>(r, [
    [0.08, [0, 0]],
    [0.35, [1, 1]],
    [0.2, [2, 2]],
    [0.12, [3, 3]],
    [0.13, [4, 6]],
    [0.09, [7, 12]],
    [0.03, [13, 25]],
  ]);
  const wanted = r.int(count[0], count[1]);
  const orders: Order[] = [];
  let t = Math.max(createdAt, now - HISTORY_DAYS * DAY) + r.int(0, 120) * DAY;
  const favourite =
    products[Math.floor(Math.pow(r.next(), 2) * products.length)];
  for (let k = 0; k < wanted && t < now; k++) {
    orders.push(
      makeOrder(r, {
        customer,
        at: t,
        products,
        favourite: k > 0 && r.chance(0.5) ? favourite : undefined,
        now,
      }),
    );
    t +=
      Math.max(1, Math.round(-Math.log(1 - r.next()) * 45)) * DAY +
      r.int(0, DAY);
  }
  if (orders.length) customer.updatedAt = orders[orders.length - 1].processedAt;
  return { customer, orders };
}

/** Guest checkouts (no customer record), topping the store up to the wanted order count. */
export function guestOrderAt(
  opts: SeedOptions,
  i: number,
  products: Product[],
): Order {
  const r = rng(hash(`${opts.seed}:guest:${i}`));
  const at = opts.now.getTime() - r.int(0, HISTORY_DAYS) * DAY - r.int(0, DAY);
  return makeOrder(r, {
    customer: null,
    at,
    products,
    now: opts.now.getTime(),
  });
}

function makeOrder(
  r: Rng,
  o: {
    customer: Customer | null;
    at: number;
    products: Product[];
    favourite?: Product;
    now: number;
  },
): Order {
  const locale = o.customer?.locale ?? (r.chance(0.8) ? "ja" : "en");
  const lines = [];
  const count = weighted<number>(r, [
    [0.65, 1],
    [0.25, 2],
    [0.1, 3],
  ]);
  for (let k = 0; k < count; k++) {
    const product =
      k === 0 && o.favourite
        ? o.favourite
        : o.products[Math.floor(Math.pow(r.next(), 1.6) * o.products.length)];
    const variant = r.pick(product.variants);
    lines.push({
      legacyId: 0,
      variantId: variant.legacyId,
      productId: product.legacyId,
      title: product.title,
      quantity: weighted<number>(r, [
        [0.85, 1],
        [0.12, 2],
        [0.03, 3],
      ]),
      price: variant.price,
    });
  }
  const iso = new Date(o.at).toISOString();
  const guest = o.customer ? null : person(r, locale, r.int(100000, 999999));
  const age = (o.now - o.at) / DAY;
  const fulfillments: Fulfillment[] = [];
  if (age > 1.5) {
    const shipped = o.at + r.int(1, 2) * DAY;
    const carrier = carrierFor(r, locale);
    const number =
      String(r.int(100000000, 999999999)) + String(r.int(100, 999));
    const delivered =
      age > 6 ? new Date(shipped + r.int(1, 4) * DAY).toISOString() : null;
    fulfillments.push({
      legacyId: 0,
      orderId: 0,
      status: "SUCCESS",
      displayStatus: delivered
        ? "DELIVERED"
        : age > 3
          ? "IN_TRANSIT"
          : "CONFIRMED",
      createdAt: new Date(shipped).toISOString(),
      updatedAt: delivered ?? new Date(shipped).toISOString(),
      deliveredAt: delivered,
      tracking: [
        { company: carrier.company, number, url: carrier.url(number) },
      ],
    });
  }
  return {
    legacyId: 0,
    number: 0,
    name: "",
    customerId: o.customer?.legacyId ?? null,
    email: o.customer?.email ?? guest?.email ?? null,
    locale,
    createdAt: iso,
    processedAt: iso,
    updatedAt: fulfillments[0]?.updatedAt ?? iso,
    financialStatus: r.chance(0.02) ? "REFUNDED" : "PAID",
    lines,
    fulfillments,
    shippingAddress: o.customer?.address ?? guest!.address,
  };
}

export const CARRIERS = {
  yamato: {
    company: "Yamato (JA)",
    url: (n: string) =>
      `https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number01=${n}`,
  },
  sagawa: {
    company: "Sagawa (JA)",
    url: (n: string) =>
      `https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=${n}`,
  },
  japanPost: {
    company: "Japan Post (JA)",
    url: (n: string) =>
      `https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=${n}`,
  },
  dhl: {
    company: "DHL Express",
    url: (n: string) =>
      `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${n}`,
  },
  fedex: {
    company: "FedEx",
    url: (n: string) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  },
};

function carrierFor(r: Rng, locale: "ja" | "en") {
  return locale === "ja"
    ? r.pick([
        CARRIERS.yamato,
        CARRIERS.yamato,
        CARRIERS.sagawa,
        CARRIERS.japanPost,
      ])
    : r.pick([CARRIERS.dhl, CARRIERS.fedex]);
}

/** Gives orders, lines and fulfillments their ids and names in processing order. */
export function numberOrders(orders: Order[], startIndex = 0): void {
  orders.forEach((order, k) => {
    const n = startIndex + k + 1;
    order.legacyId = ID_BASE.order + n;
    order.number = 1000 + n;
    order.name = `#${order.number}`;
    order.lines.forEach(
      (line, j) => (line.legacyId = ID_BASE.line + n * 10 + j),
    );
    order.fulfillments.forEach((f, j) => {
      f.legacyId = ID_BASE.fulfillment + n * 10 + j;
      f.orderId = order.legacyId;
    });
  });
}

/** The default (in-memory) store: every customer and order materialised, orders numbered by date. */
export function generateShop(opts: SeedOptions): ShopData {
  const products = generateProducts(opts);
  const customers: Customer[] = [];
  const orders: Order[] = [];
  for (let i = 0; i < opts.customers; i++) {
    const { customer, orders: own } = customerAt(opts, i, products);
    customers.push(customer);
    orders.push(...own);
  }
  for (let g = 0; orders.length < opts.orders; g++)
    orders.push(guestOrderAt(opts, g, products));
  orders.sort((a, b) => a.processedAt.localeCompare(b.processedAt));
  numberOrders(orders);
  const byId = new Map(customers.map((c) => [c.legacyId, c]));
  for (const order of orders)
    if (order.customerId)
      byId.get(order.customerId)!.orderIds.push(order.legacyId);
  return {
    products,
    customers,
    orders,
    locations: [
      { legacyId: ID_BASE.location + 1, name: "東京倉庫" },
      { legacyId: ID_BASE.location + 2, name: "大阪店" },
    ],
  };
}
