/** The dev store's data, shaped close to Shopify's Admin GraphQL objects. Money is in JPY. */
export interface Metafield {
  id: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

export interface InventoryLevel {
  locationId: string;
  available: number;
}

export interface Variant {
  legacyId: number;
  title: string;
  price: number;
  sku: string;
  inventoryItemId: number;
  levels: InventoryLevel[];
  productId: number;
}

export interface Product {
  legacyId: number;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  tags: string[];
  descriptionHtml: string;
  createdAt: string;
  updatedAt: string;
  variants: Variant[];
  imageColor: string;
  metafields: Metafield[];
}

/**
 * A manual ("custom") collection: its products in the merchant's order. Shopify's smart
 * collections (rules) are not modelled; membership changes through the story events.
 */
export interface Collection {
  legacyId: number;
  title: string;
  handle: string;
  descriptionHtml: string;
  createdAt: string;
  updatedAt: string;
  productIds: number[];
  metafields: Metafield[];
}

export type MarketingState =
  "SUBSCRIBED" | "NOT_SUBSCRIBED" | "UNSUBSCRIBED" | "PENDING";
export type CustomerState = "ENABLED" | "DISABLED" | "INVITED" | "DECLINED";

export interface Address {
  firstName: string;
  lastName: string;
  address1: string;
  city: string;
  province: string;
  zip: string;
  country: string;
  countryCode: string;
  phone: string | null;
}

export interface Customer {
  legacyId: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  locale: "ja" | "en";
  state: CustomerState;
  tags: string[];
  emailMarketing: MarketingState;
  smsMarketing: MarketingState;
  createdAt: string;
  updatedAt: string;
  address: Address;
  metafields: Metafield[];
  /** Maintained from orders. */
  orderIds: number[];
}

export interface LineItem {
  legacyId: number;
  variantId: number;
  productId: number;
  title: string;
  quantity: number;
  price: number;
}

export interface Fulfillment {
  legacyId: number;
  orderId: number;
  status: "SUCCESS" | "CANCELLED";
  displayStatus:
    "FULFILLED" | "IN_TRANSIT" | "OUT_FOR_DELIVERY" | "DELIVERED" | "CONFIRMED";
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
  tracking: { company: string; number: string; url: string | null }[];
}

export interface Order {
  legacyId: number;
  number: number;
  name: string;
  customerId: number | null;
  email: string | null;
  locale: "ja" | "en";
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  financialStatus: "PAID" | "PENDING" | "REFUNDED";
  lines: LineItem[];
  fulfillments: Fulfillment[];
  shippingAddress: Address;
}

export interface ShopData {
  products: Product[];
  customers: Customer[];
  orders: Order[];
  locations: { legacyId: number; name: string }[];
}
