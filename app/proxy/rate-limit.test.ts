import { describe, expect, it } from "vitest";
import { RateLimiter, clientIp } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows a burst, refuses the flood, and refills over time", () => {
    const limit = new RateLimiter(3, 1);
    expect([1, 2, 3, 4].map(() => limit.take("ip", 0))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(limit.take("other", 0)).toBe(true);
    expect(limit.take("ip", 500)).toBe(false);
    expect(limit.take("ip", 1000)).toBe(true);
  });

  it("takes several tokens at once, or none when they are not all there", () => {
    const limit = new RateLimiter(20, 20 / 3600);
    expect(limit.take("shop", 0, 10)).toBe(true);
    expect(limit.take("shop", 0, 10)).toBe(true);
    // A third ten-step test in the same hour: refused, and nothing taken.
    expect(limit.take("shop", 0, 10)).toBe(false);
    expect(limit.take("shop", 1_800_000, 10)).toBe(true);
    expect(limit.take("shop", 1_800_000, 1)).toBe(false);
  });

  it("stays bounded when every request comes from a new address", () => {
    const limit = new RateLimiter(2, 1, 100);
    for (let i = 0; i < 1000; i++)
      expect(limit.take(`ip-${i}`, i * 10_000)).toBe(true);
    expect(
      (limit as unknown as { buckets: Map<string, unknown> }).buckets.size,
    ).toBeLessThanOrEqual(100);
  });
});

describe("clientIp", () => {
  it("reads the first forwarded address", () => {
    expect(
      clientIp(
        new Request("http://x", {
          headers: { "X-Forwarded-For": "203.0.113.9, 10.0.0.1" },
        }),
      ),
    ).toBe("203.0.113.9");
    expect(clientIp(new Request("http://x"))).toBe("unknown");
  });

  it("skips the app's own proxies when told how many append to the header", () => {
    // A client's own header, then the address Shopify saw, then the app's load balancer.
    const request = new Request("http://x", {
      headers: { "X-Forwarded-For": "1.2.3.4, 203.0.113.9, 10.0.0.1" },
    });
    expect(clientIp(request, 1)).toBe("203.0.113.9");
    expect(clientIp(request, 0)).toBe("10.0.0.1");
    expect(clientIp(request, null)).toBe("1.2.3.4");
    expect(clientIp(request, 5)).toBe("unknown");
  });
});
