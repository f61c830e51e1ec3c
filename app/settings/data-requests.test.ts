import { describe, expect, it } from "vitest";
import { emailInReport } from "./data-requests";

describe("emailInReport", () => {
  it("reads the email Shopify sent with the request", () => {
    expect(
      emailInReport(
        JSON.stringify({
          request: { customer: { id: "601", email: "hanako@example.jp" } },
        }),
      ),
    ).toBe("hanako@example.jp");
  });

  it("is null for a request without one, or a report it cannot read", () => {
    expect(
      emailInReport(JSON.stringify({ request: { customer: { id: "601" } } })),
    ).toBeNull();
    expect(emailInReport("{not json")).toBeNull();
  });
});
