import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { customerPayload, orderPayload } from "../customers/payloads";
import { upsertCustomer, upsertOrder } from "../customers/mirror.server";
import { customerRedactPayload, dataRequestPayload } from "../compliance/payloads";
import { fulfilDataRequest, redactCustomer, redactShop } from "../compliance/compliance.server";
import { enqueueJob, PermanentJobError } from "../jobs/queue.server";
import { onBulkFinished } from "../customers/sync.server";
import type { JobHandler } from "../jobs/worker.server";

export const CUSTOMER_SYNC_JOB = "customer-sync-apply";
export const CUSTOMER_SYNC_RETRY_JOB = "customer-sync-retry";

type TopicHandler = (db: PrismaClient, shop: string, payload: unknown) => Promise<void>;

/**
 * What each webhook topic does once recorded. Features add their topics here. Topics without a
 * handler (fulfillments/* until follow-ups land) are recorded and marked processed, nothing more.
 */
export const topicHandlers: Record<string, TopicHandler> = {
  "customers/create": (db, shop, p) => upsertCustomer(db, shop, parse(customerPayload, p)),
  "customers/update": (db, shop, p) => upsertCustomer(db, shop, parse(customerPayload, p)),
  "orders/create": (db, shop, p) => upsertOrder(db, shop, parse(orderPayload, p)),
  "orders/updated": (db, shop, p) => upsertOrder(db, shop, parse(orderPayload, p)),
  "app/scopes_update": async (db, shop, p) => {
    const { current } = parse(z.object({ current: z.array(z.string()) }), p);
    await db.session.updateMany({ where: { shop }, data: { scope: current.join(",") } });
  },
  "customers/data_request": async (db, shop, p) => {
    await fulfilDataRequest(db, shop, parse(dataRequestPayload, p));
  },
  "customers/redact": async (db, shop, p) => {
    await redactCustomer(db, shop, parse(customerRedactPayload, p));
  },
  "bulk_operations/finish": async (db, shop, p) => {
    const payload = parse(z.object({ admin_graphql_api_id: z.string(), status: z.string(), error_code: z.string().nullable() }), p);
    const next = await onBulkFinished(db, shop, payload);
    if (next && "apply" in next) await enqueueJob(db, { shop, type: CUSTOMER_SYNC_JOB, key: `sync-apply:${next.apply}`, payload: { runId: next.apply } });
    if (next && "retry" in next && next.retry) {
      await enqueueJob(db, { shop, type: CUSTOMER_SYNC_RETRY_JOB, key: `sync-retry:${payload.admin_graphql_api_id}`, payload: {}, runAt: new Date(Date.now() + 60_000) });
    }
  },
  "shop/redact": async (db, shop) => {
    await redactShop(db, shop);
  },
};

function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, payload: unknown): T {
  const result = schema.safeParse(payload);
  // A payload that does not parse will not parse on retry either.
  if (!result.success) throw new PermanentJobError(`bad payload: ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return result.data;
}

/** The job that processes one recorded webhook, then drops its payload (data minimisation). */
export function webhookJob(db: PrismaClient): JobHandler {
  return async (job) => {
    const { webhookEventId } = z.object({ webhookEventId: z.string() }).parse(job.data);
    const event = await db.webhookEvent.findUnique({
      where: { id: webhookEventId },
      select: { shop: true, topic: true, payload: true, processedAt: true },
    });
    if (!event || event.processedAt) return; // redacted meanwhile, or already done by an earlier attempt
    const handler = topicHandlers[event.topic];
    if (handler) await handler(db, event.shop, JSON.parse(event.payload));
    await db.webhookEvent.updateMany({ where: { id: webhookEventId }, data: { processedAt: new Date(), payload: "{}" } });
  };
}
