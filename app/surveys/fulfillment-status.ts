import type { MessageKey, Translate } from "../i18n/i18n";

/**
 * Shopify's Order.displayFulfillmentStatus (enum OrderDisplayFulfillmentStatus in the Admin
 * schema; tests/contract/fulfillment-status.test.ts keeps this list equal to it), shown in the
 * admin's language as Shopify's own admin words it.
 */
export const FULFILLMENT_STATUSES = [
  "FULFILLED",
  "IN_PROGRESS",
  "ON_HOLD",
  "OPEN",
  "PARTIALLY_FULFILLED",
  "PENDING_FULFILLMENT",
  "REQUEST_DECLINED",
  "RESTOCKED",
  "SCHEDULED",
  "UNFULFILLED",
] as const;

/** A value added to the schema after this list is shown as Shopify sent it. */
export function fulfillmentStatusLabel(t: Translate, status: string): string {
  return (FULFILLMENT_STATUSES as readonly string[]).includes(status)
    ? t(`surveys.fulfillment.${status.toLowerCase()}` as MessageKey)
    : status;
}
