import type { DevStoreCore } from "../../dev-store/src/contract";
import { resolveNamespace } from "../../dev-store/src/graphql/views";

/**
 * The app's Admin GraphQL client, answered by a dev store in the same process through Shopify's
 * published schema (no HTTP): what integration tests hand to feature code in place of
 * `admin.graphql`. `calls`, when given, collects each operation's name in order.
 */
export function devStoreAdmin(
  core: Pick<DevStoreCore, "execute">,
  access: { scopes: string[]; bucketKey: string; calls?: string[] },
) {
  return async (
    query: string,
    options?: { variables?: Record<string, unknown> },
  ): Promise<Response> => {
    access.calls?.push(/(query|mutation) (\w+)/.exec(query)?.[2] ?? "?");
    const { body } = await core.execute({
      version: "2026-07",
      query,
      variables: options?.variables,
      scopes: access.scopes,
      bucketKey: access.bucketKey,
    });
    return new Response(JSON.stringify(body));
  };
}

/** The value of a product's app-owned metafield ($app:tsunagu.<key>) in the dev store, parsed. */
export function appProductMetafield<T = unknown>(
  core: {
    state: {
      productById: Map<
        number,
        { metafields: { namespace: string; key: string; value: string }[] }
      >;
    };
  },
  productId: string | number,
  key: string,
): T | null {
  const m = core.state.productById
    .get(Number(productId))!
    .metafields.find(
      (x) => x.namespace === resolveNamespace("$app:tsunagu") && x.key === key,
    );
  return m ? (JSON.parse(m.value) as T) : null;
}
