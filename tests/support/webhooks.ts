import { createHmac, randomUUID } from "node:crypto";

export const TEST_SHOP = "tsunagu-test.myshopify.com";

/** Builds a webhook request exactly as Shopify sends it, signed with `secret`. */
export function webhookRequest(opts: {
  topic: string;
  payload: unknown;
  secret?: string;
  shop?: string;
  webhookId?: string;
  eventId?: string;
  hmac?: string | null;
  appUrl?: string;
}): Request {
  const body = JSON.stringify(opts.payload);
  const secret = opts.secret ?? process.env.SHOPIFY_API_SECRET!;
  const headers = new Headers({
    "Content-Type": "application/json",
    "X-Shopify-Topic": opts.topic,
    "X-Shopify-Shop-Domain": opts.shop ?? TEST_SHOP,
    "X-Shopify-Webhook-Id": opts.webhookId ?? randomUUID(),
    "X-Shopify-Event-Id": opts.eventId ?? randomUUID(),
    "X-Shopify-Triggered-At": new Date().toISOString(),
    "X-Shopify-API-Version": "2026-07",
  });
  const hmac =
    opts.hmac === undefined
      ? createHmac("sha256", secret).update(body, "utf8").digest("base64")
      : opts.hmac;
  if (hmac !== null) headers.set("X-Shopify-Hmac-Sha256", hmac);
  const url = `${opts.appUrl ?? process.env.SHOPIFY_APP_URL}/webhooks/${opts.topic}`;
  return new Request(url, { method: "POST", headers, body });
}
