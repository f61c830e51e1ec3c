import { describe, expect, it } from "vitest";
import {
  orderTutorials,
  productList,
  type MetafieldEntry,
  type OrderLine,
} from "./product-tutorials";

const line = (id: number, title: string): OrderLine => ({
  merchandise: { title, product: { id: `gid://shopify/Product/${id}` } },
});
const entry = (
  id: number,
  value: unknown,
  namespace = "$app:tsunagu",
  key = "tutorials",
): MetafieldEntry => ({
  target: { type: "product", id: `gid://shopify/Product/${id}` },
  metafield: {
    namespace,
    key,
    value: typeof value === "string" ? value : JSON.stringify(value),
  },
});
const video = {
  kind: "video",
  locales: {
    ja: { title: "組み立て動画", url: "https://example.com/ja" },
    en: { title: "Assembly video", url: "https://example.com/en" },
  },
};

describe("orderTutorials", () => {
  it("picks the customer's language by its base, else the first language present", () => {
    const lines = [line(1, "Drone X")];
    const entries = [entry(1, { items: [video] })];
    expect(orderTutorials(lines, entries, "ja")).toEqual([
      {
        kind: "video",
        title: "組み立て動画",
        url: "https://example.com/ja",
        products: ["Drone X"],
      },
    ]);
    expect(orderTutorials(lines, entries, "en-GB")[0].title).toBe(
      "Assembly video",
    );
    expect(orderTutorials(lines, entries, "fr")[0].title).toBe("組み立て動画");
    // A regional entry wins over the bare language when both are there.
    const regional = [
      entry(1, {
        items: [
          {
            kind: "article",
            locales: {
              en: { title: "Guide", url: "https://e.com/en" },
              "en-GB": { title: "Guide (UK)", url: "https://e.com/uk" },
            },
          },
        ],
      }),
    ];
    expect(orderTutorials(lines, regional, "en-GB")[0].title).toBe(
      "Guide (UK)",
    );
    expect(orderTutorials(lines, regional, "en-US")[0].title).toBe("Guide");
  });

  it("names the product by the title the app wrote, since lines carry only the variant's title", () => {
    expect(
      orderTutorials(
        [line(1, "Default Title")],
        [entry(1, { product: "ドローン X", items: [video] })],
        "ja",
      )[0].products,
    ).toEqual(["ドローン X"]);
    expect(
      orderTutorials(
        [line(1, "Drone X")],
        [entry(1, { product: " ", items: [video] })],
        "ja",
      )[0].products,
    ).toEqual(["Drone X"]);
  });

  it("passes over a language entry without an http(s) link to the next usable one", () => {
    const item = {
      kind: "article",
      locales: {
        ja: { title: "説明", url: "javascript:alert(1)" },
        en: { title: "Manual", url: "https://example.com/manual" },
      },
    };
    expect(
      orderTutorials([line(1, "Drone X")], [entry(1, { items: [item] })], "ja"),
    ).toEqual([
      {
        kind: "article",
        title: "Manual",
        url: "https://example.com/manual",
        products: ["Drone X"],
      },
    ]);
    const none = {
      kind: "article",
      locales: { ja: { title: "説明", url: "data:text/html,x" } },
    };
    expect(
      orderTutorials([line(1, "Drone X")], [entry(1, { items: [none] })], "ja"),
    ).toEqual([]);
  });

  it("lists one entry per URL with every product it is for, in order", () => {
    const lines = [
      line(1, "Drone X"),
      line(2, "Drone X Pro"),
      line(1, "Drone X"),
      line(3, "Battery"),
    ];
    const entries = [
      entry(1, { items: [video] }),
      entry(2, {
        items: [
          video,
          {
            kind: "article",
            locales: {
              en: { title: "Pro tips", url: "https://example.com/pro" },
            },
          },
        ],
      }),
      entry(3, { items: [video] }),
    ];
    expect(orderTutorials(lines, entries, "en")).toEqual([
      {
        kind: "video",
        title: "Assembly video",
        url: "https://example.com/en",
        products: ["Drone X", "Drone X Pro", "Battery"],
      },
      {
        kind: "article",
        title: "Pro tips",
        url: "https://example.com/pro",
        products: ["Drone X Pro"],
      },
    ]);
  });

  it("skips malformed metafields and items, other apps' namespaces and products not ordered", () => {
    const lines = [
      line(1, "A"),
      line(2, "B"),
      line(3, "C"),
      line(4, "D"),
      line(5, "E"),
    ];
    const entries = [
      entry(1, "{not json"),
      entry(2, {
        items: [
          null,
          "x",
          { kind: "podcast", locales: video.locales },
          { kind: "video", locales: [] },
          {
            kind: "video",
            locales: { en: { title: "", url: "https://e.com/1" } },
          },
          { kind: "video", locales: { en: "x" } },
        ],
      }),
      entry(3, { items: [video] }, "custom"),
      entry(4, { items: [video] }, "$app:tsunagu", "other"),
      entry(6, { items: [video] }),
      {
        target: { type: "variant", id: "gid://shopify/Product/5" },
        metafield: {
          namespace: "$app:tsunagu",
          key: "tutorials",
          value: JSON.stringify({ items: [video] }),
        },
      },
      entry(5, 42),
    ];
    expect(orderTutorials(lines, entries, "en")).toEqual([]);
  });

  it("accepts the resolved app namespace and an already parsed value", () => {
    const e: MetafieldEntry = {
      target: { type: "product", id: "gid://shopify/Product/1" },
      metafield: {
        namespace: "app--123--tsunagu",
        key: "tutorials",
        value: { items: [video] },
      },
    };
    expect(orderTutorials([line(1, "Drone X")], [e], "en")).toHaveLength(1);
  });
});

describe("productList", () => {
  it("lists products as Japanese writes a list", () => {
    expect(productList(["ドローン X"], "ja")).toBe("ドローン X");
    expect(productList(["ドローン X", "バッテリー"], "ja")).toBe(
      "ドローン X、バッテリー",
    );
    expect(productList(["ドローン X", "バッテリー", "ケース"], "ja-JP")).toBe(
      "ドローン X、バッテリー、ケース",
    );
  });

  it("lists products as English writes a list", () => {
    expect(productList(["Drone X"], "en")).toBe("Drone X");
    expect(productList(["Drone X", "Battery"], "en")).toBe(
      "Drone X and Battery",
    );
    expect(productList(["Drone X", "Battery", "Case"], "en-US")).toBe(
      "Drone X, Battery, and Case",
    );
  });

  it("follows the block's strings, which are English for any other language", () => {
    expect(productList(["Drone X", "Battery"], "fr")).toBe(
      "Drone X and Battery",
    );
  });
});
