/**
 * One interface for every way a message leaves: email (SMTP), LINE (Messaging API push) and SMS
 * (Twilio). A channel says whether a retry with the same idempotency key is safe (the provider
 * drops the duplicate): LINE is (X-Line-Retry-Key); SMTP and Twilio are not. A channel that is not
 * throws UncertainChannelError for a failure after which the provider may have the message.
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
/**
 * The provider may already have the message (a timeout or reset after it was handed over, a 5xx
 * after the request was written): sending again could reach the customer twice, so the message is
 * marked "uncertain" for the merchant to check and never resent automatically.
 */
export class UncertainChannelError extends Error {}

// Network failures that happen before a single byte of the request leaves: name resolution, a
// refused or unreachable connection, a TLS handshake that fails (certificate, protocol).
const NOTHING_SENT =
  /^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT|ERR_TLS_.*|ERR_SSL_.*|CERT_.*|UNABLE_TO_.*|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)$/;

/**
 * Whether a failed fetch certainly never handed the request over. fetch (undici) throws
 * "fetch failed" with the socket's error as `cause`; a connection attempt to several addresses
 * fails with an AggregateError of them. Anything unknown counts as "maybe sent".
 */
export function failedBeforeSending(error: unknown): boolean {
  const codes: string[] = [];
  const walk = (e: unknown, depth: number) => {
    if (!e || typeof e !== "object" || depth > 4) return;
    const x = e as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof x.code === "string") codes.push(x.code);
    else if (Array.isArray(x.errors))
      for (const inner of x.errors) walk(inner, depth + 1);
    walk(x.cause, depth + 1);
  };
  walk(error, 0);
  return codes.length > 0 && codes.every((c) => NOTHING_SENT.test(c));
}

/** A stable UUID from a key, for providers that take a UUID as idempotency key. */
export async function uuidFrom(key: string): Promise<string> {
  const { createHash } = await import("node:crypto");
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
