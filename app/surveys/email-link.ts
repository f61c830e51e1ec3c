import { signParts, verifyParts } from "../security/signed-token";
import { orderAnswerKey } from "./answer-keys";

/**
 * One-click score links for follow-up emails. Each link carries who it was sent to (customer
 * and/or order), which survey, which score, and when it expires, signed with a key derived from
 * the app's secret. A link cannot be forged (HMAC), and since the answer is keyed by the recipient,
 * replaying it — or clicking another score in the same email — never changes an answer, and
 * can never touch anyone else's.
 */
export interface LinkClaims {
  shop: string;
  survey: string;
  customer: string | null;
  order: string | null;
  score: number;
  locale: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const PURPOSE = "tsunagu:survey-email-link:v1";

export function signLink(claims: LinkClaims, secret: string): string {
  return signParts(
    PURPOSE,
    [
      claims.shop,
      claims.survey,
      claims.customer,
      claims.order,
      claims.score,
      claims.locale,
      claims.exp,
    ],
    secret,
  );
}

export type LinkError = "malformed" | "forged" | "expired";

/** An expired link was still signed by the app: its language is known (`locale`), for the page that says so. */
export function verifyLink(
  token: string,
  secret: string,
  now = Date.now(),
):
  | { ok: true; claims: LinkClaims }
  | { ok: false; error: LinkError; locale?: string } {
  const verified = verifyParts(PURPOSE, token, secret, 1000);
  if (!verified.ok) return verified;
  const parts = verified.parts;
  if (parts.length !== 7) return { ok: false, error: "malformed" };
  const [shop, survey, customer, order, score, locale, exp] = parts;
  const id = (v: unknown) =>
    v === null || (typeof v === "string" && /^\d{1,20}$/.test(v));
  if (
    typeof shop !== "string" ||
    typeof survey !== "string" ||
    !id(customer) ||
    !id(order) ||
    (customer === null && order === null) ||
    !Number.isInteger(score) ||
    typeof locale !== "string" ||
    !Number.isInteger(exp)
  )
    return { ok: false, error: "malformed" };
  if ((exp as number) * 1000 < now)
    return { ok: false, error: "expired", locale };
  return {
    ok: true,
    claims: {
      shop,
      survey,
      customer: customer as string | null,
      order: order as string | null,
      score: score as number,
      locale,
      exp: exp as number,
    },
  };
}

/**
 * The row of score links an email shows (0–10 for NPS, 1–5 for CSAT), valid for `days`, or until
 * `exp` (seconds since the epoch) when the row stands for a link that already has an expiry.
 */
export function scoreLinks(o: {
  appUrl: string;
  secret: string;
  shop: string;
  survey: string;
  kind: "nps" | "csat";
  customer: string | null;
  order: string | null;
  locale: string;
  days?: number;
  exp?: number;
  now?: number;
}): { score: number; url: string }[] {
  const exp =
    o.exp ?? Math.floor((o.now ?? Date.now()) / 1000) + (o.days ?? 60) * 86_400;
  const [low, high] = o.kind === "nps" ? [0, 10] : [1, 5];
  const links: { score: number; url: string }[] = [];
  for (let score = low; score <= high; score++) {
    links.push({
      score,
      url: `${o.appUrl.replace(/\/$/, "")}/survey/${signLink({ shop: o.shop, survey: o.survey, customer: o.customer, order: o.order, score, locale: o.locale, exp }, o.secret)}`,
    });
  }
  return links;
}

/**
 * The answer an email link records: one per survey and recipient. An order's answer is shared with
 * the thank-you page (one answer per survey and order); a link for a customer alone has its own.
 */
export const emailResponseKey = (
  c: Pick<LinkClaims, "survey" | "customer" | "order">,
) =>
  c.order
    ? orderAnswerKey(c.survey, c.order)
    : `email:${c.survey}:c${c.customer}`;

const PREVIEW_PURPOSE = "tsunagu:survey-email-preview:v1";

/**
 * The survey link of a follow-up's admin preview and test email: the real page's address
 * (/survey/ask/<token>), opening the survey's real question and scale, marked as a preview and
 * with nothing to click. It names no customer or order, and its key is its own, so it can never
 * record an answer, whoever the test email reaches.
 */
export function previewAskUrl(o: {
  appUrl: string;
  secret: string;
  shop: string;
  survey: string;
  locale: string;
  days?: number;
  now?: number;
}): string {
  const exp =
    Math.floor((o.now ?? Date.now()) / 1000) + (o.days ?? 30) * 86_400;
  return `${o.appUrl.replace(/\/$/, "")}/survey/ask/${signParts(PREVIEW_PURPOSE, [o.shop, o.survey, o.locale, exp], o.secret)}`;
}

export function verifyPreviewLink(
  token: string,
  secret: string,
  now = Date.now(),
):
  | { ok: true; claims: { shop: string; survey: string; locale: string } }
  | { ok: false; error: LinkError; locale?: string } {
  const verified = verifyParts(PREVIEW_PURPOSE, token, secret, 1000);
  if (!verified.ok) return verified;
  const [shop, survey, locale, exp] = verified.parts;
  if (
    verified.parts.length !== 4 ||
    typeof shop !== "string" ||
    typeof survey !== "string" ||
    typeof locale !== "string" ||
    !Number.isInteger(exp)
  )
    return { ok: false, error: "malformed" };
  if ((exp as number) * 1000 < now)
    return { ok: false, error: "expired", locale };
  return { ok: true, claims: { shop, survey, locale } };
}

/** A follow-up's survey link (/survey/ask/<token>): a customer's, or a preview's. */
export function readAskToken(
  token: string,
  secret: string,
  now = Date.now(),
):
  | { ok: true; preview: false; claims: LinkClaims }
  | {
      ok: true;
      preview: true;
      claims: { shop: string; survey: string; locale: string };
    }
  | { ok: false; error: LinkError; locale?: string } {
  const link = verifyLink(token, secret, now);
  if (link.ok) return { ok: true, preview: false, claims: link.claims };
  if (link.error === "expired") return link;
  const preview = verifyPreviewLink(token, secret, now);
  if (preview.ok) return { ok: true, preview: true, claims: preview.claims };
  return preview.error === "expired" ? preview : link;
}
