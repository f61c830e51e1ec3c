import { z } from "zod";
import { isCheckoutBuyer } from "../security/checkout-buyer";
import type { GraphQL } from "../admin-graphql";

/**
 * What the thank-you and order-status extensions cannot read themselves: the order's shipments
 * with carrier, tracking number and link, and what is still waiting to ship. Read from the Admin
 * API on each call (tracking changes after the page was first rendered); only titles, quantities
 * and tracking data leave the app, no address or other personal data.
 */
const ORDER = `#graphql
  query ExtensionFulfillments($id: ID!) {
    order(id: $id) {
      id
      createdAt
      checkoutToken
      customer { id }
      fulfillments(first: 20) {
        status
        displayStatus
        createdAt
        trackingInfo(first: 5) { company number url }
        fulfillmentLineItems(first: 50) { nodes { quantity lineItem { title } } }
      }
      lineItems(first: 100) { nodes { title unfulfilledQuantity } }
    }
  }
`;

const result = z.object({
  data: z.object({
    order: z
      .object({
        id: z.string(),
        createdAt: z.string(),
        checkoutToken: z.string().nullable(),
        customer: z.object({ id: z.string() }).nullable(),
        fulfillments: z.array(
          z.object({
            status: z.string(),
            displayStatus: z.string().nullable(),
            createdAt: z.string(),
            trackingInfo: z.array(
              z.object({
                company: z.string().nullable(),
                number: z.string().nullable(),
                url: z.string().nullable(),
              }),
            ),
            fulfillmentLineItems: z.object({
              nodes: z.array(
                z.object({
                  quantity: z.number(),
                  lineItem: z.object({ title: z.string() }),
                }),
              ),
            }),
          }),
        ),
        lineItems: z.object({
          nodes: z.array(
            z.object({ title: z.string(), unfulfilledQuantity: z.number() }),
          ),
        }),
      })
      .nullable(),
  }),
});

export interface Shipment {
  status: string;
  displayStatus: string | null;
  createdAt: string;
  tracking: {
    company: string | null;
    number: string | null;
    url: string | null;
  }[];
  lines: { title: string; quantity: number }[];
}

export interface OrderShipments {
  fulfillments: Shipment[];
  unfulfilled: { title: string; quantity: number }[];
}

/** Who is asking: a checkout session (maybe a guest) or a customer-account session (always a customer). */
export interface Viewer {
  /** The session token's `sub`: a customer gid when the buyer is logged in, else absent. */
  customerGid: string | null;
  /** Customer-account tokens always name the customer, and only their own orders are shown. */
  mustOwn: boolean;
  /** The thank-you page's checkout token (`shopify.checkoutToken`), which the order must have come from. */
  checkoutToken?: string | null;
}

/** How long after the purchase a checkout token may still read the order (thank-you page reloads). */
export const CHECKOUT_WINDOW_DAYS = 30;

/** A tracking URL is only ever a link when it is http(s) (the extensions check again). */
const httpUrl = (url: string | null) =>
  url && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;

/**
 * The order's shipments for the viewer, or null when the order does not exist or is not theirs
 * (both answered 404, so an id cannot be probed).
 */
export async function orderShipments(
  graphql: GraphQL,
  orderId: string,
  viewer: Viewer,
  now = Date.now(),
): Promise<OrderShipments | null> {
  const response = await graphql(ORDER, {
    variables: { id: `gid://shopify/Order/${orderId}` },
  });
  const order = result.parse(await response.json()).data.order;
  if (!order) return null;
  const owner = order.customer?.id ?? null;
  if (viewer.mustOwn) {
    if (!viewer.customerGid || viewer.customerGid !== owner) return null;
  } else {
    // The thank-you page: the logged-in owner or the checkout's own buyer, within the window.
    if (
      !isCheckoutBuyer(
        { customerGid: owner, checkoutToken: order.checkoutToken },
        {
          sub: viewer.customerGid,
          checkoutToken: viewer.checkoutToken ?? null,
        },
      )
    )
      return null;
    if (now - Date.parse(order.createdAt) > CHECKOUT_WINDOW_DAYS * 86_400_000)
      return null;
  }
  return {
    fulfillments: order.fulfillments
      .filter(
        (f) =>
          f.status !== "CANCELLED" &&
          f.status !== "ERROR" &&
          f.status !== "FAILURE",
      )
      .map((f) => ({
        status: f.status,
        displayStatus: f.displayStatus,
        createdAt: f.createdAt,
        tracking: f.trackingInfo.map((t) => ({
          company: t.company,
          number: t.number,
          url: httpUrl(t.url),
        })),
        lines: f.fulfillmentLineItems.nodes.map((n) => ({
          title: n.lineItem.title,
          quantity: n.quantity,
        })),
      })),
    unfulfilled: order.lineItems.nodes
      .filter((l) => l.unfulfilledQuantity > 0)
      .map((l) => ({ title: l.title, quantity: l.unfulfilledQuantity })),
  };
}
