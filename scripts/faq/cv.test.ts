import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CvOptionError, lenders, shareOf, shopList } from "./cv";
import type { TrainingShop } from "./shopper-corpus";

const shop = (name: string): TrainingShop => ({
  shop: name,
  faq: [],
  queries: [],
});
const shops = ["aroma", "bakery", "coffee", "yoga", "tofu"].map(shop);
const names = (list: TrainingShop[]) => list.map((s) => s.shop);

describe("faq:train --cv plans", () => {
  it("reads shop lists from the argument or from a file, and refuses names it does not know", () => {
    expect(names(shopList("yoga, aroma,yoga", shops))).toEqual([
      "yoga",
      "aroma",
    ]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cv-")), "held");
    writeFileSync(file, "coffee\ntofu\n\n");
    expect(names(shopList(`@${file}`, shops))).toEqual(["coffee", "tofu"]);
    expect(() => shopList("coffee,kendama", shops)).toThrow(
      new CvOptionError("not a training shop: kendama"),
    );
    expect(() => shopList(",", shops)).toThrow(CvOptionError);
    expect(() => shopList(`@${file}.missing`, shops)).toThrow(CvOptionError);
  });

  it("never lends a held-out shop its own words, and chooses a borrowed share by name alone", () => {
    const all = { held: shops, from: shops, borrow: 1 };
    expect(names(lenders(all, shops[1]))).toEqual([
      "aroma",
      "coffee",
      "yoga",
      "tofu",
    ]);
    // The same shops are chosen whatever else the corpus holds: a shop is in a share by its
    // name's hash, not by its place in the list.
    const half = { ...all, borrow: 0.5 };
    const chosen = names(lenders(half, shops[0]));
    expect(chosen).toEqual(
      names(shops).filter((n) => n !== "aroma" && shareOf(n) < 0.5),
    );
    const more = [...shops, ...["kimono", "tea2", "zz"].map(shop)];
    expect(
      names(lenders({ ...half, from: more }, shops[0])).filter((n) =>
        names(shops).includes(n),
      ),
    ).toEqual(chosen);
    // Shares are spread evenly: about half of many names fall below one half.
    const many = Array.from({ length: 2000 }, (_, i) => `shop${i}`);
    const below = many.filter((n) => shareOf(n) < 0.5).length;
    expect(below).toBeGreaterThan(900);
    expect(below).toBeLessThan(1100);
  });
});
