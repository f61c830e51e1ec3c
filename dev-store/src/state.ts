import { createHmac, randomBytes } from "node:crypto";
import type {
  Collection,
  Customer,
  Metafield,
  Order,
  Product,
  ShopData,
  Variant,
} from "./seed/types";
import { MetaobjectStore } from "./metaobjects";

/** The dev store's mutable state and its lookups. One per dev store. */
export interface Segment {
  legacyId: number;
  name: string;
  query: string;
  creationDate: string;
  lastEditDate: string;
}

export interface BulkOperation {
  legacyId: number;
  type: "QUERY" | "MUTATION";
  query: string;
  status:
    | "CREATED"
    | "RUNNING"
    | "COMPLETED"
    | "FAILED"
    | "CANCELED"
    | "CANCELING"
    | "EXPIRED";
  errorCode: null | "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT";
  createdAt: string;
  completedAt: string | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  file: string | null;
  partialDataUrl: string | null;
}

export class State {
  readonly products: Product[];
  readonly customers: Customer[];
  readonly orders: Order[];
  readonly locations: ShopData["locations"];
  readonly productById = new Map<number, Product>();
  readonly variantById = new Map<number, Variant>();
  readonly variantByInventoryItem = new Map<number, Variant>();
  readonly customerById = new Map<number, Customer>();
  readonly orderById = new Map<number, Order>();
  readonly collections: Collection[] = [];
  readonly collectionById = new Map<number, Collection>();
  readonly shopMetafields: Metafield[] = [];
  readonly appMetafields: Metafield[] = [];
  readonly segments: Segment[] = [];
  readonly bulkOperations: BulkOperation[] = [];
  readonly metaobjects = new MetaobjectStore();
  nextId = 90_000_000_000;

  constructor(
    data: ShopData,
    readonly shop: {
      domain: string;
      name: string;
      email: string;
      appHandle: string;
    },
  ) {
    this.products = data.products;
    this.customers = data.customers;
    this.orders = data.orders;
    this.locations = data.locations;
    for (const p of this.products) {
      this.productById.set(p.legacyId, p);
      for (const v of p.variants) {
        this.variantById.set(v.legacyId, v);
        this.variantByInventoryItem.set(v.inventoryItemId, v);
      }
    }
    for (const c of this.customers) this.customerById.set(c.legacyId, c);
    for (const o of this.orders) this.orderById.set(o.legacyId, o);
  }

  addCollection(c: Collection): void {
    this.collections.push(c);
    this.collectionById.set(c.legacyId, c);
  }

  removeCollection(c: Collection): void {
    this.collections.splice(this.collections.indexOf(c), 1);
    this.collectionById.delete(c.legacyId);
  }

  /** The collections a product belongs to, in collection order. */
  collectionsOf(productId: number): Collection[] {
    return this.collections.filter((c) => c.productIds.includes(productId));
  }

  id(): number {
    return ++this.nextId;
  }

  /** Per store, so a checkout token cannot be worked out from an order's id. */
  private readonly checkoutSecret = randomBytes(16);

  /**
   * The token of the checkout an order came from (Order.checkoutToken; the thank-you page's
   * `shopify.checkoutToken`): a secret only that checkout's buyer sees. Shopify's are random;
   * here they are derived from the id with the store's secret, so every order has one and seed
   * data need not store it.
   */
  checkoutToken(o: Pick<Order, "legacyId">): string {
    return createHmac("sha256", this.checkoutSecret)
      .update(String(o.legacyId))
      .digest("hex")
      .slice(0, 32);
  }

  customerOrders(c: Customer): Order[] {
    return c.orderIds.map((id) => this.orderById.get(id)!).filter(Boolean);
  }

  amountSpent(c: Customer): number {
    return this.customerOrders(c)
      .filter((o) => o.financialStatus !== "REFUNDED")
      .reduce((sum, o) => sum + orderTotal(o), 0);
  }
}

export function orderTotal(o: Order): number {
  return o.lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
}

export const gid = (type: string, id: number | string) =>
  `gid://shopify/${type}/${id}`;

export function parseGid(value: unknown): { type: string; id: number } | null {
  if (typeof value !== "string") return null;
  const m = /^gid:\/\/shopify\/(\w+)\/(\d+)(\?.*)?$/.exec(value);
  return m ? { type: m[1], id: Number(m[2]) } : null;
}
