import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticateProxy } from "../proxy/authenticate.server";

/** GET /apps/tsunagu/health on the storefront: proves the proxy reaches the app, signed. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, loggedInCustomerId, session } =
    await authenticateProxy(request);
  return json({
    ok: true,
    shop,
    installed: Boolean(session),
    loggedIn: loggedInCustomerId !== null,
  });
};
