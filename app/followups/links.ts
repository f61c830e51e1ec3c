import {
  signParts,
  verifyParts,
  type TokenPart,
} from "../security/signed-token";

/**
 * Signed links in follow-up messages: unsubscribe (shop, customer, channel), the unsubscribe link
 * of a preview or test email (shop, channel, language) and click-through (shop, message, target
 * URL), each kind with its own key (app/security/signed-token.ts).
 */
type Kind = "unsubscribe" | "unsubscribe-preview" | "click";
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

/**
 * The unsubscribe link of a follow-up's admin preview and test email: the real page's address
 * (/unsubscribe/<token>), opening it marked as a preview. It names no customer and is signed for
 * its own purpose, so it can never unsubscribe anyone, whoever the test email reaches.
 */
export const previewUnsubscribeUrl = (
  appUrl: string,
  secret: string,
  shop: string,
  channel: string,
  locale: string,
) =>
  `${appUrl.replace(/\/$/, "")}/unsubscribe/${signToken("unsubscribe-preview", [shop, channel, locale], secret)}`;

export type UnsubscribeLink =
  | { preview: false; claims: UnsubscribeClaims }
  | {
      preview: true;
      claims: Pick<UnsubscribeClaims, "shop" | "channel"> & { locale: string };
    };

/** An unsubscribe link's token: a customer's, or a preview's; null if neither. */
export function readUnsubscribeLink(
  token: string,
  secret: string,
): UnsubscribeLink | null {
  const claims = readUnsubscribeToken(token, secret);
  if (claims) return { preview: false, claims };
  const parts = verifyToken("unsubscribe-preview", token, secret);
  if (!parts || parts.length !== 3) return null;
  const [shop, channel, locale] = parts;
  if (
    typeof shop !== "string" ||
    (channel !== "email" && channel !== "line" && channel !== "sms") ||
    typeof locale !== "string"
  )
    return null;
  return { preview: true, claims: { shop, channel, locale } };
}

export const clickUrl = (
  appUrl: string,
  secret: string,
  shop: string,
  messageId: string,
  target: string,
) =>
  `${appUrl.replace(/\/$/, "")}/r/${signToken("click", [shop, messageId, target], secret)}`;
