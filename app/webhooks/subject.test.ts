import { describe, expect, it } from "vitest";
import { subjectOf } from "./subject";

describe("subjectOf", () => {
  it("reads the customer and order of an order webhook", () => {
    expect(
      subjectOf("orders/create", {
        id: 5678901234567,
        customer: { id: 7012345678901 },
      }),
    ).toEqual({
      customerId: "7012345678901",
      orderId: "5678901234567",
    });
  });

  it("reads the customer of a customers/update webhook and of a redact request", () => {
    expect(subjectOf("customers/update", { id: 42 })).toEqual({
      customerId: "42",
      orderId: null,
    });
    expect(
      subjectOf("customers/redact", {
        customer: { id: 7 },
        orders_to_redact: [1],
      }),
    ).toEqual({ customerId: "7", orderId: null });
  });

  it("reads the order of a fulfillment and ignores malformed ids", () => {
    expect(subjectOf("fulfillments/create", { order_id: "123" })).toEqual({
      customerId: null,
      orderId: "123",
    });
    expect(
      subjectOf("orders/create", { id: "abc", customer: { id: {} } }),
    ).toEqual({ customerId: null, orderId: null });
    expect(subjectOf("app/uninstalled", null)).toEqual({
      customerId: null,
      orderId: null,
    });
  });
});
