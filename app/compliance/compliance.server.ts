import { deleteCustomer } from "../customers/mirror.server";
import { Prisma, type PrismaClient } from "@prisma/client";
import type { CustomerRedactPayload, DataRequestPayload } from "./payloads";

/**
 * What the app holds about a customer, and how to erase it. Each feature that stores customer
 * data adds a source here; the compliance webhooks then cover it without further changes.
 */
export interface CustomerRef {
  customerId: string;
  orderIds: string[];
}

interface CustomerDataSource {
  name: string;
  collect(db: PrismaClient, shop: string, ref: CustomerRef): Promise<unknown[]>;
  erase(db: PrismaClient, shop: string, ref: CustomerRef): Promise<number>;
}

const sources: CustomerDataSource[] = [
  {
    name: "customerProfile",
    collect: (db, shop, ref) =>
      db.customer.findMany({
        where: { shop, customerId: ref.customerId },
        select: {
          customerId: true,
          email: true,
          phone: true,
          firstName: true,
          lastName: true,
          locale: true,
          accountState: true,
          emailConsent: true,
          smsConsent: true,
          tags: true,
          ordersCount: true,
          amountSpent: true,
          firstOrderAt: true,
          lastOrderAt: true,
        },
      }),
    erase: (db, shop, ref) =>
      db.$transaction((tx) => deleteCustomer(tx, shop, ref.customerId)),
  },
  {
    name: "orders",
    collect: (db, shop, ref) =>
      db.order.findMany({
        where: { shop, ...aboutCustomerOrOrder(ref) },
        select: {
          orderId: true,
          name: true,
          locale: true,
          processedAt: true,
          totalPrice: true,
          currency: true,
          productIds: true,
        },
      }),
    erase: async (db, shop, ref) =>
      (
        await db.order.deleteMany({
          where: { shop, ...aboutCustomerOrOrder(ref) },
        })
      ).count,
  },
  {
    name: "webhookEvents",
    collect: (db, shop, ref) =>
      db.webhookEvent.findMany({
        where: {
          shop,
          ...aboutCustomerOrOrder(ref),
          topic: { notIn: ["customers/data_request", "customers/redact"] },
        },
        select: { topic: true, receivedAt: true, payload: true },
      }),
    erase: async (db, shop, ref) =>
      (
        await db.webhookEvent.deleteMany({
          where: { shop, ...aboutCustomerOrOrder(ref) },
        })
      ).count,
  },
  {
    // Answers stay in the survey's figures without the person: the comment (and what was read
    // from it) and every link to the customer or order go.
    name: "surveyResponses",
    collect: (db, shop, ref) =>
      db.surveyResponse.findMany({
        where: { shop, ...aboutCustomerOrOrder(ref) },
        select: {
          surveyId: true,
          channel: true,
          score: true,
          choice: true,
          comment: true,
          locale: true,
          orderId: true,
          createdAt: true,
        },
      }),
    erase: async (db, shop, ref) =>
      (
        await db.surveyResponse.updateMany({
          where: { shop, ...aboutCustomerOrOrder(ref) },
          data: {
            comment: "",
            cues: null,
            customerId: null,
            orderId: null,
            responseKey: null,
          },
        })
      ).count,
  },
  {
    // Follow-up messages: the address, the text written for the customer, and the outbox row.
    name: "followUpMessages",
    collect: (db, shop, ref) =>
      db.flowMessage.findMany({
        where: { shop, ...aboutCustomerOrOrder(ref) },
        select: {
          channel: true,
          recipient: true,
          locale: true,
          subject: true,
          body: true,
          status: true,
          orderId: true,
          scheduledAt: true,
          sentAt: true,
        },
      }),
    erase: async (db, shop, ref) =>
      (
        await db.flowMessage.deleteMany({
          where: { shop, ...aboutCustomerOrOrder(ref) },
        })
      ).count,
  },
  {
    name: "unsubscribes",
    collect: (db, shop, ref) =>
      db.unsubscribe.findMany({
        where: { shop, customerId: ref.customerId },
        select: { channel: true, createdAt: true },
      }),
    erase: async (db, shop, ref) =>
      (
        await db.unsubscribe.deleteMany({
          where: { shop, customerId: ref.customerId },
        })
      ).count,
  },
  {
    name: "dataRequests",
    collect: async () => [], // earlier reports are copies of the above
    erase: async (db, shop, ref) =>
      (
        await db.dataRequest.deleteMany({
          where: { shop, customerId: ref.customerId },
        })
      ).count,
  },
];

/** Rows about the customer or one of the orders named in the request (orders, events, answers, messages). */
function aboutCustomerOrOrder(ref: CustomerRef) {
  return {
    OR: [{ customerId: ref.customerId }, { orderId: { in: ref.orderIds } }],
  };
}

/** customers/data_request: assemble everything held about the customer into a report the merchant can download. */
export async function fulfilDataRequest(
  db: PrismaClient,
  shop: string,
  p: DataRequestPayload,
): Promise<string> {
  const ref = { customerId: p.customer.id, orderIds: p.orders_requested };
  const data: Record<string, unknown[]> = {};
  for (const source of sources)
    data[source.name] = await source.collect(db, shop, ref);
  const report = {
    shop,
    generatedAt: new Date().toISOString(),
    request: {
      customer: p.customer,
      ordersRequested: p.orders_requested,
      dataRequestId: p.data_request?.id ?? null,
    },
    data,
  };
  const requestId = p.data_request?.id ?? null;
  const fields = {
    customerId: ref.customerId,
    requestId,
    report: JSON.stringify(report, jsonReplacer),
  };
  // A job retried after this ran (the worker stopped before recording it done) renews the same
  // request's report instead of listing the request twice.
  const earlier = requestId
    ? await db.dataRequest.findFirst({
        where: { shop, requestId },
        select: { id: true },
      })
    : null;
  const row = earlier
    ? await db.dataRequest.update({
        where: { id: earlier.id },
        data: fields,
        select: { id: true },
      })
    : await db.dataRequest.create({
        data: { shop, ...fields },
        select: { id: true },
      });
  return row.id;
}

/** customers/redact: erase the customer and the listed orders everywhere. */
export async function redactCustomer(
  db: PrismaClient,
  shop: string,
  p: CustomerRedactPayload,
): Promise<Record<string, number>> {
  const ref = { customerId: p.customer.id, orderIds: p.orders_to_redact };
  const erased: Record<string, number> = {};
  for (const source of sources)
    erased[source.name] = await source.erase(db, shop, ref);
  return erased;
}

/**
 * shop/redact: erase everything of the shop. Every model with a `shop` column is covered by
 * reading Prisma's data model, so a table added later cannot be forgotten.
 */
export async function redactShop(
  db: PrismaClient,
  shop: string,
): Promise<Record<string, number>> {
  const erased: Record<string, number> = {};
  for (const model of Prisma.dmmf.datamodel.models) {
    if (!model.fields.some((f) => f.name === "shop")) continue;
    const delegate = model.name.charAt(0).toLowerCase() + model.name.slice(1);
    const table = (
      db as unknown as Record<
        string,
        { deleteMany(args: unknown): Promise<{ count: number }> }
      >
    )[delegate];
    erased[model.name] = (await table.deleteMany({ where: { shop } })).count;
  }
  return erased;
}

function jsonReplacer(_key: string, value: unknown) {
  if (typeof value === "bigint") return value.toString();
  return value;
}
