import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  assignTutorials,
  CollectionsNotFound,
  listTutorials,
  saveTutorial,
  TutorialsWouldBeEmpty,
} from "~/tutorials/tutorials.server";
import type { Assignment } from "~/tutorials/assign";
import { metafieldValues } from "~/tutorials/values";
import type { TutorialInput } from "~/tutorials/definition";
import { createDevStore } from "../../dev-store/src/store";
import { resetDatabase } from "../support/db";
import { devStoreAdmin, appProductMetafield } from "../support/dev-store-admin";

/**
 * Bulk assignment from the tutorials list, against the dev store through the real Admin schema:
 * one action changes several tutorials, and afterwards every product's metafield is exactly what
 * the table says.
 */
const core = createDevStore({
  baseUrl: "http://dev-store.test",
  counts: { customers: 5, orders: 5 },
  throttle: { maximumAvailable: 1e6, restoreRate: 1e6 },
});
const shop = core.shop;
const calls: string[] = [];
const graphql = devStoreAdmin(core, {
  scopes: ["read_products", "write_products"],
  bucketKey: "tut-bulk",
  calls,
});
const stored = (id: string | number) =>
  appProductMetafield<unknown>(core, id, "tutorials");
/** Every product of the store holds exactly what the app's table says (and no more). */
const expectShopifyMatchesTable = async () => {
  const values = metafieldValues(await listTutorials(prisma, shop));
  for (const p of core.state.products)
    expect(stored(p.legacyId), p.title).toEqual(
      values.get(String(p.legacyId)) ?? null,
    );
};
const byHandle = (handle: string) =>
  core.state.collections.find((c) => c.handle === handle)!;
const drones = byHandle("drones");
const coffee = byHandle("coffee");
const outside = core.state.products.filter(
  (p) =>
    !drones.productIds.includes(p.legacyId) &&
    !coffee.productIds.includes(p.legacyId),
);
const [p1, p2, p3] = outside
  .slice(0, 3)
  .map((p) => ({ id: String(p.legacyId), title: p.title }));
const none: Assignment = {
  addProducts: [],
  addCollections: [],
  removeProductIds: [],
  removeCollectionIds: [],
};
const video: TutorialInput = {
  kind: "video",
  locales: { ja: { title: "組み立て動画", url: "https://video.example/ja" } },
  products: [p1],
  collections: [],
};
const article: TutorialInput = {
  kind: "article",
  locales: { en: { title: "Care guide", url: "https://blog.example/care" } },
  products: [],
  collections: [{ id: String(drones.legacyId), title: "ドローン" }],
};

let a = "";
let b = "";
beforeEach(async () => {
  await resetDatabase(prisma);
  for (const p of core.state.products)
    p.metafields = p.metafields.filter((m) => m.key !== "tutorials");
  a = (await saveTutorial(prisma, graphql, shop, null, video))!;
  b = (await saveTutorial(prisma, graphql, shop, null, article))!;
  calls.length = 0;
});

describe("bulk assignment of tutorials", () => {
  it("adds products to two tutorials at once", async () => {
    expect(
      await assignTutorials(prisma, graphql, shop, [a, b, a], {
        ...none,
        addProducts: [p2, p3, p1],
      }),
    ).toEqual({
      tutorials: 2,
      products: 3,
      stillReached: 0,
    });
    const [ta, tb] = await listTutorials(prisma, shop);
    expect(ta.products).toEqual([p1, p2, p3]);
    expect(tb.products).toEqual([p2, p3, p1]);
    expect(tb.collections.map((c) => c.id)).toEqual([String(drones.legacyId)]);
    expect(stored(p2.id)).toEqual({
      product: p2.title,
      items: [
        { kind: "video", locales: video.locales },
        { kind: "article", locales: article.locales },
      ],
    });
    await expectShopifyMatchesTable();
    // Adding products asks Shopify about no collection.
    expect(calls.filter((c) => c === "TutorialCollectionProducts")).toEqual([]);
    expect(
      calls.filter((c) => c === "PublishTutorials").length,
    ).toBeGreaterThan(0);

    // Adding what they already have changes nothing and writes nothing.
    calls.length = 0;
    expect(
      await assignTutorials(prisma, graphql, shop, [a, b], {
        ...none,
        addProducts: [p2],
      }),
    ).toEqual({
      tutorials: 0,
      products: 0,
      stillReached: 0,
    });
    expect(calls).toEqual([]);
  });

  it("adds a collection, looked up once for every selected tutorial", async () => {
    const result = await assignTutorials(prisma, graphql, shop, [a, b], {
      ...none,
      addCollections: [{ id: String(coffee.legacyId), title: "picker title" }],
    });
    expect(result).toEqual({
      tutorials: 2,
      products: coffee.productIds.length,
      stillReached: 0,
    });
    expect(
      calls.filter((c) => c === "TutorialCollectionProducts"),
    ).toHaveLength(1);
    for (const t of await listTutorials(prisma, shop))
      expect(t.collections.at(-1)).toMatchObject({
        id: String(coffee.legacyId),
        title: "コーヒー",
      });
    for (const p of coffee.productIds)
      expect((stored(p) as { items: unknown[] }).items).toHaveLength(2);
    await expectShopifyMatchesTable();
  });

  it("removes products and collections from every selected tutorial", async () => {
    await assignTutorials(prisma, graphql, shop, [a, b], {
      ...none,
      addProducts: [p2, p3],
    });
    const result = await assignTutorials(prisma, graphql, shop, [a, b], {
      ...none,
      removeProductIds: [p2.id],
      removeCollectionIds: [String(drones.legacyId)],
    });
    expect(result).toEqual({
      tutorials: 2,
      products: 1 + drones.productIds.length,
      stillReached: 0,
    });
    const [ta, tb] = await listTutorials(prisma, shop);
    expect(ta.products).toEqual([p1, p3]);
    expect(tb).toMatchObject({ products: [p3], collections: [] });
    expect(stored(p2.id)).toBeNull();
    for (const p of drones.productIds) expect(stored(p)).toBeNull();
    await expectShopifyMatchesTable();

    // A product the tutorial also reaches through a collection stays shown, and the result says so.
    const drone = {
      id: String(drones.productIds[0]),
      title: core.state.productById.get(drones.productIds[0])!.title,
    };
    await assignTutorials(prisma, graphql, shop, [b], {
      ...none,
      addProducts: [drone],
      addCollections: [{ id: String(drones.legacyId), title: "" }],
    });
    expect(
      await assignTutorials(prisma, graphql, shop, [b], {
        ...none,
        removeProductIds: [drone.id],
      }),
    ).toEqual({
      tutorials: 1,
      products: 0,
      stillReached: 1,
    });
    await expectShopifyMatchesTable();
  });

  it("refuses a removal that would leave a tutorial with nothing, writing nothing", async () => {
    const before = await prisma.tutorial.findMany({
      orderBy: { createdAt: "asc" },
    });
    await expect(
      assignTutorials(prisma, graphql, shop, [a, b], {
        ...none,
        removeProductIds: [p1.id],
      }),
    ).rejects.toEqual(new TutorialsWouldBeEmpty([a]));
    await expect(
      assignTutorials(prisma, graphql, shop, [a, b], {
        ...none,
        removeProductIds: [p1.id],
        removeCollectionIds: [String(drones.legacyId)],
      }),
    ).rejects.toEqual(new TutorialsWouldBeEmpty([a, b]));
    expect(calls).toEqual([]);
    expect(
      await prisma.tutorial.findMany({ orderBy: { createdAt: "asc" } }),
    ).toEqual(before);
    await expectShopifyMatchesTable();
  });

  it("refuses a collection the shop does not have, writing nothing", async () => {
    await expect(
      assignTutorials(prisma, graphql, shop, [a, b], {
        ...none,
        addCollections: [
          { id: String(coffee.legacyId), title: "" },
          { id: "424242", title: "forged" },
        ],
      }),
    ).rejects.toEqual(new CollectionsNotFound(["424242"]));
    expect(calls).not.toContain("PublishTutorials");
    expect(
      (await listTutorials(prisma, shop)).map((t) => t.collections.length),
    ).toEqual([0, 1]);
    for (const p of coffee.productIds) expect(stored(p)).toBeNull();
  });

  it("ignores another shop's tutorials, and answers null when none of the ids is this shop's", async () => {
    const other = await prisma.tutorial.create({
      data: {
        shop: "other.myshopify.com",
        kind: "video",
        locales: JSON.stringify(video.locales),
        products: JSON.stringify([p1]),
      },
    });
    expect(
      await assignTutorials(prisma, graphql, shop, [other.id, a], {
        ...none,
        addProducts: [p2],
      }),
    ).toEqual({
      tutorials: 1,
      products: 1,
      stillReached: 0,
    });
    expect(
      await assignTutorials(prisma, graphql, shop, [other.id, "nope"], {
        ...none,
        addProducts: [p3],
      }),
    ).toBeNull();
    expect(
      JSON.parse(
        (await prisma.tutorial.findUniqueOrThrow({ where: { id: other.id } }))
          .products,
      ),
    ).toEqual([p1]);
    expect(stored(p3.id)).toBeNull();
    await expectShopifyMatchesTable();
  });
});
