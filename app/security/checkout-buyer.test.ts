import { describe, expect, it } from "vitest";
import { checkoutTokenParam, isCheckoutBuyer } from "./checkout-buyer";

const order = {
  customerGid: "gid://shopify/Customer/7",
  checkoutToken: "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
};

describe("isCheckoutBuyer", () => {
  it("lets the logged-in customer the order belongs to, or the checkout's own buyer, in", () => {
    expect(
      isCheckoutBuyer(order, {
        sub: "gid://shopify/Customer/7",
        checkoutToken: null,
      }),
    ).toBe(true);
    expect(
      isCheckoutBuyer(order, { sub: null, checkoutToken: order.checkoutToken }),
    ).toBe(true);
    // Logged in after a guest checkout: the checkout token still proves it is their order.
    expect(
      isCheckoutBuyer(
        { customerGid: null, checkoutToken: order.checkoutToken },
        { sub: "gid://shopify/Customer/8", checkoutToken: order.checkoutToken },
      ),
    ).toBe(true);
  });

  it("keeps out a guest naming another order, and another customer", () => {
    expect(isCheckoutBuyer(order, { sub: null, checkoutToken: null })).toBe(
      false,
    );
    expect(
      isCheckoutBuyer(order, { sub: null, checkoutToken: "0".repeat(32) }),
    ).toBe(false);
    expect(isCheckoutBuyer(order, { sub: null, checkoutToken: "short" })).toBe(
      false,
    );
    expect(
      isCheckoutBuyer(order, {
        sub: "gid://shopify/Customer/8",
        checkoutToken: null,
      }),
    ).toBe(false);
    // A guest order: no customer to match, and an order without a checkout token matches none.
    expect(
      isCheckoutBuyer(
        { customerGid: null, checkoutToken: null },
        { sub: null, checkoutToken: "" },
      ),
    ).toBe(false);
    expect(
      isCheckoutBuyer(
        { customerGid: null, checkoutToken: "abc" },
        { sub: "not-a-gid", checkoutToken: null },
      ),
    ).toBe(false);
  });

  it("accepts only token-shaped parameters", () => {
    expect(checkoutTokenParam.safeParse(order.checkoutToken).success).toBe(
      true,
    );
    for (const bad of ["", "a b", "x".repeat(101), "<script>"])
      expect(checkoutTokenParam.safeParse(bad).success).toBe(false);
  });
});
