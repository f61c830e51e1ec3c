import { z } from "zod";

/**
 * The parts of Shopify's REST webhook payloads (customers/*, orders/*) the app keeps.
 * Unknown fields are ignored; missing optional ones stay null. Ids may arrive as numbers or strings.
 */
const numericId = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)])
  .transform(String);
const consent = z.object({ state: z.string() }).partial().nullish();
const nullableString = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

/**
 * Since API 2025-01 customer webhooks carry no tags and no marketing consents (Shopify sends those
 * changes as topics of their own), and locale is not part of them either: a field the payload
 * does not have stays undefined, and the stored value stays as it is.
 */
export const customerPayload = z.object({
  id: numericId,
  email: nullableString,
  phone: nullableString,
  first_name: nullableString,
  last_name: nullableString,
  state: nullableString,
  tags: z
    .string()
    .nullish()
    .transform((v) => (v === undefined ? undefined : normaliseTags(v ?? ""))),
  locale: z.string().nullish(),
  email_marketing_consent: consent,
  sms_marketing_consent: consent,
  updated_at: z.string().datetime({ offset: true }).nullish(),
});
export type CustomerPayload = z.infer<typeof customerPayload>;

export const orderPayload = z.object({
  id: numericId,
  name: z.string().min(1),
  customer: z.object({ id: numericId }).passthrough().nullish(),
  customer_locale: nullableString,
  processed_at: z.string().datetime({ offset: true }).nullish(),
  created_at: z.string().datetime({ offset: true }),
  updated_at: z.string().datetime({ offset: true }).nullish(),
  total_price: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(/^-?\d+(\.\d+)?$/)),
  currency: z.string().length(3),
  financial_status: nullableString,
  fulfillment_status: nullableString,
  line_items: z
    .array(z.object({ product_id: numericId.nullish() }).passthrough())
    .default([]),
});
export type OrderPayload = z.infer<typeof orderPayload>;

/** Shopify sends tags as "a, b"; stored as ",a,b," so a tag test is an exact `contains`. */
export function normaliseTags(tags: string): string {
  const list = [
    ...new Set(
      tags
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  return list.length ? `,${list.join(",")},` : "";
}

export function tagList(stored: string): string[] {
  return stored.split(",").filter(Boolean);
}

/** Shopify's REST consent states are lower case ("subscribed"); the GraphQL enums are upper case. */
export function consentState(
  value: { state?: string } | null | undefined,
): string | null {
  return value?.state ? value.state.toUpperCase() : null;
}
