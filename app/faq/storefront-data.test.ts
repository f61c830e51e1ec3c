import { describe, expect, it } from "vitest";
import {
  buildStorefrontPayload,
  chunkJson,
  localeKey,
  publishVersion,
  versionOfKey,
} from "./storefront-data";
import { displayOrder } from "./display-order";

const AT = Date.UTC(2026, 11, 3, 12);

const entry = (
  handle: string,
  category: string,
  position: number,
  answer = "<p>a</p>",
) => ({ handle, category, position, question: `${handle}?`, answer });

describe("storefront payload", () => {
  it("orders categories by their first entry, uncategorised last", () => {
    const order = displayOrder([
      entry("a", "", 0),
      entry("b", "返品", 5),
      entry("c", "配送", 1),
      entry("d", "返品", 2),
      entry("e", "配送", 9),
    ]);
    expect(order.map((e) => e.handle)).toEqual(["c", "e", "d", "b", "a"]);
  });

  it("splits large content into chunks under the limit, keeping every item once", () => {
    const items = Array.from({ length: 50 }, (_, i) => ({
      i,
      text: "あ".repeat(300),
    }));
    const chunks = chunkJson("entries", items, 10_000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks)
      expect(new TextEncoder().encode(c).length).toBeLessThanOrEqual(10_000);
    expect(
      chunks.flatMap((c) =>
        (JSON.parse(c) as { entries: { i: number }[] }).entries.map((x) => x.i),
      ),
    ).toEqual(items.map((x) => x.i));
  });

  it("writes chunks before the manifest, sanitises answers again and picks a fallback locale that exists", () => {
    const payload = buildStorefrontPayload({
      entriesByLocale: new Map([
        [
          "en",
          [
            entry(
              "ship",
              "Shipping",
              0,
              '<p onclick="x()">Free</p><script>bad()</script>',
            ),
          ],
        ],
        ["zh-TW", []],
      ]),
      indexByLocale: new Map([["en", ['{"v":1}']]]),
      fallback: "ja",
      contact: "",
      at: AT,
    });
    const v = publishVersion(AT);
    expect(payload.metafields.map((m) => m.key)).toEqual([
      `faq_en_${v}_1`,
      `faqidx_en_${v}_1`,
      "faq",
    ]);
    expect(versionOfKey(`faqidx_en_${v}_1`)).toBe(AT);
    expect(versionOfKey("faq_zh_tw_1")).toBe(0); // from before versions
    expect(JSON.parse(payload.metafields[0].value)).toEqual({
      entries: [{ h: "ship", c: "Shipping", q: "ship?", a: "<p>Free</p>" }],
    });
    expect(JSON.parse(payload.metafields[2].value)).toEqual({
      v: 1,
      at: AT,
      fallback: "en",
      contact: "/pages/contact",
      locales: {
        en: { key: `en_${v}`, chunks: 1, index_chunks: 1, entries: 1 },
      },
    });
    expect(payload.info).toEqual({ entries: 1, locales: ["en"] });
    expect(localeKey("zh-TW")).toBe("zh_tw");
  });
});
