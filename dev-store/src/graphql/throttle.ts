/**
 * Shopify's leaky bucket per app installation: the Standard plan restores 100 points a second
 * up to 2,000 available; a query whose requested cost exceeds what is available is THROTTLED
 * and not executed; a single query may not request more than 1,000.
 */
export interface ThrottleConfig {
  maximumAvailable: number;
  restoreRate: number;
  maxQueryCost: number;
}

export const STANDARD_PLAN: ThrottleConfig = {
  maximumAvailable: 2000,
  restoreRate: 100,
  maxQueryCost: 1000,
};

export class LeakyBuckets {
  private buckets = new Map<string, { available: number; at: number }>();
  constructor(
    readonly config: ThrottleConfig = STANDARD_PLAN,
    private clock: () => number = Date.now,
  ) {}

  available(key: string): number {
    const b = this.buckets.get(key);
    const now = this.clock();
    if (!b) return this.config.maximumAvailable;
    return Math.min(
      this.config.maximumAvailable,
      b.available + ((now - b.at) / 1000) * this.config.restoreRate,
    );
  }

  /** Takes `cost` if available; returns false (and takes nothing) otherwise. */
  take(key: string, cost: number): boolean {
    const available = this.available(key);
    if (cost > available) return false;
    this.buckets.set(key, { available: available - cost, at: this.clock() });
    return true;
  }

  /** Returns the unused part of a reservation (requested minus actual). */
  refund(key: string, points: number): void {
    const available = this.available(key);
    this.buckets.set(key, {
      available: Math.min(this.config.maximumAvailable, available + points),
      at: this.clock(),
    });
  }

  status(key: string) {
    return {
      maximumAvailable: this.config.maximumAvailable,
      currentlyAvailable: Math.floor(this.available(key)),
      restoreRate: this.config.restoreRate,
    };
  }
}
