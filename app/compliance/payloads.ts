import { z } from "zod";

/** Shopify's mandatory compliance webhook bodies (shopify.dev: privacy law compliance). */
const numericId = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)])
  .transform(String);

const customer = z.object({
  id: numericId,
  email: z.string().nullish(),
  phone: z.string().nullish(),
});

export const dataRequestPayload = z.object({
  shop_id: numericId,
  shop_domain: z.string(),
  orders_requested: z.array(numericId).default([]),
  customer,
  data_request: z.object({ id: numericId }).nullish(),
});

export const customerRedactPayload = z.object({
  shop_id: numericId,
  shop_domain: z.string(),
  customer,
  orders_to_redact: z.array(numericId).default([]),
});

export const shopRedactPayload = z.object({
  shop_id: numericId,
  shop_domain: z.string(),
});

export type DataRequestPayload = z.infer<typeof dataRequestPayload>;
export type CustomerRedactPayload = z.infer<typeof customerRedactPayload>;
