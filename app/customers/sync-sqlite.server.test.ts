import { describe, expect, it } from "vitest";
import { followsFile } from "./sync-sqlite.server";

const orders = (...ids: (string | number)[]) =>
  ids.map((id) => ({ orderId: String(id) }));

describe("whether a file's order ids follow the file", () => {
  it("yes when each customer's orders come one after the other in id order", () => {
    expect(
      followsFile(
        orders(
          5600000000001,
          5600000000002,
          5600000000003,
          5600000000010,
          5600000000011,
        ),
      ),
    ).toBe(true);
    expect(followsFile([])).toBe(true);
  });

  it("no when order ids follow time while the file follows customers", () => {
    // Customer A ordered in 2024 and 2026, customer B in 2025: A's second order is newer than B's.
    expect(
      followsFile(
        orders(
          5600000000001,
          5600000000900,
          5600000000400,
          5600000000950,
          5600000000500,
          5600000000990,
          5600000000600,
        ),
      ),
    ).toBe(false);
  });

  it("compares ids as numbers, not as text", () => {
    expect(followsFile(orders(9, 10, 11, 99, 100, 1000))).toBe(true);
    expect(followsFile(orders(1000, 999, 998, 997))).toBe(false);
  });
});
