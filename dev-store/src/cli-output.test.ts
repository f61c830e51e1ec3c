import { describe, expect, it } from "vitest";
import { failureMessage } from "./cli-output";

describe("failureMessage", () => {
  it("says what went wrong for every shape of answer", () => {
    expect(
      failureMessage(
        "event deliver",
        422,
        JSON.stringify({
          error: "invalid input for event deliver: foo: not an option",
          errors: { foo: ["not an option"] },
        }),
      ),
    ).toBe(
      "event deliver failed (HTTP 422): invalid input for event deliver: foo: not an option",
    );
    expect(
      failureMessage(
        "event order",
        422,
        JSON.stringify({
          errors: { "lines.0.quantity": ["too small"], email: ["bad", "x"] },
        }),
      ),
    ).toBe(
      "event order failed (HTTP 422): lines.0.quantity: too small; email: bad, x",
    );
    expect(
      failureMessage("uninstall", 400, '{"error_description":"Malformed"}'),
    ).toBe("uninstall failed (HTTP 400): Malformed");
    expect(failureMessage("event x", 502, "Bad gateway\n")).toBe(
      "event x failed (HTTP 502): Bad gateway",
    );
  });

  it('never ends in an empty reason (what `event deliver --orderId` printed: {"errors":{}})', () => {
    for (const body of [
      '{"errors":{}}',
      "{}",
      "",
      "   ",
      "null",
      '{"error":""}',
    ])
      expect(failureMessage("event deliver", 422, body)).toMatch(
        /^event deliver failed \(HTTP 422\): \S/,
      );
  });
});
