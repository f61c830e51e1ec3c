import { randomUUID } from "node:crypto";
import type { WebhookEvent } from "../contract";
import { absolute, type AppConfig } from "./app-config";
import { webhookHmac } from "./crypto";

/**
 * Delivers webhooks to the app like Shopify: one POST per subscription, signed, with Shopify's
 * headers. X-Shopify-Webhook-Id identifies a delivery and stays the same across its retries;
 * X-Shopify-Event-Id identifies the event. Non-2xx or a timeout is retried with backoff; the
 * duplicate switch sends every delivery twice (Shopify may).
 */
export interface DeliveryRecord {
  webhookId: string;
  eventId: string;
  topic: string;
  url: string;
  attempts: { at: string; status: number | null; error?: string }[];
  state: "pending" | "delivered" | "failed";
}

export interface WebhookOptions {
  duplicate?: boolean;
  retryDelaysMs?: number[];
  timeoutMs?: number;
}

export class WebhookDelivery {
  readonly log: DeliveryRecord[] = [];
  duplicate: boolean;
  private retryDelays: number[];
  private timeoutMs: number;
  private timers = new Set<NodeJS.Timeout>();

  constructor(
    private config: AppConfig,
    private opts: {
      appUrl: string;
      shop: string;
      apiSecret: string;
    } & WebhookOptions,
  ) {
    this.duplicate = opts.duplicate ?? false;
    this.retryDelays = opts.retryDelaysMs ?? [1000, 5000, 15000, 60000];
    this.timeoutMs = opts.timeoutMs ?? 5000;
  }

  deliver(event: WebhookEvent): DeliveryRecord[] {
    const subs = this.config.subscriptions.filter(
      (s) => s.topic === event.topic,
    );
    return subs.map((sub) => {
      const record: DeliveryRecord = {
        webhookId: randomUUID(),
        eventId: event.eventId,
        topic: event.topic,
        url: absolute(sub.uri, this.opts.appUrl),
        attempts: [],
        state: "pending",
      };
      this.log.push(record);
      if (this.log.length > 2000) this.log.splice(0, this.log.length - 2000);
      const body = JSON.stringify(event.payload);
      void this.attempt(record, body, event, 0);
      if (this.duplicate)
        void this.attempt(
          { ...record, attempts: [] },
          body,
          event,
          this.retryDelays.length,
        );
      return record;
    });
  }

  private async attempt(
    record: DeliveryRecord,
    body: string,
    event: WebhookEvent,
    retry: number,
  ): Promise<void> {
    const headers = {
      "Content-Type": "application/json",
      "User-Agent": "Shopify-Captain-Hook",
      "X-Shopify-Topic": event.topic,
      "X-Shopify-Hmac-Sha256": webhookHmac(body, this.opts.apiSecret),
      "X-Shopify-Shop-Domain": this.opts.shop,
      "X-Shopify-Webhook-Id": record.webhookId,
      "X-Shopify-Event-Id": event.eventId,
      "X-Shopify-Triggered-At": event.triggeredAt,
      "X-Shopify-API-Version": this.config.apiVersion,
    };
    let status: number | null = null;
    let error: string | undefined;
    try {
      const res = await fetch(record.url, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    record.attempts.push({
      at: new Date().toISOString(),
      status,
      ...(error ? { error } : {}),
    });
    if (status !== null && status >= 200 && status < 300) {
      record.state = "delivered";
      return;
    }
    if (retry >= this.retryDelays.length) {
      record.state = "failed";
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(record, body, event, retry + 1);
    }, this.retryDelays[retry]);
    timer.unref();
    this.timers.add(timer);
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
