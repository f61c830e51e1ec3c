import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed links in follow-up messages: unsubscribe (shop, customer, channel) and click-through
 * (shop, message, target URL). `base64url(JSON).HMAC` with a key per purpose derived from the app
 * secret, so a link of one kind can never be used as another, and none can be forged.
 */
type Kind = "unsubscribe" | "click";
const key = (secret: string, kind: Kind) => createHmac("sha256", secret).update(`tsunagu:followup-${kind}:v1`).digest();

export function signToken(kind: Kind, parts: (string | number | null)[], secret: string): string {
  const body = Buffer.from(JSON.stringify(parts)).toString("base64url");
  return `${body}.${createHmac("sha256", key(secret, kind)).update(body).digest("base64url")}`;
}

export function verifyToken(kind: Kind, token: string, secret: string): (string | number | null)[] | null {
  if (token.length > 3000 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [body, sig] = token.split(".");
  const expected = createHmac("sha256", key(secret, kind)).update(body).digest();
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parts = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as unknown;
    return Array.isArray(parts) && parts.every((p) => p === null || typeof p === "string" || typeof p === "number") ? (parts as (string | number | null)[]) : null;
  } catch {
    return null;
  }
}

export const unsubscribeUrl = (appUrl: string, secret: string, shop: string, customerId: string, channel: string) => `${appUrl.replace(/\/$/, "")}/unsubscribe/${signToken("unsubscribe", [shop, customerId, channel], secret)}`;
export const clickUrl = (appUrl: string, secret: string, shop: string, messageId: string, target: string) => `${appUrl.replace(/\/$/, "")}/r/${signToken("click", [shop, messageId, target], secret)}`;
