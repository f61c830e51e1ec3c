import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  conditionsSchema,
  ensurePresets,
  getFlow,
  refreshFlowCollection,
  resolveConditionCollections,
  saveFlow,
} from "~/followups/flows.server";
import { conditionsMet } from "~/followups/engine.server";
import { createDevStore } from "../../dev-store/src/store";
import { resetDatabase } from "../support/db";
import { devStoreAdmin } from "../support/dev-store-admin";

/**
 * A follow-up flow conditioned on a collection, against the dev store through the real Admin
 * schema: the collection's products are read when the flow is saved, an order with one of them
 * matches, and the condition follows the collection when it changes or goes away.
 */
const core = createDevStore({
  baseUrl: "http://dev-store.test",
  counts: { customers: 3, orders: 3 },
  throttle: { maximumAvailable: 1e6, restoreRate: 1e6 },
});
const shop = core.shop;
const graphql = devStoreAdmin(core, {
  scopes: ["read_products"],
  bucketKey: "flow-col",
});
const drones = core.state.collections.find((c) => c.handle === "drones")!;
const other = core.state.products.find(
  (p) => !drones.productIds.includes(p.legacyId),
)!;

beforeEach(async () => {
  await resetDatabase(prisma);
  await ensurePresets(prisma, shop);
});

describe("follow-up conditions on collections", () => {
  it("reads the collection's products on save, matches orders with one of them, and follows the collection", async () => {
    const picked = conditionsSchema.parse({
      collections: [
        { id: String(drones.legacyId), title: "picker title", productIds: [] },
      ],
    });
    const { conditions, missing } = await resolveConditionCollections(
      graphql,
      picked,
    );
    expect(missing).toEqual([]);
    expect(conditions.collections).toEqual([
      {
        id: String(drones.legacyId),
        title: "ドローン",
        productIds: drones.productIds.map(String),
      },
    ]);
    const flow = (
      await prisma.flow.findFirstOrThrow({
        where: { shop, preset: "tutorial" },
      })
    ).id;
    const stored = (await getFlow(prisma, shop, flow))!;
    await saveFlow(prisma, shop, flow, { ...stored, conditions });
    const order = (productIds: string[]) => ({
      total: 1000,
      locale: "ja",
      productIds,
      orders: 1,
    });
    const saved = (await getFlow(prisma, shop, flow))!;
    expect(conditionsMet(saved, order([String(drones.productIds[0])]))).toBe(
      true,
    );
    expect(conditionsMet(saved, order([String(other.legacyId)]))).toBe(false);

    // The merchant moves a product into the collection in Shopify; the webhook's job refreshes.
    await core.updateCollection({
      id: `gid://shopify/Collection/${drones.legacyId}`,
      addProductIds: [`gid://shopify/Product/${other.legacyId}`],
    });
    expect(
      await refreshFlowCollection(
        prisma,
        graphql,
        shop,
        String(drones.legacyId),
        false,
      ),
    ).toBe(1);
    expect(
      conditionsMet(
        (await getFlow(prisma, shop, flow))!,
        order([String(other.legacyId)]),
      ),
    ).toBe(true);
    // Twice gives the same state.
    await refreshFlowCollection(
      prisma,
      graphql,
      shop,
      String(drones.legacyId),
      false,
    );
    expect(
      (await getFlow(prisma, shop, flow))!.conditions.collections[0].productIds,
    ).toContain(String(other.legacyId));

    // Deleted in Shopify: dropped from the condition (the flow then applies to every product).
    expect(
      await refreshFlowCollection(
        prisma,
        graphql,
        shop,
        String(drones.legacyId),
        true,
      ),
    ).toBe(1);
    expect((await getFlow(prisma, shop, flow))!.conditions.collections).toEqual(
      [],
    );
  });

  it("reports a collection the store does not have", async () => {
    const { missing } = await resolveConditionCollections(
      graphql,
      conditionsSchema.parse({
        collections: [{ id: "999999999", title: "x", productIds: [] }],
      }),
    );
    expect(missing).toEqual(["999999999"]);
  });
});
