import type { Collection, Customer, Fulfillment, Order } from "./seed/types";
import { gid, orderTotal, type State } from "./state";

/** Webhook bodies shaped like Shopify's REST resources (what webhooks deliver). */
const lower = (s: string) => s.toLowerCase();

/**
 * A customers/* webhook body as Shopify sends it since API 2025-01: without tags and marketing
 * consents, which have topics of their own (customer.tags_added / removed,
 * customers/email_marketing_consent_update, customers/marketing_consent_update).
 */
export function customerPayload(s: State, c: Customer) {
  return {
    id: c.legacyId,
    admin_graphql_api_id: gid("Customer", c.legacyId),
    email: c.email,
    first_name: c.firstName,
    last_name: c.lastName,
    phone: c.phone,
    state: lower(c.state),
    currency: "JPY",
    verified_email: true,
    tax_exempt: false,
    note: null,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    default_address: {
      ...addressPayload(c.address),
      id: c.legacyId,
      customer_id: c.legacyId,
      default: true,
    },
  };
}

function addressPayload(a: Customer["address"]) {
  return {
    first_name: a.firstName,
    last_name: a.lastName,
    address1: a.address1,
    address2: null,
    city: a.city,
    province: a.province,
    zip: a.zip,
    country: a.country,
    country_code: a.countryCode,
    phone: a.phone,
    name: `${a.lastName} ${a.firstName}`,
    company: null,
  };
}

export function fulfillmentPayload(s: State, f: Fulfillment) {
  const order = s.orderById.get(f.orderId);
  const t = f.tracking[0];
  return {
    id: f.legacyId,
    admin_graphql_api_id: gid("Fulfillment", f.legacyId),
    order_id: f.orderId,
    name: `${order?.name ?? ""}.1`,
    status: lower(f.status),
    service: "manual",
    created_at: f.createdAt,
    updated_at: f.updatedAt,
    shipment_status:
      f.displayStatus === "DELIVERED"
        ? "delivered"
        : f.displayStatus === "IN_TRANSIT"
          ? "in_transit"
          : null,
    tracking_company: t?.company ?? null,
    tracking_number: t?.number ?? null,
    tracking_numbers: f.tracking.map((x) => x.number),
    tracking_url: t?.url ?? null,
    tracking_urls: f.tracking.map((x) => x.url).filter(Boolean),
    line_items: (order?.lines ?? []).map((l) => ({
      id: l.legacyId,
      product_id: l.productId,
      variant_id: l.variantId,
      title: l.title,
      quantity: l.quantity,
    })),
  };
}

export function orderPayload(s: State, o: Order) {
  const total = orderTotal(o).toFixed(0);
  const customer = o.customerId ? s.customerById.get(o.customerId) : undefined;
  return {
    id: o.legacyId,
    admin_graphql_api_id: gid("Order", o.legacyId),
    name: o.name,
    order_number: o.number,
    email: o.email,
    contact_email: o.email,
    created_at: o.createdAt,
    processed_at: o.processedAt,
    updated_at: o.updatedAt,
    currency: "JPY",
    presentment_currency: "JPY",
    total_price: total,
    subtotal_price: total,
    total_tax: "0",
    financial_status: lower(o.financialStatus),
    fulfillment_status: o.fulfillments.length ? "fulfilled" : null,
    customer_locale: o.locale,
    test: false,
    tags: "",
    customer: customer ? customerPayload(s, customer) : null,
    line_items: o.lines.map((l) => ({
      id: l.legacyId,
      admin_graphql_api_id: gid("LineItem", l.legacyId),
      product_id: l.productId,
      variant_id: l.variantId,
      title: l.title,
      quantity: l.quantity,
      price: l.price.toFixed(0),
      sku: s.variantById.get(l.variantId)?.sku ?? null,
    })),
    fulfillments: o.fulfillments.map((f) => fulfillmentPayload(s, f)),
    shipping_address: addressPayload(o.shippingAddress),
  };
}

/**
 * collections/update: the collection itself, without its products (Shopify sends no product list;
 * apps read the membership through the Admin API).
 */
export function collectionPayload(c: Collection) {
  return {
    id: c.legacyId,
    handle: c.handle,
    title: c.title,
    updated_at: c.updatedAt,
    body_html: c.descriptionHtml,
    published_at: c.createdAt,
    sort_order: "manual",
    template_suffix: null,
    published_scope: "web",
    admin_graphql_api_id: gid("Collection", c.legacyId),
  };
}

/** collections/delete carries only the id. */
export function collectionDeletePayload(c: Collection) {
  return {
    id: c.legacyId,
    published_scope: "web",
    admin_graphql_api_id: gid("Collection", c.legacyId),
  };
}
