import { describe, expect, it } from "vitest";
import { splitIndex } from "./index-build.server";
import { createSearch, learnKey, type FaqIndex } from "./engine/query";

describe("splitIndex", () => {
  it("splits a large index by terms into chunks under the limit that search exactly like the whole", () => {
    const t: Record<string, number[]> = {};
    for (let i = 0; i < 3000; i++)
      t[`term${i}`] = [i % 50, 100 + (i % 7), (i + 1) % 50, 50];
    const index: FaqIndex = {
      v: 1,
      ids: Array.from({ length: 50 }, (_, i) => `entry-${i}`),
      t,
      lq: { [learnKey("term1")]: [3, 1] },
    };
    // Learned queries and ways to ask grow with the shop: far more than one chunk holds.
    for (let i = 0; i < 2000; i++)
      index.lq![learnKey(`waystoask${i}`)] = [i % 50, 4, (i * 7) % 50, 1.5];
    const chunks = splitIndex(index, 20_000);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks)
      expect(Buffer.byteLength(c)).toBeLessThanOrEqual(20_000);
    const whole = createSearch(index);
    const parts = createSearch(chunks.map((c) => JSON.parse(c) as FaqIndex));
    expect(chunks.filter((c) => c.includes('"lq"')).length).toBeGreaterThan(1);
    for (const q of [
      "term1",
      "term2999 term17",
      "term1500",
      "ways to ask 1999",
    ])
      expect(parts(q)).toEqual(whole(q));
    // A learned query in a later chunk still lifts its entries.
    expect(parts("ways to ask 1999").hits.map((h) => h.id)).toEqual([
      "entry-49",
      "entry-43",
    ]);
  });
});
