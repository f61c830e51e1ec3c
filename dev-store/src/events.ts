import type {
  CollectionInput,
  CustomerInput,
  OrderInput,
  TrackingInput,
} from "./contract";
import {
  collectionDeletePayload,
  collectionPayload,
  customerPayload,
  fulfillmentPayload,
  orderPayload,
} from "./payloads";
import { ID_BASE } from "./seed/generate";
import type { Collection, Customer, Order } from "./seed/types";
import { gid, parseGid, type State } from "./state";

/** Story events: each changes the store and reports the webhooks Shopify would send. */
export type Emit = (topic: string, payload: unknown) => void;

export class StoryEvents {
  constructor(
    private s: State,
    private emit: Emit,
    private now: () => Date,
  ) {}

  createOrder(input: OrderInput): { orderId: string; name: string } {
    if (!input.lines.length)
      throw new EventError("an order needs at least one line");
    const customer = input.customerId ? this.customer(input.customerId) : null;
    const lines = input.lines.map((line, j) => {
      const variant = this.s.variantById.get(
        parseGid(line.variantId)?.id ?? -1,
      );
      if (!variant) throw new EventError(`no variant ${line.variantId}`);
      if (!Number.isInteger(line.quantity) || line.quantity < 1)
        throw new EventError("quantity must be a positive integer");
      const product = this.s.productById.get(variant.productId)!;
      return {
        legacyId: 0,
        variantId: variant.legacyId,
        productId: product.legacyId,
        title: product.title,
        quantity: line.quantity,
        price: variant.price,
        j,
      };
    });
    const at = (
      input.processedAt ? new Date(input.processedAt) : this.now()
    ).toISOString();
    const number = this.s.orders.length + 1;
    const order: Order = {
      legacyId: ID_BASE.order + number,
      number: 1000 + number,
      name: `#${1000 + number}`,
      customerId: customer?.legacyId ?? null,
      email: customer?.email ?? input.email ?? null,
      locale: input.locale ?? customer?.locale ?? "ja",
      createdAt: at,
      processedAt: at,
      updatedAt: at,
      financialStatus: "PAID",
      lines: lines.map(({ j, ...l }) => ({
        ...l,
        legacyId: ID_BASE.line + number * 10 + j,
      })),
      fulfillments: [],
      shippingAddress: customer?.address ?? {
        firstName: "Guest",
        lastName: "",
        address1: "",
        city: "",
        province: "",
        zip: "",
        country: "Japan",
        countryCode: "JP",
        phone: null,
      },
    };
    this.s.orders.push(order);
    this.s.orderById.set(order.legacyId, order);
    this.emit("orders/create", orderPayload(this.s, order));
    if (customer) {
      customer.orderIds.push(order.legacyId);
      customer.updatedAt = at;
      this.emit("customers/update", customerPayload(this.s, customer));
    }
    return { orderId: gid("Order", order.legacyId), name: order.name };
  }

  fulfillOrder(
    orderId: string,
    tracking: TrackingInput,
  ): { fulfillmentId: string } {
    const order = this.order(orderId);
    if (tracking.url && !/^https?:\/\//.test(tracking.url))
      throw new EventError("tracking url must be http(s)");
    const at = this.now().toISOString();
    const legacyId =
      ID_BASE.fulfillment + order.number * 10 + order.fulfillments.length + 5;
    const f = {
      legacyId,
      orderId: order.legacyId,
      status: "SUCCESS" as const,
      displayStatus: "IN_TRANSIT" as const,
      createdAt: at,
      updatedAt: at,
      deliveredAt: null,
      tracking: [
        {
          company: tracking.company,
          number: tracking.number,
          url: tracking.url ?? null,
        },
      ],
    };
    order.fulfillments.push(f);
    order.updatedAt = at;
    this.emit("fulfillments/create", fulfillmentPayload(this.s, f));
    this.emit("orders/updated", orderPayload(this.s, order));
    return { fulfillmentId: gid("Fulfillment", legacyId) };
  }

  markDelivered(fulfillmentId: string): void {
    const id = parseGid(fulfillmentId)?.id;
    const order = this.s.orders.find((o) =>
      o.fulfillments.some((f) => f.legacyId === id),
    );
    const f = order?.fulfillments.find((x) => x.legacyId === id);
    if (!order || !f) throw new EventError(`no fulfillment ${fulfillmentId}`);
    const at = this.now().toISOString();
    Object.assign(f, {
      displayStatus: "DELIVERED",
      deliveredAt: at,
      updatedAt: at,
    });
    order.updatedAt = at;
    this.emit("fulfillments/update", fulfillmentPayload(this.s, f));
    this.emit("orders/updated", orderPayload(this.s, order));
  }

  adjustInventory(
    inventoryItemId: string,
    delta: number,
  ): { available: number } {
    const variant = this.s.variantByInventoryItem.get(
      parseGid(inventoryItemId)?.id ?? -1,
    );
    if (!variant) throw new EventError(`no inventory item ${inventoryItemId}`);
    if (!Number.isInteger(delta))
      throw new EventError("delta must be an integer");
    const level = variant.levels[0];
    level.available = Math.max(0, level.available + delta);
    return { available: level.available };
  }

  upsertCustomer(input: CustomerInput): { customerId: string } {
    const at = this.now().toISOString();
    if (input.id) {
      const c = this.customer(input.id);
      if (input.firstName !== undefined) c.firstName = input.firstName;
      if (input.lastName !== undefined) c.lastName = input.lastName;
      if (input.email !== undefined) c.email = input.email;
      if (input.phone !== undefined) c.phone = input.phone;
      if (input.locale) c.locale = input.locale;
      if (input.tags) c.tags = input.tags;
      if (input.emailMarketingState)
        c.emailMarketing = input.emailMarketingState;
      if (input.smsMarketingState) c.smsMarketing = input.smsMarketingState;
      c.updatedAt = at;
      this.emit("customers/update", customerPayload(this.s, c));
      return { customerId: gid("Customer", c.legacyId) };
    }
    if (!input.email) throw new EventError("a new customer needs an email");
    const legacyId = ID_BASE.customer + this.s.customers.length + 1;
    const c: Customer = {
      legacyId,
      firstName: input.firstName ?? "",
      lastName: input.lastName ?? "",
      email: input.email,
      phone: input.phone ?? null,
      locale: input.locale ?? "ja",
      state: "DISABLED",
      tags: input.tags ?? [],
      emailMarketing: input.emailMarketingState ?? "NOT_SUBSCRIBED",
      smsMarketing: input.smsMarketingState ?? "NOT_SUBSCRIBED",
      createdAt: at,
      updatedAt: at,
      metafields: [],
      orderIds: [],
      address: {
        firstName: input.firstName ?? "",
        lastName: input.lastName ?? "",
        address1: "",
        city: "",
        province: "",
        zip: "",
        country: "Japan",
        countryCode: "JP",
        phone: input.phone ?? null,
      },
    };
    this.s.customers.push(c);
    this.s.customerById.set(legacyId, c);
    this.emit("customers/create", customerPayload(this.s, c));
    return { customerId: gid("Customer", legacyId) };
  }

  updateCollection(input: CollectionInput): {
    collectionId: string;
    productsCount: number;
  } {
    const c = this.collection(input.id);
    const ids = (list: string[] | undefined) =>
      (list ?? []).map((id) => {
        const p = this.s.productById.get(parseGid(id)?.id ?? Number(id));
        if (!p) throw new EventError(`no product ${id}`);
        return p.legacyId;
      });
    const add = ids(input.addProductIds);
    const remove = new Set(ids(input.removeProductIds));
    if (input.title !== undefined && !input.title.trim())
      throw new EventError("a collection needs a title");
    if (input.title !== undefined) c.title = input.title.trim();
    c.productIds = [
      ...c.productIds.filter((id) => !remove.has(id)),
      ...add.filter((id) => !c.productIds.includes(id) && !remove.has(id)),
    ];
    c.updatedAt = this.now().toISOString();
    this.emit("collections/update", collectionPayload(c));
    return {
      collectionId: gid("Collection", c.legacyId),
      productsCount: c.productIds.length,
    };
  }

  deleteCollection(id: string): void {
    const c = this.collection(id);
    this.s.removeCollection(c);
    this.emit("collections/delete", collectionDeletePayload(c));
  }

  private collection(id: string): Collection {
    const c = this.s.collectionById.get(parseGid(id)?.id ?? Number(id));
    if (!c) throw new EventError(`no collection ${id}`);
    return c;
  }

  private customer(id: string): Customer {
    const c = this.s.customerById.get(parseGid(id)?.id ?? Number(id));
    if (!c) throw new EventError(`no customer ${id}`);
    return c;
  }

  private order(id: string): Order {
    const o = this.s.orderById.get(parseGid(id)?.id ?? Number(id));
    if (!o) throw new EventError(`no order ${id}`);
    return o;
  }
}

/** A story event with bad input: the HTTP half answers 422 with the message. */
export class EventError extends Error {}
