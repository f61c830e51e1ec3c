import { describe, expect, it } from "vitest";
import { parseBeacon } from "./beacon";

const batch = (l: string) =>
  JSON.stringify({
    id: "batch-0001",
    l,
    e: [{ t: "search", q: "送料", r: "empty" }],
  });

describe("a storefront beacon's language", () => {
  it("is one of the FAQ's languages, as the block names it", () => {
    for (const l of ["ja", "en", "zh-TW", "pt-BR"])
      expect(parseBeacon(batch(l)).ok, l).toBe(true);
  });

  it("is refused, and nothing stored, when no FAQ language could be written that way", () => {
    // The gap report acts on a group by the language it was stored under; these could not be.
    for (const l of ["xx", "xx-yy", "zh-tw", "JA", "らりるれろ", ""])
      expect(parseBeacon(batch(l)), l).toMatchObject({
        ok: false,
        status: 400,
      });
  });
});
