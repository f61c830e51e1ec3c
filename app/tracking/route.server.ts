import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { RECONNECT, whileConnected } from "../shopify.server";
import { NOT_CONNECTED } from "../shops/connection";
import { RateLimiter } from "../proxy/rate-limit";
import {
  extensionRequest,
  type ExtensionSurface,
} from "../security/extension-request.server";
import { orderShipments } from "./fulfillments.server";
import { checkoutTokenParam } from "../security/checkout-buyer";

/**
 * GET ?order=<numeric id>&checkout=<checkout token>: the order's shipments for the thank-you ("checkout") or order-status
 * ("customerAccount") extension. Only GET reads; any other method gets 405 after the CORS
 * preflight, which Shopify's library answers itself.
 */
const orderId = z.string().regex(/^\d{1,20}$/);

export function fulfillmentsRoute(surface: ExtensionSurface) {
  const limiter = new RateLimiter(60, 2);
  const loader = async ({ request }: LoaderFunctionArgs) => {
    const c = await extensionRequest(request, surface, limiter);
    if (!c.ok) return c.response;
    const params = new URL(request.url).searchParams;
    const id = orderId.safeParse(params.get("order"));
    if (!id.success) return c.fail(400, "order required: a numeric order id");
    const checkout = params.get("checkout");
    const token = checkoutTokenParam.safeParse(checkout);
    if (checkout !== null && !token.success)
      return c.fail(400, "checkout: not a checkout token");
    const shipments = await whileConnected(c.shop, (graphql) =>
      orderShipments(graphql, id.data, {
        customerGid: c.sub,
        mustOwn: surface === "customerAccount",
        checkoutToken: token.success ? token.data : null,
      }),
    );
    // Until the merchant next opens the app; the extension shows its "not available" state.
    if (shipments === NOT_CONNECTED) return c.fail(503, RECONNECT);
    if (!shipments) return c.fail(404, "unknown order");
    return c.cors(
      Response.json(shipments, {
        headers: { "Cache-Control": "private, no-store" },
      }),
    );
  };
  const action = async ({ request }: ActionFunctionArgs) => {
    const c = await extensionRequest(request, surface, limiter);
    if (!c.ok) return c.response;
    return c.fail(405, "GET only");
  };
  return { loader, action };
}
