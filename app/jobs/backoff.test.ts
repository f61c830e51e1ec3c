import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it("doubles per attempt from 30 s", () => {
    const mid = () => 0.5; // no jitter
    expect(retryDelayMs(1, mid)).toBe(30_000);
    expect(retryDelayMs(2, mid)).toBe(60_000);
    expect(retryDelayMs(5, mid)).toBe(480_000);
  });

  it("caps at six hours", () => {
    expect(retryDelayMs(30, () => 0.5)).toBe(6 * 60 * 60 * 1000);
  });

  it("keeps jitter within ±20 %", () => {
    expect(retryDelayMs(1, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, () => 0.999999)).toBeLessThanOrEqual(36_000);
  });
});
