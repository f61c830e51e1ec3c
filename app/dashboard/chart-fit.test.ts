import { describe, expect, it } from "vitest";
import { monthsThatFit } from "./chart-fit";

describe("monthsThatFit", () => {
  it("shows the whole year where each month keeps its label", () => {
    expect(monthsThatFit(918, 12)).toBe(12); // the 1280 px admin
    expect(monthsThatFit(540, 12)).toBe(12);
  });

  it("shows the last half year on a phone, where twelve would lose their labels", () => {
    expect(monthsThatFit(326, 12)).toBe(6); // a 390 px phone's card
    expect(monthsThatFit(500, 12)).toBe(6);
  });

  it("never asks for more months than there are, and draws all before it is measured", () => {
    expect(monthsThatFit(326, 4)).toBe(4);
    expect(monthsThatFit(0, 12)).toBe(12);
    expect(monthsThatFit(Number.NaN, 12)).toBe(12);
  });
});
