import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticateProxy, proxyError } from "../proxy/authenticate.server";
import { enforceStorefrontLimits } from "../proxy/limits.server";
import { MAX_BEACON_BYTES, parseBeacon } from "../faq/beacon";
import { recordBeacon, visitorKey } from "../faq/events.server";
import { clientIp } from "../proxy/rate-limit";
import { env } from "../env.server";
import { requestLearningPublish } from "../faq/publish.server";
import prisma from "../db.server";

/** POST /apps/tsunagu/faq/events: the storefront FAQ's batched searches, opens and votes. */
export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST") return proxyError(405, "POST only");
  const { shop, session } = await authenticateProxy(request);
  if (!session) return proxyError(401, "app not installed on this shop");
  enforceStorefrontLimits(request, shop, "faq");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BEACON_BYTES)
    return proxyError(413, "beacon too large");
  const parsed = parseBeacon(await request.text());
  if (!parsed.ok) return proxyError(parsed.status, parsed.error);
  const outcome = await recordBeacon(
    prisma,
    shop,
    parsed.beacon,
    visitorKey(env().SHOPIFY_API_SECRET, shop, clientIp(request)),
  );
  if (outcome === "recorded" && parsed.beacon.e.some((e) => e.t !== "search"))
    await requestLearningPublish(prisma, shop);
  return new Response(null, { status: 204 });
};

export const loader = () => proxyError(405, "POST only");
