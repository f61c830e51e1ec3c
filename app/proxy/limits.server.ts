import { RateLimiter, clientIp } from "./rate-limit";
import { proxyError } from "./authenticate.server";
import { tooManyPage, wantsHtml } from "./too-many";

/**
 * Storefront write limits: a shopper (IP) may send a burst of 30 then one a second; a whole shop
 * 600 then 20 a second, far above what real shoppers send and low enough that a flood cannot
 * fill the database.
 */
const perIp = new RateLimiter(30, 1);
const perShop = new RateLimiter(600, 20);

/**
 * Throws a 429 response when the shop or the shopper's address is over its limit: a page for a
 * shopper's form sent without JavaScript, JSON for scripts.
 */
export function enforceStorefrontLimits(
  request: Request,
  shop: string,
  scope: string,
): void {
  const ip = clientIp(request);
  if (
    !perIp.take(`${scope}:${shop}:${ip}`) ||
    !perShop.take(`${scope}:${shop}`)
  ) {
    const response = wantsHtml(request)
      ? tooManyPage(request)
      : proxyError(429, "too many requests");
    response.headers.set("Retry-After", "5");
    throw response;
  }
}
