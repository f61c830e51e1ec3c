import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import type { RateLimiter } from "../proxy/rate-limit";

/**
 * The common door of the app's UI-extension endpoints: the session token is verified by
 * Shopify's library (checkout tokens from the thank-you page, customer-account tokens from the
 * order-status page), the shop comes from its `dest`, each viewer is rate-limited, and the app
 * must be installed on that shop. Every answer carries the CORS headers the extension needs.
 */
export type ExtensionSurface = "checkout" | "customerAccount";

const shopOf = (dest: unknown) => {
  const host =
    typeof dest === "string"
      ? dest.replace(/^https:\/\//, "").replace(/\/.*$/, "")
      : "";
  return /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(host) ? host : null;
};

export type ExtensionContext =
  | {
      ok: true;
      shop: string;
      sub: string | null;
      cors: (r: Response) => Response;
      fail: (status: number, error: string) => Response;
    }
  | { ok: false; response: Response };

export async function extensionRequest(
  request: Request,
  surface: ExtensionSurface,
  limiter: RateLimiter,
): Promise<ExtensionContext> {
  const { sessionToken, cors } =
    surface === "checkout"
      ? await authenticate.public.checkout(request)
      : await authenticate.public.customerAccount(request);
  const shop = shopOf(sessionToken.dest);
  const fail = (status: number, error: string) =>
    cors(Response.json({ error }, { status }));
  if (!shop) return { ok: false, response: fail(401, "bad token") };
  const sub =
    typeof sessionToken.sub === "string" && sessionToken.sub
      ? sessionToken.sub
      : null;
  if (!limiter.take(`${shop}:${sub ?? String(sessionToken.jti ?? "")}`))
    return { ok: false, response: fail(429, "too many requests") };
  const installed = await prisma.session.findFirst({
    where: { shop, isOnline: false },
    select: { id: true },
  });
  if (!installed)
    return { ok: false, response: fail(401, "app not installed") };
  return { ok: true, shop, sub, cors, fail };
}
