/**
 * Token buckets for storefront traffic through the app proxy: each key (a shop, an IP) may
 * burst up to `capacity` requests and then `refillPerSecond`. In memory, per process: a flood
 * is stopped where it lands, and several processes each hold their own share (documented in
 * docs/decisions/005-faq-search.md).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly maxKeys = 50_000,
  ) {}

  /** Takes `cost` tokens (one by default) for `key`; false, taking none, means over the limit. */
  take(key: string, now = Date.now(), cost = 1): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.evict(now);
      bucket = { tokens: this.capacity, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(
      this.capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond,
    );
    bucket.at = now;
    if (bucket.tokens < cost) return false;
    bucket.tokens -= cost;
    return true;
  }

  /** Forgets full buckets (idle keys) so a scan of random IPs cannot grow memory without bound. */
  private evict(now: number) {
    for (const [key, b] of this.buckets) {
      if (
        b.tokens + ((now - b.at) / 1000) * this.refillPerSecond >=
        this.capacity
      )
        this.buckets.delete(key);
    }
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}

/**
 * The shopper's address as Shopify's proxy forwards it in X-Forwarded-For. By default the first
 * entry. A client can send a header of its own that proxies append to, so where the app's own
 * proxies (a load balancer) append too, set TRUSTED_PROXY_HOPS to how many they are (0 when
 * none): the address is then the entry just before theirs, which the client cannot write.
 */
export function clientIp(request: Request, hops = trustedHops()): string {
  const list = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const pick = hops === null ? list[0] : list[list.length - 1 - hops];
  return pick || request.headers.get("x-real-ip") || "unknown";
}

/** TRUSTED_PROXY_HOPS (validated at start-up by env.server.ts), or null when unset. */
function trustedHops(): number | null {
  const value = process.env.TRUSTED_PROXY_HOPS;
  return value && /^\d{1,2}$/.test(value) ? Number(value) : null;
}
