/**
 * One interface for every way a message leaves: email (SMTP), LINE (Messaging API push) and SMS
 * (Twilio). A channel says whether a retry with the same idempotency key is safe (the provider
 * drops the duplicate): LINE is (X-Line-Retry-Key); SMTP and Twilio are not.
 */
export interface OutgoingMessage {
  idemKey: string;
  to: string;
  subject?: string;
  body: string;
}

export interface Channel {
  name: "email" | "line" | "sms";
  idempotentRetry: boolean;
  send(message: OutgoingMessage): Promise<{ providerId: string }>;
}

/** Retrying may help (the server was down, a rate limit). */
export class TransientChannelError extends Error {}
/** Retrying cannot help (bad address, bad credentials): the message fails at once. */
export class PermanentChannelError extends Error {}

/** A stable UUID from a key, for providers that take a UUID as idempotency key. */
export async function uuidFrom(key: string): Promise<string> {
  const { createHash } = await import("node:crypto");
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
