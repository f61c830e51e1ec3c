import type { PrismaClient } from "@prisma/client";
import { enqueueJob, isUniqueViolation } from "../jobs/queue.server";
import { subjectOf } from "./subject";

export interface ReceivedWebhook {
  shop: string;
  topic: string;
  webhookId: string;
  eventId?: string;
  apiVersion?: string;
  triggeredAt?: string;
  payload: unknown;
}

export const WEBHOOK_JOB = "webhook";

/**
 * Records a verified delivery and queues its processing, in one transaction, so the route can
 * answer Shopify at once. A second delivery of the same webhook id, or of the same event for the
 * same topic, writes nothing and reports `duplicate`.
 */
export async function receiveWebhook(
  db: PrismaClient,
  hook: ReceivedWebhook,
): Promise<{ duplicate: boolean }> {
  const { customerId, orderId } = subjectOf(hook.topic, hook.payload);
  const triggeredAt = hook.triggeredAt ? new Date(hook.triggeredAt) : null;
  try {
    await db.$transaction(async (tx) => {
      const event = await tx.webhookEvent.create({
        data: {
          shop: hook.shop,
          topic: hook.topic,
          webhookId: hook.webhookId,
          eventId: hook.eventId ?? null,
          apiVersion: hook.apiVersion ?? null,
          triggeredAt:
            triggeredAt && !Number.isNaN(triggeredAt.getTime())
              ? triggeredAt
              : null,
          customerId,
          orderId,
          payload: JSON.stringify(hook.payload ?? {}),
        },
        select: { id: true },
      });
      await enqueueJob(tx, {
        shop: hook.shop,
        type: WEBHOOK_JOB,
        key: `webhook:${event.id}`,
        payload: { webhookEventId: event.id },
      });
    });
    return { duplicate: false };
  } catch (error) {
    if (isUniqueViolation(error)) return { duplicate: true };
    throw error;
  }
}
