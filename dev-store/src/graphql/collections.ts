import type { Collection } from "../seed/types";
import { gid, parseGid, type State } from "../state";
import { connection, type PageArgs } from "./connection";
import { matches, parseSearch } from "./search-query";
import { metafieldFields, productView } from "./views";

/**
 * Collections as the Admin API shows them: `collections(query:)`, `collection(id:)`,
 * `collectionByIdentifier`, a collection's products in its own order, and `Product.collections`.
 * Every dev store collection is a manual one (no rule set).
 */
export function collectionView(
  s: State,
  c: Collection,
): Record<string, unknown> {
  const id = gid("Collection", c.legacyId);
  const products = () =>
    c.productIds
      .map((pid) => s.productById.get(pid))
      .filter((p) => p !== undefined);
  return {
    __typename: "Collection",
    id,
    legacyResourceId: String(c.legacyId),
    title: c.title,
    handle: c.handle,
    descriptionHtml: c.descriptionHtml,
    description: () => c.descriptionHtml.replace(/<[^>]+>/g, ""),
    updatedAt: c.updatedAt,
    sortOrder: "MANUAL",
    templateSuffix: null,
    ruleSet: null,
    image: null,
    seo: { __typename: "SEO", title: null, description: null },
    productsCount: () => ({
      __typename: "Count",
      count: products().length,
      precision: "EXACT",
    }),
    hasProduct: ({ id: productId }: { id: string }) =>
      c.productIds.includes(parseGid(productId)?.id ?? -1),
    products: (args: PageArgs) =>
      connection(
        products(),
        args,
        (p) => p.legacyId,
        (p) => productView(s, p),
      ),
    ...metafieldFields(c.metafields, id),
  };
}

export function filterCollections(
  list: Collection[],
  query: string | null | undefined,
): Collection[] {
  if (!query) return list;
  const tree = parseSearch(query);
  return list.filter((c) =>
    matches(
      tree,
      c,
      {
        title: (x) => x.title,
        handle: (x) => x.handle,
        collection_type: () => "custom",
        product_id: (x) => x.productIds.map(String),
        updated_at: (x) => x.updatedAt,
        id: (x) => x.legacyId,
      },
      (x) => x.title,
    ),
  );
}

const SORT: Record<string, (c: Collection) => string | number> = {
  ID: (c) => c.legacyId,
  TITLE: (c) => c.title,
  UPDATED_AT: (c) => c.updatedAt,
};

function sorted(list: Collection[], sortKey?: string | null): Collection[] {
  const key = SORT[sortKey ?? "ID"] ?? SORT.ID;
  return [...list].sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0,
  );
}

/** Root fields. */
export function collectionResolvers(s: State) {
  const byId = (id: string | undefined) => {
    const c = s.collectionById.get(parseGid(id)?.id ?? -1);
    return c ? collectionView(s, c) : null;
  };
  return {
    collections: (a: PageArgs & { query?: string; sortKey?: string }) =>
      connection(
        sorted(filterCollections(s.collections, a.query), a.sortKey),
        a,
        (c) => c.legacyId,
        (c) => collectionView(s, c),
      ),
    collectionsCount: (a: { query?: string }) => ({
      count: filterCollections(s.collections, a.query).length,
      precision: "EXACT",
    }),
    collection: ({ id }: { id: string }) => byId(id),
    collectionByIdentifier: ({
      identifier,
    }: {
      identifier: { id?: string; handle?: string };
    }) => {
      if (identifier.handle) {
        const c = s.collections.find((x) => x.handle === identifier.handle);
        return c ? collectionView(s, c) : null;
      }
      return byId(identifier.id);
    },
  };
}

/** `Product.collections` and `Product.inCollection`. */
export function productCollectionFields(s: State, productId: number) {
  return {
    collections: (a: PageArgs & { query?: string; sortKey?: string }) =>
      connection(
        sorted(
          filterCollections(s.collectionsOf(productId), a.query),
          a.sortKey,
        ),
        a,
        (c) => c.legacyId,
        (c) => collectionView(s, c),
      ),
    inCollection: ({ id }: { id: string }) =>
      s.collectionById
        .get(parseGid(id)?.id ?? -1)
        ?.productIds.includes(productId) ?? false,
  };
}
