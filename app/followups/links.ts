import {
  signParts,
  verifyParts,
  type TokenPart,
} from "../security/signed-token";

/**
 * Signed links in follow-up messages: unsubscribe (shop, customer, channel) and click-through
 * (shop, message, target URL), each kind with its own key (app/security/signed-token.ts).
 */
type Kind = "unsubscribe" | "click";
const purpose = (kind: Kind) => `tsunagu:followup-${kind}:v1`;

export function signToken(
  kind: Kind,
  parts: TokenPart[],
  secret: string,
): string {
  return signParts(purpose(kind), parts, secret);
}

export function verifyToken(
  kind: Kind,
  token: string,
  secret: string,
): TokenPart[] | null {
  const result = verifyParts(purpose(kind), token, secret, 3000);
  return result.ok ? result.parts : null;
}

/**
 * The message id, when given, lets the flow's stats count the unsubscribe against its step; the
 * locale is the language the message went out in, which the unsubscribe page then speaks. Tokens
 * handed out before either was carried (3 or 4 parts) stay valid.
 */
export const unsubscribeUrl = (
  appUrl: string,
  secret: string,
  shop: string,
  customerId: string,
  channel: string,
  messageId?: string,
  locale?: string,
) =>
  `${appUrl.replace(/\/$/, "")}/unsubscribe/${signToken("unsubscribe", locale ? [shop, customerId, channel, messageId ?? null, locale] : messageId ? [shop, customerId, channel, messageId] : [shop, customerId, channel], secret)}`;

export interface UnsubscribeClaims {
  shop: string;
  customerId: string;
  channel: "email" | "line" | "sms";
  messageId: string | null;
  locale: string | null;
}

/** An unsubscribe token's claims, in any of its forms (see unsubscribeUrl); null if not valid. */
export function readUnsubscribeToken(
  token: string,
  secret: string,
): UnsubscribeClaims | null {
  const parts = verifyToken("unsubscribe", token, secret);
  if (!parts || parts.length < 3 || parts.length > 5) return null;
  const [shop, customerId, channel, messageId = null, locale = null] = parts;
  if (
    typeof shop !== "string" ||
    typeof customerId !== "string" ||
    (channel !== "email" && channel !== "line" && channel !== "sms") ||
    (messageId !== null && typeof messageId !== "string") ||
    (locale !== null && typeof locale !== "string")
  )
    return null;
  return { shop, customerId, channel, messageId, locale };
}
export const clickUrl = (
  appUrl: string,
  secret: string,
  shop: string,
  messageId: string,
  target: string,
) =>
  `${appUrl.replace(/\/$/, "")}/r/${signToken("click", [shop, messageId, target], secret)}`;
