import { describe, expect, it } from "vitest";
import { createDevStore } from "./store";
import type { WebhookEvent } from "./contract";

/** Collections in the dev store: seeded from the catalog, read through the Admin API, changed by story events. */
const NOW = new Date("2026-11-01T00:00:00Z");
const store = () =>
  createDevStore({
    baseUrl: "http://127.0.0.1:4400",
    now: NOW,
    counts: { customers: 5, orders: 5 },
    throttle: { maximumAvailable: 1e6, restoreRate: 1e6 },
  });

async function gql(
  s: ReturnType<typeof store>,
  query: string,
  variables?: Record<string, unknown>,
  scopes = ["read_products"],
) {
  const res = await s.execute({
    version: "2026-07",
    query,
    variables,
    scopes,
    bucketKey: "test",
  });
  return res.body as {
    data?: Record<string, any>;
    errors?: any[];
    extensions?: any;
  };
}

const PAGE = `#graphql
  query CollectionPage($id: ID!, $after: String) {
    collection(id: $id) {
      id title handle productsCount { count }
      products(first: 3, after: $after) { pageInfo { hasNextPage endCursor } nodes { id title } }
    }
  }
`;

describe("seeded collections", () => {
  it("group the catalog by product line and theme, deterministically", () => {
    const a = store();
    expect(a.state.collections.map((c) => c.title)).toEqual([
      "サンダル",
      "スキンケア",
      "ドローン",
      "アウトドア",
      "キッチン",
      "コーヒー",
      "夏のおすすめ",
      "日本製",
    ]);
    const drones = a.state.collections.find((c) => c.handle === "drones")!;
    expect(drones.productIds.length).toBeGreaterThan(3);
    expect(
      drones.productIds.every(
        (id) => a.state.productById.get(id)!.productType === "ドローン",
      ),
    ).toBe(true);
    expect(JSON.stringify(store().state.collections)).toBe(
      JSON.stringify(a.state.collections),
    );
  });
});

describe("collections in Admin GraphQL", () => {
  it("lists and searches collections, pages through a collection's products in its order", async () => {
    const s = store();
    const list = await gql(
      s,
      `query { collections(first: 3) { pageInfo { hasNextPage } nodes { id title } } }`,
    );
    expect(
      list.data!.collections.nodes.map((c: { title: string }) => c.title),
    ).toEqual(["サンダル", "スキンケア", "ドローン"]);
    expect(list.data!.collections.pageInfo.hasNextPage).toBe(true);
    const found = await gql(
      s,
      `query { collections(first: 5, query: "title:ドローン") { nodes { handle } } }`,
    );
    expect(found.data!.collections.nodes).toEqual([{ handle: "drones" }]);

    const drones = s.state.collections.find((c) => c.handle === "drones")!;
    const id = `gid://shopify/Collection/${drones.legacyId}`;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const body = await gql(s, PAGE, { id, after });
      expect(body.errors).toBeUndefined();
      expect(body.data!.collection).toMatchObject({
        id,
        title: "ドローン",
        handle: "drones",
        productsCount: { count: drones.productIds.length },
      });
      const page = body.data!.collection.products;
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(
      drones.productIds.map((p) => `gid://shopify/Product/${p}`),
    );
    // Shopify's cost model: 1 for the collection, 2 + 3 for the page of products.
    expect(
      (await gql(s, PAGE, { id })).extensions.cost.requestedQueryCost,
    ).toBe(7);
  });

  it("answers null for an unknown collection, and needs read_products", async () => {
    const s = store();
    expect(
      (await gql(s, PAGE, { id: "gid://shopify/Collection/1" })).data,
    ).toEqual({ collection: null });
    const denied = await gql(s, PAGE, { id: "gid://shopify/Collection/1" }, [
      "read_orders",
    ]);
    expect(denied.errors?.[0]).toMatchObject({
      extensions: { code: "ACCESS_DENIED" },
    });
  });

  it("shows a product's collections", async () => {
    const s = store();
    const product = s.state.products.find((p) => p.tags.includes("夏"))!;
    const body = await gql(
      s,
      `query P($id: ID!) { product(id: $id) { collections(first: 10) { nodes { handle } } } }`,
      { id: `gid://shopify/Product/${product.legacyId}` },
    );
    expect(
      body.data!.product.collections.nodes.map(
        (c: { handle: string }) => c.handle,
      ),
    ).toEqual(["sandals", "summer"]);
  });
});

describe("collection story events", () => {
  it("change membership and send one collections/update, or collections/delete", async () => {
    const s = store();
    const events: WebhookEvent[] = [];
    s.onWebhook((e) => events.push(e));
    const drones = s.state.collections.find((c) => c.handle === "drones")!;
    const [first, second] = drones.productIds;
    const kettle = s.state.products.find((p) => p.productType === "キッチン")!;
    const id = `gid://shopify/Collection/${drones.legacyId}`;
    const result = await s.updateCollection({
      id,
      removeProductIds: [`gid://shopify/Product/${first}`],
      addProductIds: [
        `gid://shopify/Product/${kettle.legacyId}`,
        `gid://shopify/Product/${second}`,
      ],
    });
    expect(result).toEqual({
      collectionId: id,
      productsCount: drones.productIds.length,
    });
    expect(drones.productIds[0]).toBe(second);
    expect(drones.productIds.at(-1)).toBe(kettle.legacyId);
    expect(events.map((e) => e.topic)).toEqual(["collections/update"]);
    expect(events[0].payload).toEqual({
      id: drones.legacyId,
      handle: "drones",
      title: "ドローン",
      updated_at: drones.updatedAt,
      body_html: drones.descriptionHtml,
      published_at: drones.createdAt,
      sort_order: "manual",
      template_suffix: null,
      published_scope: "web",
      admin_graphql_api_id: id,
    });
    const inKitchen = await gql(
      s,
      `query P($id: ID!, $c: ID!) { product(id: $id) { inCollection(id: $c) } }`,
      { id: `gid://shopify/Product/${kettle.legacyId}`, c: id },
    );
    expect(inKitchen.data!.product.inCollection).toBe(true);

    await expect(
      s.updateCollection({ id, addProductIds: ["gid://shopify/Product/1"] }),
    ).rejects.toThrow(/no product/);
    await expect(
      s.updateCollection({ id: "gid://shopify/Collection/1" }),
    ).rejects.toThrow(/no collection/);
    expect(events).toHaveLength(1);

    await s.deleteCollection(id);
    expect(events[1]).toMatchObject({
      topic: "collections/delete",
      payload: {
        id: drones.legacyId,
        published_scope: "web",
        admin_graphql_api_id: id,
      },
    });
    expect((await gql(s, PAGE, { id })).data).toEqual({ collection: null });
    expect(s.listCollections().map((c) => c.title)).not.toContain("ドローン");
  });
});
