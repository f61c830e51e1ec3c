import { fulfillmentsRoute } from "../tracking/route.server";

/** The order-status page extension's shipments, with the customer-account session token: own orders only. */
export const { loader, action } = fulfillmentsRoute("customerAccount");
