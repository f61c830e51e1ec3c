import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import {
  FULFILLMENT_STATUSES,
  fulfillmentStatusLabel,
} from "./fulfillment-status";

describe("order fulfilment status in the admin", () => {
  const ja = translator("ja");
  const en = translator("en");

  it("is shown in the admin's language, not as Shopify's enum", () => {
    expect(fulfillmentStatusLabel(ja, "FULFILLED")).toBe("発送済み");
    expect(fulfillmentStatusLabel(ja, "PARTIALLY_FULFILLED")).toBe(
      "一部発送済み",
    );
    expect(fulfillmentStatusLabel(en, "UNFULFILLED")).toBe("Unfulfilled");
    for (const status of FULFILLMENT_STATUSES)
      for (const t of [ja, en])
        expect(fulfillmentStatusLabel(t, status), status).not.toMatch(
          /^[A-Z_]+$|surveys\./,
        );
  });

  it("shows a status newer than the list as Shopify sent it", () => {
    expect(fulfillmentStatusLabel(ja, "SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });
});
