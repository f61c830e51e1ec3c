import { fulfillmentsRoute } from "../tracking/route.server";

/** The thank-you page extension's shipments, with the checkout session token. */
export const { loader, action } = fulfillmentsRoute("checkout");
