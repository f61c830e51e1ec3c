import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  CollectionsNotFound,
  deleteTutorial,
  listTutorials,
  refreshCollection,
  saveTutorial,
  TUTORIALS_COLLECTION_JOB,
} from "~/tutorials/tutorials.server";
import { tutorialLinks } from "~/tutorials/values";
import type { TutorialInput } from "~/tutorials/definition";
import { topicHandlers } from "~/webhooks/process.server";
import { action as collectionsUpdate } from "~/routes/webhooks.collections.update";
import { createDevStore } from "../../dev-store/src/store";
import type { WebhookEvent } from "../../dev-store/src/contract";
import { resetDatabase } from "../support/db";
import { devStoreAdmin, appProductMetafield } from "../support/dev-store-admin";
import { webhookRequest } from "../support/webhooks";

/**
 * Tutorials attached to collections, against the dev store through the real Admin schema: the
 * collection's products get the metafield, and follow the collection when it changes.
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
  bucketKey: "tut-col",
  calls,
});
const stored = (id: string | number) =>
  appProductMetafield<{ product: string; items: { kind: string }[] }>(
    core,
    id,
    "tutorials",
  );
const byHandle = (handle: string) =>
  core.state.collections.find((c) => c.handle === handle)!;
const drones = byHandle("drones");
const coffee = byHandle("coffee");
const kettle = core.state.products.find((p) => p.productType === "キッチン")!;
const setup: TutorialInput = {
  kind: "video",
  locales: {
    ja: { title: "初回フライトの準備", url: "https://video.example/drone-ja" },
    en: {
      title: "Before your first flight",
      url: "https://video.example/drone-en",
    },
  },
  products: [{ id: String(kettle.legacyId), title: kettle.title }],
  collections: [{ id: String(drones.legacyId), title: "picker title" }],
};
const events: WebhookEvent[] = [];
core.onWebhook((e) => events.push(e));

beforeEach(async () => {
  await resetDatabase(prisma);
  for (const p of core.state.products)
    p.metafields = p.metafields.filter((m) => m.key !== "tutorials");
  calls.length = 0;
});

describe("tutorials on collections", () => {
  it("publishes to every product of the collection and the chosen ones, and keeps what it reached", async () => {
    const id = (await saveTutorial(prisma, graphql, shop, null, setup))!;
    for (const p of drones.productIds)
      expect(stored(p)).toEqual({
        product: core.state.productById.get(p)!.title,
        items: [{ kind: "video", locales: setup.locales }],
      });
    expect(stored(kettle.legacyId)?.items).toHaveLength(1);
    expect(stored(coffee.productIds[0])).toBeNull();
    const [t] = await listTutorials(prisma, shop);
    expect(t.collections).toEqual([
      {
        id: String(drones.legacyId),
        title: "ドローン",
        products: drones.productIds.map((p) => ({
          id: String(p),
          title: core.state.productById.get(p)!.title,
        })),
      },
    ]);
    // Follow-up emails see the collection's products like chosen ones.
    expect(tutorialLinks([t], [String(drones.productIds[1])], "en")).toEqual([
      {
        title: "Before your first flight",
        url: "https://video.example/drone-en",
      },
    ]);

    // Swapping the collection: the drones lose it, the coffee products gain it.
    await saveTutorial(prisma, graphql, shop, id, {
      ...setup,
      collections: [{ id: String(coffee.legacyId), title: "コーヒー" }],
    });
    for (const p of drones.productIds) expect(stored(p)).toBeNull();
    for (const p of coffee.productIds) expect(stored(p)?.items).toHaveLength(1);

    expect(await deleteTutorial(prisma, graphql, shop, id)).toBe(true);
    for (const p of [...coffee.productIds, kettle.legacyId])
      expect(stored(p)).toBeNull();
  });

  it("refuses a collection the shop does not have, writing nothing", async () => {
    await expect(
      saveTutorial(prisma, graphql, shop, null, {
        ...setup,
        collections: [{ id: "424242", title: "forged" }, setup.collections[0]],
      }),
    ).rejects.toEqual(new CollectionsNotFound(["424242"]));
    expect(await prisma.tutorial.count()).toBe(0);
    expect(calls).not.toContain("PublishTutorials");
    expect(stored(kettle.legacyId)).toBeNull();
  });

  it("follows the collection's membership after collections/update and drops it after collections/delete", async () => {
    const summer = byHandle("summer");
    await saveTutorial(prisma, graphql, shop, null, {
      ...setup,
      products: [],
      collections: [{ id: String(summer.legacyId), title: "夏" }],
    });
    const [leaving, ...staying] = summer.productIds;
    const joining = core.state.products.find(
      (p) => p.productType === "アウトドア",
    )!;

    // The dev store sends the webhook; the route records it and the webhook job queues the refresh.
    events.length = 0;
    await core.updateCollection({
      id: `gid://shopify/Collection/${summer.legacyId}`,
      removeProductIds: [`gid://shopify/Product/${leaving}`],
      addProductIds: [`gid://shopify/Product/${joining.legacyId}`],
    });
    const [event] = events;
    expect(event.topic).toBe("collections/update");
    const queued = Date.now();
    const res = await collectionsUpdate({
      request: webhookRequest({
        topic: "collections/update",
        payload: event.payload,
        shop,
      }),
      params: {},
      context: {},
    });
    expect(res.status).toBe(200);
    await topicHandlers["collections/update"](prisma, shop, event.payload);
    await topicHandlers["collections/update"](prisma, shop, event.payload); // a redelivery queues nothing more
    const jobs = await prisma.job.findMany({
      where: { type: TUTORIALS_COLLECTION_JOB },
    });
    expect(jobs).toHaveLength(1);
    expect(JSON.parse(jobs[0].payload)).toEqual({
      collectionId: String(summer.legacyId),
      deleted: false,
    });
    // Debounced to the end of the two-second slot it was queued in: after the queuing, which the
    // check may already be past (comparing with the time of the check failed on a slow run).
    const runAt = jobs[0].runAt.getTime();
    expect(runAt % 2_000).toBe(0);
    expect(runAt).toBeGreaterThan(queued);
    expect(runAt).toBeLessThanOrEqual(Date.now() + 2_000);

    // What that job runs, with the shop's Admin API client.
    expect(
      await refreshCollection(
        prisma,
        graphql,
        shop,
        String(summer.legacyId),
        false,
      ),
    ).toBe(1);
    expect(stored(leaving)).toBeNull();
    expect(stored(joining.legacyId)?.product).toBe(joining.title);
    for (const p of staying) expect(stored(p)?.items).toHaveLength(1);
    expect(
      await refreshCollection(
        prisma,
        graphql,
        shop,
        String(summer.legacyId),
        false,
      ),
    ).toBe(1); // idempotent
    expect(stored(joining.legacyId)?.items).toHaveLength(1);

    await core.deleteCollection(`gid://shopify/Collection/${summer.legacyId}`);
    await refreshCollection(
      prisma,
      graphql,
      shop,
      String(summer.legacyId),
      true,
    );
    for (const p of [...staying, joining.legacyId])
      expect(stored(p)).toBeNull();
    expect((await listTutorials(prisma, shop))[0].collections).toEqual([]);
    // A collection no tutorial uses costs no Admin API call.
    calls.length = 0;
    expect(
      await refreshCollection(
        prisma,
        graphql,
        shop,
        String(coffee.legacyId),
        false,
      ),
    ).toBe(0);
    expect(calls).toEqual([]);
  });
});
