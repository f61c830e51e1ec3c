import { describe, expect, it } from "vitest";
import { mergeWeakTypos } from "./typos.server";

describe("mergeWeakTypos", () => {
  it("gives a weak long word the postings of a stronger word an edit away, at a typo's weight", () => {
    const t: Record<string, number[]> = {
      warrenty: [0, 10],
      warranty: [1, 300],
      frame: [2, 200],
    };
    mergeWeakTypos(t);
    expect(t.warrenty).toEqual([0, 10, 1, 210]);
    expect(t.warranty).toEqual([1, 300]);
    expect(t.frame).toEqual([2, 200]);
  });

  it("leaves short words, stronger words, far words and Japanese alone", () => {
    const t: Record<string, number[]> = {
      point: [0, 10],
      print: [1, 300],
      strong: [0, 400],
      strang: [1, 100],
      shipping: [0, 50],
      shopping: [1, 300],
      配送料: [0, 10],
      配達料: [1, 300],
    };
    const before = structuredClone(t);
    mergeWeakTypos(t);
    expect(t.point).toEqual(before.point); // five letters: real words an edit apart
    expect(t.strong).toEqual(before.strong); // its neighbour is weaker
    expect(t.strang).toEqual([0, 280, 1, 100]); // the weaker one takes the stronger one's
    expect(t.shipping).toEqual([0, 50, 1, 210]); // eight letters: two edits away is near
    expect(t.配送料).toEqual(before.配送料);
  });

  it("takes two of the near stronger words, not more", () => {
    const t: Record<string, number[]> = {
      colour: [0, 10],
      color: [1, 100],
      kolour: [3, 300],
      colours: [2, 50],
    };
    mergeWeakTypos(t);
    // All three are one edit away and stronger; the shorter ones come first.
    expect(t.colour).toEqual([0, 10, 1, 70, 3, 210]);
    // colours is one edit from colour, which is weaker, and two from the others.
    expect(t.colours).toEqual([2, 50]);
  });
});
