import { describe, expect, it } from "vitest";
import { LocalCalendar, addDelta, contributionOf, newDeltas } from "./contrib";

const tokyo = new LocalCalendar("Asia/Tokyo");
const ny = new LocalCalendar("America/New_York");
const at = (s: string) => new Date(s);

describe("LocalCalendar", () => {
  it("puts instants on the shop's local day, across DST changes", () => {
    expect(tokyo.day(at("2026-03-31T15:30:00Z"))).toBe("2026-04-01");
    expect(ny.day(at("2026-03-08T04:59:59Z"))).toBe("2026-03-07");
    expect(ny.day(at("2026-03-08T05:00:00Z"))).toBe("2026-03-08");
    expect(ny.day(at("2026-07-01T03:59:59Z"))).toBe("2026-06-30");
    expect(ny.day(at("2026-07-01T04:00:00Z"))).toBe("2026-07-01");
  });

  it("answers from its per-day cache exactly what formatting each instant gives", () => {
    // A fresh calendar per zone, asked about instants in random order, many on the same days and
    // around DST changes, against the time zone's own formatting of each instant.
    for (const zone of [
      "Asia/Tokyo",
      "America/New_York",
      "Europe/London",
      "Australia/Lord_Howe",
    ]) {
      const cal = new LocalCalendar(zone);
      const ymd = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
      let seed = 7;
      for (let i = 0; i < 3000; i++) {
        seed = (seed * 48271) % 2147483647;
        const when = new Date(
          Date.UTC(2025, 0, 1) + (seed % (730 * 24 * 60)) * 60_000,
        );
        expect(cal.day(when)).toBe(ymd.format(when));
        expect(cal.month(when)).toBe(ymd.format(when).slice(0, 7));
      }
    }
  });

  it("finds local midnight", () => {
    expect(tokyo.startOfDay(at("2026-11-24T10:00:00Z")).toISOString()).toBe(
      "2026-11-23T15:00:00.000Z",
    );
    expect(
      tokyo.startOfDay(at("2026-11-24T10:00:00Z"), -120).toISOString(),
    ).toBe("2026-07-26T15:00:00.000Z");
    expect(ny.startOfDay(at("2026-07-01T12:00:00Z")).toISOString()).toBe(
      "2026-07-01T04:00:00.000Z",
    );
    expect(ny.startOfDay(at("2026-12-01T12:00:00Z")).toISOString()).toBe(
      "2026-12-01T05:00:00.000Z",
    );
  });
});

describe("contributionOf", () => {
  it("counts orders, repeats and a return after a long gap per local month", () => {
    const c = contributionOf(
      [
        at("2026-01-05T00:00:00Z"),
        at("2026-01-20T00:00:00Z"),
        at("2026-09-01T00:00:00Z"),
        at("2026-09-03T00:00:00Z"),
      ],
      tokyo,
      120,
    );
    expect(c).toEqual({
      d: "2026-09-03",
      f: 1,
      m: { "2026-01": [2, 1, 0], "2026-09": [2, 2, 1] },
    });
  });

  it("is empty without orders and not a fan with one", () => {
    expect(contributionOf([], tokyo, 120)).toEqual({ d: null, f: 0, m: {} });
    expect(contributionOf([at("2026-01-05T00:00:00Z")], tokyo, 120)).toEqual({
      d: "2026-01-05",
      f: 0,
      m: { "2026-01": [1, 0, 0] },
    });
  });
});

describe("addDelta", () => {
  it("moves aggregates by the difference and nets out to nothing for no change", () => {
    const before = contributionOf([at("2026-01-05T00:00:00Z")], tokyo, 120);
    const after = contributionOf(
      [at("2026-01-05T00:00:00Z"), at("2026-06-01T00:00:00Z")],
      tokyo,
      120,
    );
    const d = newDeltas();
    addDelta(d, null, before);
    addDelta(d, before, after);
    expect(d.customers).toBe(1);
    expect(d.fans).toBe(1);
    expect(Object.fromEntries(d.days)).toEqual({
      "2026-01-05": 0,
      "2026-06-01": 1,
    });
    expect(Object.fromEntries(d.months)).toEqual({
      "2026-01": [1, 0, 0],
      "2026-06": [1, 1, 1],
    });
    const same = newDeltas();
    addDelta(same, after, after);
    expect(same.fans).toBe(0);
    expect([...same.months.values()].flat().every((v) => v === 0)).toBe(true);
  });
});
