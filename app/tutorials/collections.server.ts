import { z } from "zod";
import type { ResolvedCollection } from "./values";
import type { GraphQL } from "../admin-graphql";

/**
 * A collection's products, read from the Admin API page by page. Tutorials keep what this found
 * with each collection, so that the next save, a delete or a collections/update webhook knows
 * which products the collection reached before (and must lose their metafield if it no longer
 * does) without asking Shopify about every other tutorial's collections again.
 */
export const MAX_COLLECTION_PRODUCTS = 2_500;

const PRODUCTS = `#graphql
  query TutorialCollectionProducts($id: ID!, $after: String) {
    collection(id: $id) {
      id
      title
      products(first: 250, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id title }
      }
    }
  }
`;

const page = z.object({
  data: z.object({
    collection: z
      .object({
        title: z.string(),
        products: z.object({
          pageInfo: z.object({
            hasNextPage: z.boolean(),
            endCursor: z.string().nullable(),
          }),
          nodes: z.array(z.object({ id: z.string(), title: z.string() })),
        }),
      })
      .nullable(),
  }),
});

/** Shopify answered with errors or in an unexpected shape; nothing was written. */
export class CollectionLookupError extends Error {}
/** More products than a tutorial may reach through one collection. */
export class CollectionTooLarge extends Error {
  constructor(readonly collectionId: string) {
    super(
      `collection ${collectionId} has more than ${MAX_COLLECTION_PRODUCTS} products`,
    );
  }
}

const numeric = (gid: string) => gid.split("/").pop() ?? gid;
const THROTTLE_RETRIES = 5;

/**
 * One collection's title and products (numeric ids), or null when the shop has no such
 * collection. A THROTTLED answer (returned by test doubles, thrown by the Shopify client) is
 * retried after the bucket has refilled enough.
 */
export async function collectionProducts(
  graphql: GraphQL,
  id: string,
  sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Promise<ResolvedCollection | null> {
  const products: ResolvedCollection["products"] = [];
  let title = "";
  let after: string | null = null;
  for (let attempt = 0; ;) {
    let body: unknown;
    try {
      body = await (
        await graphql(PRODUCTS, {
          variables: { id: `gid://shopify/Collection/${id}`, after },
        })
      ).json();
    } catch (error) {
      body = (error as { body?: unknown }).body ?? null;
      if (!throttleWait(body)) throw error;
    }
    const wait = throttleWait(body);
    if (wait !== null) {
      if (++attempt > THROTTLE_RETRIES)
        throw new CollectionLookupError(
          "Shopify kept throttling the collection lookup",
        );
      await sleep(wait);
      continue;
    }
    const parsed = page.safeParse(body);
    if (!parsed.success)
      throw new CollectionLookupError(
        `unexpected answer for collection ${id}: ${JSON.stringify((body as { errors?: unknown })?.errors ?? body).slice(0, 200)}`,
      );
    const collection = parsed.data.data.collection;
    if (!collection) return null;
    title = collection.title;
    products.push(
      ...collection.products.nodes.map((p) => ({
        id: numeric(p.id),
        title: p.title,
      })),
    );
    if (products.length > MAX_COLLECTION_PRODUCTS)
      throw new CollectionTooLarge(id);
    if (!collection.products.pageInfo.hasNextPage) break;
    after = collection.products.pageInfo.endCursor;
  }
  return { id, title, products };
}

/** Milliseconds to wait when `body` says THROTTLED, else null. */
export function throttleWait(body: unknown): number | null {
  const b = body as {
    errors?: unknown;
    extensions?: {
      cost?: {
        requestedQueryCost?: number;
        throttleStatus?: { currentlyAvailable?: number; restoreRate?: number };
      };
    };
  } | null;
  const errors = Array.isArray(b?.errors)
    ? (b.errors as { extensions?: { code?: string } }[])
    : [];
  if (!errors.some((e) => e.extensions?.code === "THROTTLED")) return null;
  const cost = b?.extensions?.cost;
  const missing =
    (cost?.requestedQueryCost ?? 0) -
    (cost?.throttleStatus?.currentlyAvailable ?? 0);
  const rate = cost?.throttleStatus?.restoreRate || 50;
  return Math.min(10_000, Math.max(500, Math.ceil((missing / rate) * 1000)));
}

/** Every picked collection resolved, or the ids Shopify does not know. */
export async function resolveCollections(
  graphql: GraphQL,
  picked: { id: string }[],
): Promise<{ resolved: ResolvedCollection[]; missing: string[] }> {
  const resolved: ResolvedCollection[] = [];
  const missing: string[] = [];
  for (const c of picked) {
    const found = await collectionProducts(graphql, c.id);
    if (found) resolved.push(found);
    else missing.push(c.id);
  }
  return { resolved, missing };
}
