import { describe, expect, it } from "vitest";
import {
  collectionProducts,
  CollectionLookupError,
  CollectionTooLarge,
  MAX_COLLECTION_PRODUCTS,
  throttleWait,
} from "./collections.server";

/** The collection lookup against scripted Admin API answers (no store): paging, throttling, bad answers. */
type Answer = unknown;
function scripted(answers: Answer[]) {
  const seen: Record<string, unknown>[] = [];
  const graphql = async (
    _query: string,
    options?: { variables?: Record<string, unknown> },
  ) => {
    seen.push(options?.variables ?? {});
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return new Response(JSON.stringify(next));
  };
  return { graphql, seen };
}
const page = (ids: number[], next: string | null) => ({
  data: {
    collection: {
      title: "ドローン",
      products: {
        pageInfo: { hasNextPage: next !== null, endCursor: next },
        nodes: ids.map((i) => ({
          id: `gid://shopify/Product/${i}`,
          title: `P${i}`,
        })),
      },
    },
  },
});
const throttled = {
  errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
  extensions: {
    cost: {
      requestedQueryCost: 253,
      throttleStatus: { currentlyAvailable: 53, restoreRate: 100 },
    },
  },
};
const noSleep = async () => undefined;

describe("collection lookup", () => {
  it("pages through the products with variables and answers numeric ids", async () => {
    const { graphql, seen } = scripted([page([1, 2], "c1"), page([3], null)]);
    expect(await collectionProducts(graphql, "7", noSleep)).toEqual({
      id: "7",
      title: "ドローン",
      products: [
        { id: "1", title: "P1" },
        { id: "2", title: "P2" },
        { id: "3", title: "P3" },
      ],
    });
    expect(seen).toEqual([
      { id: "gid://shopify/Collection/7", after: null },
      { id: "gid://shopify/Collection/7", after: "c1" },
    ]);
  });

  it("answers null for a collection the shop does not have", async () => {
    expect(
      await collectionProducts(
        scripted([{ data: { collection: null } }]).graphql,
        "7",
        noSleep,
      ),
    ).toBeNull();
  });

  it("waits out THROTTLED answers, returned or thrown, then gives up", async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const thrown = Object.assign(new Error("GraphQL Client: Throttled"), {
      body: throttled,
    });
    const { graphql } = scripted([throttled, thrown, page([1], null)]);
    expect(
      (await collectionProducts(graphql, "7", sleep))?.products,
    ).toHaveLength(1);
    expect(waits).toEqual([2000, 2000]);
    await expect(
      collectionProducts(
        scripted(Array(6).fill(throttled)).graphql,
        "7",
        sleep,
      ),
    ).rejects.toBeInstanceOf(CollectionLookupError);
    expect(throttleWait({ data: {} })).toBeNull();
  });

  it("refuses an unexpected answer and a collection over the limit", async () => {
    await expect(
      collectionProducts(
        scripted([{ errors: [{ message: "Access denied" }] }]).graphql,
        "7",
        noSleep,
      ),
    ).rejects.toThrow(/Access denied/);
    await expect(
      collectionProducts(
        scripted([new Error("network down")]).graphql,
        "7",
        noSleep,
      ),
    ).rejects.toThrow("network down");
    const many = Array.from({ length: 11 }, (_, i) =>
      page(
        Array.from({ length: 250 }, (_, j) => i * 250 + j),
        i < 10 ? `c${i}` : null,
      ),
    );
    await expect(
      collectionProducts(scripted(many).graphql, "7", noSleep),
    ).rejects.toEqual(new CollectionTooLarge("7"));
    expect(MAX_COLLECTION_PRODUCTS).toBe(2500);
  });
});
