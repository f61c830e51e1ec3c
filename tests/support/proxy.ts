import { createHmac } from "node:crypto";
import type { PrismaClient } from "@prisma/client";

/** Signs like Shopify's app proxy: hex HMAC-SHA256 of the sorted "key=value" pairs, no separator. */
export function signedProxyUrl(
  path: string,
  params: Record<string, string>,
  secret = process.env.SHOPIFY_API_SECRET!,
): string {
  const message = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("");
  const signature = createHmac("sha256", secret).update(message).digest("hex");
  return `${process.env.SHOPIFY_APP_URL}/proxy${path}?${new URLSearchParams({ ...params, signature })}`;
}

export const proxyParams = (shop: string, customerId = "") => ({
  shop,
  path_prefix: "/apps/tsunagu",
  timestamp: String(Math.floor(Date.now() / 1000)),
  logged_in_customer_id: customerId,
});

/** An installed shop: the offline session the app proxy looks up. */
export async function installShop(
  db: PrismaClient,
  shop: string,
): Promise<void> {
  await db.session.upsert({
    where: { id: `offline_${shop}` },
    create: {
      id: `offline_${shop}`,
      shop,
      state: "",
      isOnline: false,
      accessToken: "shpat_test",
      scope: "read_customers",
    },
    update: {},
  });
}

/** Calls a Remix loader/action, turning a thrown Response into the returned one. */
export async function callRoute(
  fn: (args: {
    request: Request;
    params: Record<string, string>;
    context: object;
  }) => unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  try {
    return (await fn({ request, params, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
