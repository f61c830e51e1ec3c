import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { fulfillmentsRoute } from "../tracking/route.server";

/** The order-status page extension's shipments, with the customer-account session token: own orders only. */
const route = fulfillmentsRoute("customerAccount");
// Plain function exports: Remix removes only `loader`/`action` it can see from the client bundle.
export const loader = (args: LoaderFunctionArgs) => route.loader(args);
export const action = (args: ActionFunctionArgs) => route.action(args);
