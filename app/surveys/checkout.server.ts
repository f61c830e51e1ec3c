import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { isCheckoutBuyer } from "../security/checkout-buyer";
import { listSurveys, type StoredSurvey } from "./surveys.server";
import type { GraphQL } from "../admin-graphql";
import { orderAnswerKey, orderAnswerKeys } from "./answer-keys";

/**
 * The thank-you page question: which survey to ask after an order, and what the order is. The
 * extension sends only the order id it was given; the app reads the order itself through the
 * Admin API, so an answer is tied to a real, recent order of this shop.
 */
const ORDER = `#graphql
  query ThankYouOrder($id: ID!) {
    order(id: $id) {
      id
      createdAt
      checkoutToken
      customer { id numberOfOrders }
    }
  }
`;

const orderResult = z.object({
  data: z.object({
    order: z
      .object({
        id: z.string(),
        createdAt: z.string(),
        checkoutToken: z.string().nullable(),
        customer: z
          .object({
            id: z.string(),
            numberOfOrders: z.union([z.string(), z.number()]),
          })
          .nullable(),
      })
      .nullable(),
  }),
});

/** How long after the purchase the thank-you question takes an answer. */
export const THANK_YOU_WINDOW_DAYS = 30;

export interface CheckoutOrder {
  orderId: string;
  customerId: string | null;
  /** The customer's orders including this one; 1 for a guest. */
  orders: number;
  /** The token of the checkout the order came from. */
  checkoutToken: string | null;
}

export async function checkoutOrder(
  graphql: GraphQL,
  orderId: string,
  now = Date.now(),
): Promise<CheckoutOrder | null> {
  const result = orderResult.parse(
    await (
      await graphql(ORDER, {
        variables: { id: `gid://shopify/Order/${orderId}` },
      })
    ).json(),
  );
  const o = result.data.order;
  if (!o || now - Date.parse(o.createdAt) > THANK_YOU_WINDOW_DAYS * 86_400_000)
    return null;
  return {
    orderId,
    customerId: o.customer?.id.split("/").pop() ?? null,
    orders: o.customer ? Math.max(1, Number(o.customer.numberOfOrders)) : 1,
    checkoutToken: o.checkoutToken,
  };
}

/**
 * Whether the checkout's buyer may answer for this order: the logged-in customer it belongs to,
 * or whoever holds the token of the checkout it came from (see `isCheckoutBuyer`).
 */
export function isBuyersOrder(
  order: CheckoutOrder,
  asker: { sub: string | null; checkoutToken: string | null },
): boolean {
  return isCheckoutBuyer(
    {
      customerGid: order.customerId,
      checkoutToken: order.checkoutToken,
    },
    asker,
  );
}

/** The thank-you page's answer: the order's, shared with the email link (one per survey and order). */
export const thankYouKey = orderAnswerKey;

/** Whether the thank-you page may ask this survey for this order (placement, audience, language). */
export function asksOnThankYou(
  s: StoredSurvey,
  order: CheckoutOrder,
  locale: string,
): boolean {
  const lang = locale.toLowerCase().split("-")[0];
  return (
    s.active &&
    s.placements.includes("thankyou") &&
    (s.audience === "all" ||
      (s.audience === "first" ? order.orders <= 1 : order.orders >= 2)) &&
    (!s.locales.length ||
      s.locales.includes(lang) ||
      s.locales.includes(locale))
  );
}

/**
 * The surveys the thank-you page may ask for this order (placement, audience, language), in a
 * stable rotation by order so one question is asked per purchase; none once it is answered.
 */
export async function thankYouSurvey(
  db: PrismaClient,
  shop: string,
  order: CheckoutOrder,
  locale: string,
): Promise<StoredSurvey | null> {
  const eligible = (await listSurveys(db, shop)).filter((s) =>
    asksOnThankYou(s, order, locale),
  );
  if (!eligible.length) return null;
  const answered = await db.surveyResponse.findFirst({
    where: {
      shop,
      responseKey: {
        in: eligible.flatMap((s) => orderAnswerKeys(s.id, order.orderId)),
      },
    },
    select: { id: true },
  });
  if (answered) return null;
  return eligible[Number(BigInt(order.orderId) % BigInt(eligible.length))];
}
