import { describe, expect, it } from "vitest";
import { noResponseSteps } from "./no-responses";

describe("noResponseSteps", () => {
  it("names each place an active survey asks, in the order a shopper meets them", () => {
    expect(
      noResponseSteps([
        { active: true, placements: ["email", "block"] },
        { active: true, placements: ["thankyou", "block"] },
        { active: false, placements: ["email"] },
      ]),
    ).toEqual(["block", "thankyou", "email"]);
  });

  it("leaves out places only a stopped survey would ask", () => {
    expect(
      noResponseSteps([
        { active: true, placements: ["block"] },
        { active: false, placements: ["email"] },
      ]),
    ).toEqual(["block"]);
  });

  it("asks first to switch a survey on when none is", () => {
    expect(
      noResponseSteps([{ active: false, placements: ["thankyou"] }]),
    ).toEqual(["inactive", "thankyou"]);
  });
});
