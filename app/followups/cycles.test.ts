import { describe, expect, it } from "vitest";
import { parseCycles } from "./cycles.server";

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

  it("names each product whose days are wrong, and refuses a malformed list", () => {
    expect(
      parseCycles(
        JSON.stringify([
          { productId: "11", title: "a", days: "0" },
          { productId: "12", title: "b", days: "2.5" },
          { productId: "13", title: "c", days: "366" },
          { productId: "14", title: "d", days: "七" },
          { productId: "15", title: "e", days: "7" },
        ]),
      ),
    ).toEqual({
      ok: false,
      errors: { "11": "days", "12": "days", "13": "days", "14": "days" },
    });
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
