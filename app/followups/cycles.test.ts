import { describe, expect, it } from "vitest";
import { parseCycleDays, parseCycles } from "./cycles";

describe("consumption cycles form", () => {
  it("keeps whole days from 1 to 365, each product once", () => {
    expect(
      parseCycles(
        JSON.stringify([
          { productId: "11", title: "化粧水", days: " 30 " },
          { productId: "11", title: "化粧水", days: "60" },
          { productId: "12", title: "コーヒー豆", days: "14" },
        ]),
      ),
    ).toEqual({
      ok: true,
      value: [
        { productId: "11", title: "化粧水", days: 30 },
        { productId: "12", title: "コーヒー豆", days: 14 },
      ],
    });
    expect(parseCycles("[]")).toEqual({ ok: true, value: [] });
  });

  it("reads days as a Japanese keyboard types them", () => {
    // An IME left in full-width mode types 「３０」; the row means 30 days, not an error.
    expect(parseCycleDays("３０")).toEqual({ ok: true, days: 30 });
    expect(parseCycleDays("\u3000１４\u3000")).toEqual({ ok: true, days: 14 });
    expect(parseCycleDays("0030")).toEqual({ ok: true, days: 30 });
    expect(parseCycleDays("1")).toEqual({ ok: true, days: 1 });
    expect(parseCycleDays("365")).toEqual({ ok: true, days: 365 });
  });

  it("says a blank row needs days, and anything but 1 to 365 whole days is wrong", () => {
    for (const blank of ["", "   ", "\u3000"])
      expect(parseCycleDays(blank), JSON.stringify(blank)).toEqual({
        ok: false,
        error: "required",
      });
    for (const wrong of [
      "0",
      "０",
      "-5",
      "－５",
      "366",
      "３６６",
      "2.5",
      "２．５",
      "1e2",
      "+7",
      "0x1e",
      "30日",
      "七",
      "三十",
      "abc",
      "Infinity",
      "NaN",
      "99999999999999999999",
      "1 000",
    ])
      expect(parseCycleDays(wrong), wrong).toEqual({
        ok: false,
        error: "days",
      });
  });

  it("names each product whose days are wrong, and refuses a malformed list", () => {
    expect(
      parseCycles(
        JSON.stringify([
          { productId: "11", title: "a", days: "0" },
          { productId: "12", title: "b", days: "2.5" },
          { productId: "13", title: "c", days: "366" },
          { productId: "14", title: "d", days: "七" },
          { productId: "15", title: "e", days: "7" },
          { productId: "16", title: "f", days: "" },
          { productId: "17", title: "g", days: "-1" },
          { productId: "18", title: "h", days: "６０" },
        ]),
      ),
    ).toEqual({
      ok: false,
      errors: {
        "11": "days",
        "12": "days",
        "13": "days",
        "14": "days",
        "16": "required",
        "17": "days",
      },
    });
    // Days must come as the text field's string, as the page sends them.
    expect(
      parseCycles(JSON.stringify([{ productId: "11", title: "a", days: 30 }])),
    ).toEqual({ ok: false, errors: { form: "invalid" } });
    expect(parseCycles("{not json")).toEqual({
      ok: false,
      errors: { form: "invalid" },
    });
    expect(
      parseCycles(
        JSON.stringify([
          { productId: "gid://shopify/Product/1", title: "x", days: "3" },
        ]),
      ),
    ).toEqual({ ok: false, errors: { form: "invalid" } });
  });

  it("says the list is too long, not that it is broken, past 500 products", () => {
    const rows = (n: number) =>
      JSON.stringify(
        Array.from({ length: n }, (_, i) => ({
          productId: String(i + 1),
          title: "x",
          days: "30",
        })),
      );
    expect(parseCycles(rows(501))).toEqual({
      ok: false,
      errors: { form: "tooMany" },
    });
    expect(parseCycles(rows(500)).ok).toBe(true);
  });
});
