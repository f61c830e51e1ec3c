import { timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Who may read or answer for an order from the thank-you page. The checkout session token says
 * which shop asks and, when the buyer is logged in, which customer (`sub`); it does not say
 * which order. So the extension also sends the page's checkout token (`shopify.checkoutToken`),
 * a secret only that checkout's buyer sees, and the app compares it with the order's own
 * (`Order.checkoutToken`, read through the Admin API). Without it, any shopper holding a session
 * token (a guest checkout of their own) could name another buyer's order id.
 */

/** The checkout token as the extension sends it: Shopify's are hex or URL-safe letters. */
export const checkoutTokenParam = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

const numericCustomer = (gid: string | null) =>
  gid
    ? (/^(?:gid:\/\/shopify\/Customer\/)?(\d{1,20})$/.exec(gid)?.[1] ?? null)
    : null;

export function isCheckoutBuyer(
  order: { customerGid: string | null; checkoutToken: string | null },
  asker: { sub: string | null; checkoutToken: string | null },
): boolean {
  // The logged-in customer the order belongs to.
  const customer = numericCustomer(asker.sub);
  if (customer && customer === numericCustomer(order.customerGid)) return true;
  // The buyer of the checkout the order came from, logged in or not.
  if (!order.checkoutToken || !asker.checkoutToken) return false;
  const a = Buffer.from(order.checkoutToken);
  const b = Buffer.from(asker.checkoutToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
