import { describe, expect, it } from "vitest";
import { monthStart } from "./metrics.server";

describe("monthStart", () => {
  it("is midnight on the first of the month in the shop's time zone", () => {
    // 2026-11-30 20:00 UTC is already December 1st in Tokyo.
    const now = new Date("2026-11-30T20:00:00Z");
    expect(monthStart(now, "Asia/Tokyo")).toEqual({
      start: new Date("2026-11-30T15:00:00Z"),
      key: "2026-12",
    });
    expect(monthStart(now, "UTC")).toEqual({
      start: new Date("2026-11-01T00:00:00Z"),
      key: "2026-11",
    });
    expect(monthStart(now, "Asia/Tokyo", 12).key).toBe("2025-12");
  });
});
