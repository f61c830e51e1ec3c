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

/** The message id, when given, lets the flow's stats count the unsubscribe against its step. */
export const unsubscribeUrl = (
  appUrl: string,
  secret: string,
  shop: string,
  customerId: string,
  channel: string,
  messageId?: string,
) =>
  `${appUrl.replace(/\/$/, "")}/unsubscribe/${signToken("unsubscribe", messageId ? [shop, customerId, channel, messageId] : [shop, customerId, channel], secret)}`;
export const clickUrl = (
  appUrl: string,
  secret: string,
  shop: string,
  messageId: string,
  target: string,
) =>
  `${appUrl.replace(/\/$/, "")}/r/${signToken("click", [shop, messageId, target], secret)}`;
