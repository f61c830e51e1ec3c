import { describe, expect, it } from "vitest";
import { splitIndex } from "./index-build.server";
import { createSearch, type FaqIndex } from "./engine/query";

describe("splitIndex", () => {
  it("splits a large index by terms into chunks under the limit that search exactly like the whole", () => {
    const t: Record<string, number[]> = {};
    for (let i = 0; i < 3000; i++)
      t[`term${i}`] = [i % 50, 100 + (i % 7), (i + 1) % 50, 50];
    const index: FaqIndex = {
      v: 1,
      ids: Array.from({ length: 50 }, (_, i) => `entry-${i}`),
      t,
      lq: { term1: [3, 1] },
    };
    const chunks = splitIndex(index, 20_000);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks)
      expect(Buffer.byteLength(c)).toBeLessThanOrEqual(20_000);
    const whole = createSearch(index);
    const parts = createSearch(chunks.map((c) => JSON.parse(c) as FaqIndex));
    for (const q of ["term1", "term2999 term17", "term1500"])
      expect(parts(q)).toEqual(whole(q));
  });
});
