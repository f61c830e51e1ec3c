import { describe, expect, it } from "vitest";
import {
  applyAssignment,
  assignmentChanged,
  changedProductCount,
  parseBulkForm,
  stillReached,
  type Assignment,
} from "./assign";
import type { TutorialReach } from "./values";

const drone = { id: "1", title: "ドローン Mini" };
const battery = { id: "2", title: "予備バッテリー" };
const pro = { id: "3", title: "ドローン Pro" };
const drones = { id: "10", title: "ドローン", products: [drone, pro] };
const none: Assignment = {
  addProducts: [],
  addCollections: [],
  removeProductIds: [],
  removeCollectionIds: [],
};
const locales = { ja: { title: "初回フライト", url: "https://v.example/ja" } };
const tutorial = {
  kind: "video" as const,
  locales,
  products: [battery],
  collections: [drones],
};

describe("the bulk form", () => {
  it("reads each intent, each id once", () => {
    expect(
      parseBulkForm({
        intent: "add-products",
        ids: '["a","b","a"]',
        products: JSON.stringify([drone, pro, drone]),
      }),
    ).toEqual({
      ok: true,
      ids: ["a", "b"],
      change: { ...none, addProducts: [drone, pro] },
    });
    expect(
      parseBulkForm({
        intent: "add-collections",
        ids: '["a"]',
        collections: '[{"id":"10","title":"ドローン"}]',
      }),
    ).toEqual({
      ok: true,
      ids: ["a"],
      change: { ...none, addCollections: [{ id: "10", title: "ドローン" }] },
    });
    expect(
      parseBulkForm({
        intent: "remove",
        ids: '["a"]',
        products: JSON.stringify([drone]),
        collections: '[{"id":"10","title":""}]',
      }),
    ).toEqual({
      ok: true,
      ids: ["a"],
      change: { ...none, removeProductIds: ["1"], removeCollectionIds: ["10"] },
    });
    // Fields another intent would use are ignored, so one action never does two things.
    expect(
      parseBulkForm({
        intent: "add-products",
        ids: '["a"]',
        products: JSON.stringify([drone]),
        collections: '[{"id":"10","title":""}]',
      }),
    ).toMatchObject({ ok: true, change: { addCollections: [] } });
  });

  it("says what is wrong with a bad form", () => {
    const bad = (form: Record<string, string>) => {
      const r = parseBulkForm(form);
      return r.ok ? null : r.reason;
    };
    expect(
      bad({
        intent: "publish",
        ids: '["a"]',
        products: JSON.stringify([drone]),
      }),
    ).toMatch(/^intent:/);
    expect(
      bad({
        intent: "add-products",
        ids: "[]",
        products: JSON.stringify([drone]),
      }),
    ).toMatch(/^ids:/);
    expect(
      bad({
        intent: "add-products",
        ids: "a,b",
        products: JSON.stringify([drone]),
      }),
    ).toMatch(/^ids: not JSON/);
    expect(bad({ intent: "add-products", ids: '["a"]' })).toMatch(
      /^products: pick at least one/,
    );
    expect(
      bad({
        intent: "add-products",
        ids: '["a"]',
        products: '[{"id":"gid://shopify/Product/1","title":"x"}]',
      }),
    ).toMatch(/^products\.0\.id/);
    expect(
      bad({
        intent: "add-collections",
        ids: '["a"]',
        products: JSON.stringify([drone]),
      }),
    ).toMatch(/^collections:/);
    expect(bad({ intent: "remove", ids: '["a"]' })).toMatch(
      /pick at least one product or collection/,
    );
    expect(
      bad({
        intent: "add-products",
        ids: JSON.stringify(Array.from({ length: 251 }, (_, i) => `t${i}`)),
        products: JSON.stringify([drone]),
      }),
    ).toMatch(/^ids:/);
  });
});

describe("applying a change to one tutorial", () => {
  it("appends new products and keeps the ones it had, with their titles", () => {
    const after = applyAssignment(
      tutorial,
      {
        ...none,
        addProducts: [
          { id: "2", title: "renamed" },
          pro,
          { id: "4", title: "" },
        ],
      },
      [],
    );
    expect(after.products).toEqual([battery, pro, { id: "4", title: "4" }]);
    expect(after.collections).toEqual([drones]);
    expect(after.kind).toBe("video");
  });

  it("adds resolved collections and refreshes one it already had", () => {
    const fresh = { ...drones, products: [drone] };
    const coffee = {
      id: "11",
      title: "コーヒー",
      products: [{ id: "5", title: "豆" }],
    };
    expect(
      applyAssignment(
        tutorial,
        {
          ...none,
          addCollections: [
            { id: "10", title: "" },
            { id: "11", title: "" },
          ],
        },
        [fresh, coffee],
      ).collections,
    ).toEqual([fresh, coffee]);
  });

  it("removes products and collections, ignoring ones it does not have", () => {
    const after = applyAssignment(
      tutorial,
      {
        ...none,
        removeProductIds: ["2", "99"],
        removeCollectionIds: ["10", "98"],
      },
      [],
    );
    expect(after).toMatchObject({ products: [], collections: [] });
  });

  it("tells a change from none", () => {
    expect(
      assignmentChanged(
        tutorial,
        applyAssignment(tutorial, { ...none, addProducts: [battery] }, []),
      ),
    ).toBe(false);
    expect(
      assignmentChanged(
        tutorial,
        applyAssignment(tutorial, { ...none, removeProductIds: ["99"] }, []),
      ),
    ).toBe(false);
    expect(
      assignmentChanged(
        tutorial,
        applyAssignment(tutorial, { ...none, addProducts: [pro] }, []),
      ),
    ).toBe(true);
    expect(
      assignmentChanged(
        tutorial,
        applyAssignment(tutorial, { ...none, addCollections: [drones] }, [
          { ...drones, products: [drone] },
        ]),
      ),
    ).toBe(true);
  });
});

describe("what a bulk change did", () => {
  it("counts the products whose metafield value changed, not every one touched", () => {
    const other: TutorialReach = { kind: "article", locales, products: [pro] };
    const after = applyAssignment(
      tutorial,
      { ...none, addProducts: [pro] },
      [],
    );
    // pro was reached through the collection already: its value is the same.
    expect(
      changedProductCount(
        [tutorial, other],
        [after, other],
        new Set(["1", "2", "3"]),
      ),
    ).toBe(0);
    const removed = applyAssignment(
      tutorial,
      { ...none, removeCollectionIds: ["10"] },
      [],
    );
    expect(
      changedProductCount(
        [tutorial, other],
        [removed, other],
        new Set(["1", "2", "3"]),
      ),
    ).toBe(2);
  });

  it("names the products a removal left shown through a collection", () => {
    const after = applyAssignment(
      { ...tutorial, products: [battery, pro] },
      { ...none, removeProductIds: ["2", "3"] },
      [],
    );
    expect(stillReached([after], ["2", "3"])).toEqual(["3"]);
  });
});
