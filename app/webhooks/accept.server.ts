import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { recordUninstall } from "../shops/shops.server";
import { receiveWebhook } from "./receive.server";

/**
 * Shared by the webhook routes (one per topic): verify Shopify's HMAC (the library answers 401
 * for a missing or forged signature), check the topic belongs to this route, record the delivery
 * and queue its processing, answer 200 at once. Redeliveries are acknowledged and ignored.
 */
export async function acceptWebhook(
  request: Request,
  topic: string,
): Promise<Response> {
  // The library answers 400 to a missing signature; an unsigned request is unauthenticated.
  if (!request.headers.get("x-shopify-hmac-sha256"))
    return new Response("missing signature", { status: 401 });
  let ctx: Awaited<ReturnType<typeof authenticate.webhook>>;
  try {
    ctx = await authenticate.webhook(request);
  } catch (error) {
    // A correctly signed body that is not JSON: the library's JSON.parse throws.
    if (error instanceof SyntaxError)
      return new Response("body is not JSON", { status: 400 });
    throw error;
  }
  if (ctx.topic !== storageTopic(topic)) {
    return new Response(`this endpoint takes ${topic} webhooks`, {
      status: 400,
    });
  }
  const { duplicate } = await receiveWebhook(prisma, {
    shop: ctx.shop,
    topic,
    webhookId: ctx.webhookId,
    eventId: ctx.eventId,
    apiVersion: ctx.apiVersion,
    triggeredAt: ctx.triggeredAt,
    payload: ctx.payload,
  });
  // Revoked tokens must stop being used at once, not when the worker gets to it.
  if (topic === "app/uninstalled" && !duplicate)
    await recordUninstall(prisma, ctx.shop, new Date());
  return new Response(null, { status: 200 });
}

/** "orders/create" -> "ORDERS_CREATE", the form @shopify/shopify-api reports topics in. */
export function storageTopic(topic: string): string {
  return topic.toUpperCase().replace(/\//g, "_");
}
