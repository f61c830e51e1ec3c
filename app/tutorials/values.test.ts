import { describe, expect, it } from "vitest";
import {
  metafieldValues,
  reachedProducts,
  touchedProducts,
  tutorialLinks,
  type TutorialReach,
} from "./values";

const drone = { id: "1", title: "ドローン Mini" };
const battery = { id: "2", title: "予備バッテリー" };
const pro = { id: "3", title: "ドローン Pro" };
const setup: TutorialReach = {
  kind: "video",
  locales: {
    ja: { title: "初回フライト", url: "https://v.example/ja" },
    en: { title: "First flight", url: "https://v.example/en" },
  },
  products: [battery],
  collections: [
    { id: "10", title: "ドローン", products: [drone, pro] },
    { id: "11", title: "新商品", products: [pro, battery] },
  ],
};
const care: TutorialReach = {
  kind: "article",
  locales: { ja: { title: "お手入れ", url: "https://b.example/care" } },
  products: [pro],
};

describe("what a tutorial reaches", () => {
  it("is its chosen products, then its collections' products, each once", () => {
    expect(reachedProducts(setup)).toEqual([battery, drone, pro]);
    expect(reachedProducts(care)).toEqual([pro]);
  });

  it("gives each reached product one item per tutorial, with the product's title", () => {
    const values = metafieldValues([setup, care]);
    expect([...values.keys()].sort()).toEqual(["1", "2", "3"]);
    expect(values.get("3")).toEqual({
      product: "ドローン Pro",
      items: [
        { kind: "video", locales: setup.locales },
        { kind: "article", locales: care.locales },
      ],
    });
    expect(values.get("2")?.items).toHaveLength(1);
  });

  it("touches the products reached before or after a change", () => {
    const moved = {
      ...setup,
      products: [],
      collections: [
        {
          id: "12",
          title: "アウトドア",
          products: [{ id: "4", title: "テント" }],
        },
      ],
    };
    expect([...touchedProducts([setup], [moved])].sort()).toEqual([
      "1",
      "2",
      "3",
      "4",
    ]);
    expect([...touchedProducts([], [care])]).toEqual(["3"]);
  });

  it("lists follow-up links for products reached through a collection", () => {
    expect(tutorialLinks([setup, care], ["1"], "en")).toEqual([
      { title: "First flight", url: "https://v.example/en" },
    ]);
    expect(
      tutorialLinks([setup, care], ["3", "1"], "ja").map((l) => l.title),
    ).toEqual(["初回フライト", "お手入れ"]);
    expect(tutorialLinks([setup], ["99"], "ja")).toEqual([]);
  });
});
