import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { enqueueJob } from "../jobs/queue.server";
import type { TutorialInput } from "./definition";
import { collectionProducts, resolveCollections } from "./collections.server";
import {
  metafieldValues,
  touchedProducts,
  type ResolvedCollection,
  type TutorialReach,
} from "./values";
import {
  applyAssignment,
  assignmentChanged,
  changedProductCount,
  stillReached,
  type Assignment,
} from "./assign";
import { MAX_COLLECTIONS, MAX_PRODUCTS } from "./definition";
import type { GraphQL } from "../admin-graphql";

export { metafieldValues, tutorialLinks } from "./values";

/**
 * Tutorials live in the app's table (the merchant's list) and, for the extensions, as one
 * app-owned metafield per product ($app:tsunagu.tutorials, JSON) holding every tutorial of that
 * product. A tutorial reaches its chosen products and the products of its collections. Each save
 * recomputes the metafields of the products it touched (before and after), so Shopify always
 * holds exactly what the table says; only when Shopify accepted them is the table changed.
 */
export const NAMESPACE = "$app:tsunagu";
export const KEY = "tutorials";
export const TUTORIALS_COLLECTION_JOB = "tutorials.collection";
export const TUTORIALS_PUBLISH_JOB = "tutorials.publish";

export interface StoredTutorial extends Omit<TutorialInput, "collections"> {
  id: string;
  collections: ResolvedCollection[];
  updatedAt: string;
}

const SET = `#graphql
  mutation PublishTutorials($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      userErrors { field message }
    }
  }
`;

const DELETE = `#graphql
  mutation UnpublishTutorials($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      userErrors { field message }
    }
  }
`;

const setResult = z.object({
  data: z.object({
    metafieldsSet: z.object({
      userErrors: z.array(z.object({ message: z.string() })),
    }),
  }),
});
const deleteResult = z.object({
  data: z.object({
    metafieldsDelete: z.object({
      userErrors: z.array(z.object({ message: z.string() })),
    }),
  }),
});
const storedCollections = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    products: z
      .array(z.object({ id: z.string(), title: z.string() }))
      .default([]),
  }),
);

function fromRow(r: {
  id: string;
  kind: string;
  locales: string;
  products: string;
  collections: string;
  updatedAt: Date;
}): StoredTutorial {
  return {
    id: r.id,
    kind: r.kind as TutorialInput["kind"],
    locales: JSON.parse(r.locales) as TutorialInput["locales"],
    products: JSON.parse(r.products) as TutorialInput["products"],
    collections: storedCollections.parse(JSON.parse(r.collections || "[]")),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listTutorials(
  db: PrismaClient,
  shop: string,
): Promise<StoredTutorial[]> {
  const rows = await db.tutorial.findMany({
    where: { shop },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(fromRow);
}

export async function getTutorial(
  db: PrismaClient,
  shop: string,
  id: string,
): Promise<StoredTutorial | null> {
  const row = await db.tutorial.findFirst({ where: { shop, id } });
  return row ? fromRow(row) : null;
}

/** Writes (or removes) the metafield of each product in `productIds` to match `tutorials`. */
async function publish(
  graphql: GraphQL,
  tutorials: TutorialReach[],
  productIds: Set<string>,
): Promise<void> {
  const values = metafieldValues(tutorials);
  const set = [...productIds]
    .filter((id) => values.has(id))
    .map((id) => ({
      ownerId: `gid://shopify/Product/${id}`,
      namespace: NAMESPACE,
      key: KEY,
      type: "json",
      value: JSON.stringify(values.get(id)),
    }));
  const remove = [...productIds]
    .filter((id) => !values.has(id))
    .map((id) => ({
      ownerId: `gid://shopify/Product/${id}`,
      namespace: NAMESPACE,
      key: KEY,
    }));
  // metafieldsSet takes at most 25 metafields per call.
  for (let i = 0; i < set.length; i += 25) {
    const r = setResult.parse(
      await (
        await graphql(SET, { variables: { metafields: set.slice(i, i + 25) } })
      ).json(),
    );
    if (r.data.metafieldsSet.userErrors.length)
      throw new PublishError(
        r.data.metafieldsSet.userErrors.map((e) => e.message).join("; "),
      );
  }
  for (let i = 0; i < remove.length; i += 25) {
    const r = deleteResult.parse(
      await (
        await graphql(DELETE, {
          variables: { metafields: remove.slice(i, i + 25) },
        })
      ).json(),
    );
    if (r.data.metafieldsDelete.userErrors.length)
      throw new PublishError(
        r.data.metafieldsDelete.userErrors.map((e) => e.message).join("; "),
      );
  }
}

const PUBLISHED = `#graphql
  query TutorialsPublished($id: ID!) {
    product(id: $id) {
      metafield(namespace: "$app:tsunagu", key: "tutorials") { id }
    }
  }
`;
const publishedResult = z.object({
  data: z.object({
    product: z
      .object({ metafield: z.object({ id: z.string() }).nullable() })
      .nullable(),
  }),
});

/**
 * A store that lost the app's product metafields (a development store started afresh; a store
 * where they were removed) shows no tutorial until the merchant next saved one. Run after each
 * token exchange (`afterAuth`): reads the metafield of one product a tutorial reaches and, when
 * the product is there without it, queues a publish of every tutorial. A product that is gone,
 * or a read that fails, queues nothing: the tutorials reach the store at the merchant's next
 * save, as before.
 */
export async function republishTutorialsAfterInstall(
  db: PrismaClient,
  shop: string,
  graphql: GraphQL,
  now = Date.now(),
): Promise<boolean> {
  const [first] = metafieldValues(await listTutorials(db, shop)).keys();
  if (!first) return false;
  try {
    const read = publishedResult.parse(
      await (
        await graphql(PUBLISHED, {
          variables: { id: `gid://shopify/Product/${first}` },
        })
      ).json(),
    );
    if (!read.data.product || read.data.product.metafield) return false;
  } catch {
    return false;
  }
  // Sign-ins in the same minute share one publish.
  await enqueueJob(db, {
    shop,
    type: TUTORIALS_PUBLISH_JOB,
    key: `${TUTORIALS_PUBLISH_JOB}:${shop}:${Math.floor(now / 60_000)}`,
    payload: {},
    maxAttempts: 5,
  });
  return true;
}

/** Writes every product's metafield as the table says (`republishTutorialsAfterInstall`). */
export async function publishAllTutorials(
  db: PrismaClient,
  shop: string,
  graphql: GraphQL,
): Promise<void> {
  const all = await listTutorials(db, shop);
  await publish(graphql, all, new Set(metafieldValues(all).keys()));
}

export class PublishError extends Error {}
/** Collections picked in the form that the shop does not have (deleted meanwhile, or forged). */
export class CollectionsNotFound extends Error {
  constructor(readonly ids: string[]) {
    super(`unknown collections: ${ids.join(", ")}`);
  }
}

/** A bulk change that would leave these tutorials with no product and no collection; nothing written. */
export class TutorialsWouldBeEmpty extends Error {
  constructor(readonly ids: string[]) {
    super(
      `tutorials would have no product or collection left: ${ids.join(", ")}`,
    );
  }
}
/** A bulk change that would give these tutorials more products or collections than one may have. */
export class TutorialsTooFull extends Error {
  constructor(readonly ids: string[]) {
    super(
      `tutorials would have more than ${MAX_PRODUCTS} products or ${MAX_COLLECTIONS} collections: ${ids.join(", ")}`,
    );
  }
}

const data = (
  t: Pick<StoredTutorial, "kind" | "locales" | "products" | "collections">,
) => ({
  kind: t.kind,
  locales: JSON.stringify(t.locales),
  products: JSON.stringify(t.products),
  collections: JSON.stringify(t.collections),
});

/**
 * Creates (id null) or updates a tutorial; returns its id, or null when `id` is not this shop's.
 * The collections are looked up first: an unknown one throws CollectionsNotFound, nothing written.
 */
export async function saveTutorial(
  db: PrismaClient,
  graphql: GraphQL,
  shop: string,
  id: string | null,
  input: TutorialInput,
): Promise<string | null> {
  const all = await listTutorials(db, shop);
  const old = id ? all.find((t) => t.id === id) : undefined;
  if (id && !old) return null;
  const { resolved, missing } = await resolveCollections(
    graphql,
    input.collections,
  );
  if (missing.length) throw new CollectionsNotFound(missing);
  const saved = { ...input, collections: resolved };
  const next = old
    ? all.map((t) => (t.id === id ? { ...t, ...saved } : t))
    : [...all, { ...saved, id: "new", updatedAt: "" }];
  await publish(graphql, next, touchedProducts(old ? [old] : [], [saved]));
  if (old) {
    await db.tutorial.update({ where: { id: old.id }, data: data(saved) });
    return old.id;
  }
  return (
    await db.tutorial.create({
      data: { shop, ...data(saved) },
      select: { id: true },
    })
  ).id;
}

export async function deleteTutorial(
  db: PrismaClient,
  graphql: GraphQL,
  shop: string,
  id: string,
): Promise<boolean> {
  const all = await listTutorials(db, shop);
  const old = all.find((t) => t.id === id);
  if (!old) return false;
  await publish(
    graphql,
    all.filter((t) => t.id !== id),
    touchedProducts([old], []),
  );
  await db.tutorial.delete({ where: { id } });
  return true;
}

export interface AssignResult {
  /** Tutorials whose products or collections changed. */
  tutorials: number;
  /** Products whose metafield value changed (gained, lost or changed a tutorial). */
  products: number;
  /** Products picked for removal that a selected tutorial still shows through a collection. */
  stillReached: number;
}

/**
 * One bulk action from the list on several tutorials: adds products, adds collections (looked up
 * in Shopify once for all of them) and removes products or collections. Ids that are not this
 * shop's are ignored; null when none is. Every product whose metafield may change is published
 * once, then the rows change in one transaction. Refused with nothing written when a collection
 * is unknown (CollectionsNotFound) or too large (CollectionTooLarge), or when a tutorial would be
 * left empty (TutorialsWouldBeEmpty) or over its limits (TutorialsTooFull).
 */
export async function assignTutorials(
  db: PrismaClient,
  graphql: GraphQL,
  shop: string,
  tutorialIds: string[],
  change: Assignment,
): Promise<AssignResult | null> {
  const all = await listTutorials(db, shop);
  const wanted = new Set(tutorialIds);
  const selected = all.filter((t) => wanted.has(t.id));
  if (!selected.length) return null;
  const { resolved, missing } = await resolveCollections(
    graphql,
    change.addCollections,
  );
  if (missing.length) throw new CollectionsNotFound(missing);
  const after = selected.map((t) => applyAssignment(t, change, resolved));
  const empty = after.filter(
    (t) => !t.products.length && !t.collections.length,
  );
  if (empty.length) throw new TutorialsWouldBeEmpty(empty.map((t) => t.id));
  const full = after.filter(
    (t) =>
      t.products.length > MAX_PRODUCTS ||
      t.collections.length > MAX_COLLECTIONS,
  );
  if (full.length) throw new TutorialsTooFull(full.map((t) => t.id));
  const result = {
    tutorials: 0,
    products: 0,
    stillReached: stillReached(after, change.removeProductIds).length,
  };
  const changed = after.filter((t, i) => assignmentChanged(selected[i], t));
  if (!changed.length) return result;
  const byId = new Map(changed.map((t) => [t.id, t]));
  const next = all.map((t) => byId.get(t.id) ?? t);
  const touched = touchedProducts(
    selected.filter((t) => byId.has(t.id)),
    changed,
  );
  result.tutorials = changed.length;
  result.products = changedProductCount(all, next, touched);
  await publish(graphql, next, touched);
  await db.$transaction(
    changed.map((t) =>
      db.tutorial.updateMany({
        where: { shop, id: t.id },
        data: {
          products: JSON.stringify(t.products),
          collections: JSON.stringify(t.collections),
        },
      }),
    ),
  );
  return result;
}

/**
 * A collection changed or was deleted in Shopify: its products are looked up again and every
 * tutorial using it is republished to match (a deleted collection leaves the tutorials that used
 * it). Safe to repeat: it always writes the state of the moment it runs.
 */
export async function refreshCollection(
  db: PrismaClient,
  graphql: GraphQL,
  shop: string,
  collectionId: string,
  deleted: boolean,
): Promise<number> {
  const all = await listTutorials(db, shop);
  const using = all.filter((t) =>
    t.collections.some((c) => c.id === collectionId),
  );
  if (!using.length) return 0;
  const current = deleted
    ? null
    : await collectionProducts(graphql, collectionId);
  const updated = using.map((t) => ({
    ...t,
    collections: current
      ? t.collections.map((c) => (c.id === collectionId ? current : c))
      : t.collections.filter((c) => c.id !== collectionId),
  }));
  const byId = new Map(updated.map((t) => [t.id, t]));
  await publish(
    graphql,
    all.map((t) => byId.get(t.id) ?? t),
    touchedProducts(using, updated),
  );
  await db.$transaction(
    updated.map((t) =>
      db.tutorial.updateMany({
        where: { shop, id: t.id },
        data: { collections: JSON.stringify(t.collections) },
      }),
    ),
  );
  return updated.length;
}

/** A cheap first look (may say yes for a product with the same id; `refreshCollection` then finds nothing). */
export async function tutorialsMayUseCollection(
  db: PrismaClient,
  shop: string,
  collectionId: string,
): Promise<boolean> {
  return (
    (await db.tutorial.count({
      where: { shop, collections: { contains: `"id":"${collectionId}"` } },
    })) > 0
  );
}

/**
 * Queues `refreshCollection` for a collections/update or /delete webhook. Changes in the same two
 * seconds share one job that runs when those two seconds are over, so it sees all of them.
 */
export async function requestCollectionRefresh(
  db: PrismaClient,
  shop: string,
  collectionId: string,
  deleted: boolean,
  now = Date.now(),
): Promise<void> {
  const slot = Math.floor(now / 2_000);
  await enqueueJob(db, {
    shop,
    type: TUTORIALS_COLLECTION_JOB,
    key: `${TUTORIALS_COLLECTION_JOB}:${shop}:${collectionId}:${deleted ? "delete" : "update"}:${slot}`,
    payload: { collectionId, deleted },
    runAt: new Date((slot + 1) * 2_000),
    maxAttempts: 6,
  });
}
