import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  deleteTutorial,
  listTutorials,
  PublishError,
  saveTutorial,
} from "~/tutorials/tutorials.server";
import type { TutorialInput } from "~/tutorials/definition";
import { createDevStore } from "../../dev-store/src/store";
import { resetDatabase } from "../support/db";
import { appProductMetafield, devStoreAdmin } from "../support/dev-store-admin";

/** Tutorials published as app-owned product metafields in the dev store, through the real schema. */
const core = createDevStore({
  baseUrl: "http://dev-store.test",
  counts: { customers: 5, orders: 5 },
});
const shop = core.shop;
const graphql = devStoreAdmin(core, {
  scopes: ["read_products", "write_products"],
  bucketKey: "tut",
});
const [p1, p2, p3] = core.state.products
  .slice(0, 3)
  .map((p) => ({ id: String(p.legacyId), title: p.title }));
const stored = (id: string) =>
  appProductMetafield<{
    product: string;
    items: {
      kind: string;
      locales: Record<string, { title: string; url: string }>;
    }[];
  }>(core, id, "tutorials");
const video: TutorialInput = {
  kind: "video",
  locales: {
    ja: { title: "組み立て動画", url: "https://video.example/ja" },
    en: { title: "Assembly video", url: "https://video.example/en" },
  },
  products: [p1, p2],
  collections: [],
};
const article: TutorialInput = {
  kind: "article",
  locales: { ja: { title: "お手入れ", url: "https://blog.example/care" } },
  products: [p2],
  collections: [],
};

beforeEach(async () => {
  await resetDatabase(prisma);
  for (const p of core.state.products)
    p.metafields = p.metafields.filter((m) => m.key !== "tutorials");
});

describe("tutorials on products", () => {
  it("publishes each product's tutorials as one metafield, and follows edits and deletes", async () => {
    const a = (await saveTutorial(prisma, graphql, shop, null, video))!;
    await saveTutorial(prisma, graphql, shop, null, article);
    expect(stored(p1.id)).toEqual({
      product: p1.title,
      items: [{ kind: "video", locales: video.locales }],
    });
    expect(stored(p2.id)?.items.map((i) => i.kind)).toEqual([
      "video",
      "article",
    ]);
    expect(stored(p3.id)).toBeNull();

    // Moved from p1 to p3: p1 loses it, p3 gains it, p2 keeps both.
    await saveTutorial(prisma, graphql, shop, a, {
      ...video,
      products: [p2, p3],
    });
    expect(stored(p1.id)).toBeNull();
    expect(stored(p3.id)?.items).toHaveLength(1);
    expect(stored(p2.id)?.items).toHaveLength(2);

    expect(await deleteTutorial(prisma, graphql, shop, a)).toBe(true);
    expect(stored(p3.id)).toBeNull();
    expect(stored(p2.id)?.items.map((i) => i.kind)).toEqual(["article"]);
    expect((await listTutorials(prisma, shop)).map((t) => t.kind)).toEqual([
      "article",
    ]);
  });

  it("saves nothing when Shopify refuses the metafields, and never touches another shop's tutorial", async () => {
    await expect(
      saveTutorial(prisma, graphql, shop, null, {
        ...video,
        products: [{ id: "999999999", title: "消えた商品" }],
      }),
    ).rejects.toBeInstanceOf(PublishError);
    expect(await prisma.tutorial.count()).toBe(0);
    const other = await prisma.tutorial.create({
      data: {
        shop: "other.myshopify.com",
        kind: "video",
        locales: JSON.stringify(video.locales),
        products: JSON.stringify([p1]),
      },
    });
    expect(
      await saveTutorial(prisma, graphql, shop, other.id, video),
    ).toBeNull();
    expect(await deleteTutorial(prisma, graphql, shop, other.id)).toBe(false);
    expect(await prisma.tutorial.count()).toBe(1);
  });
});
