import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { catalogNames, type CatalogNames } from "../comments/catalog";
import { classifyComment } from "../comments/classify.server";
import { nameLexicon } from "../comments/lexicon.server";
import type { GraphQL } from "../admin-graphql";

const CATALOG = `#graphql
  query CommentCatalog($cursor: String) {
    products(first: 250, after: $cursor) {
      nodes { id title vendor productType tags }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const page = z.object({
  data: z.object({
    products: z.object({
      nodes: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          vendor: z.string().nullable(),
          productType: z.string().nullable(),
          tags: z.array(z.string()),
        }),
      ),
      pageInfo: z.object({
        hasNextPage: z.boolean(),
        endCursor: z.string().nullable(),
      }),
    }),
  }),
});

const cache = new Map<string, { at: number; names: CatalogNames }>();

/** The shop's brand and model names, from its catalog through the Admin API (cached an hour). */
export async function shopCatalog(
  shop: string,
  graphql: GraphQL,
  now = Date.now(),
): Promise<CatalogNames> {
  const hit = cache.get(shop);
  if (hit && now - hit.at < 3_600_000) return hit.names;
  const items: {
    id: string;
    title: string;
    vendor: string | null;
    productType: string | null;
    tags: string[];
  }[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 40; i++) {
    const result = page.parse(
      await (await graphql(CATALOG, { variables: { cursor } })).json(),
    );
    items.push(...result.data.products.nodes);
    if (!result.data.products.pageInfo.hasNextPage) break;
    cursor = result.data.products.pageInfo.endCursor;
  }
  const names = catalogNames(items, await nameLexicon());
  cache.set(shop, { at: now, names });
  return names;
}

/** The analysis job: reads a response's comment with the shop's catalog and stores the result. */
export async function analyzeResponse(
  db: PrismaClient,
  shop: string,
  responseId: string,
  graphql: GraphQL,
): Promise<void> {
  const row = await db.surveyResponse.findFirst({
    where: { shop, id: responseId },
    select: { comment: true },
  });
  if (!row?.comment) return;
  const result = await classifyComment(
    row.comment,
    await shopCatalog(shop, graphql),
  );
  await db.surveyResponse.update({
    where: { id: responseId },
    data: {
      sentiment: result.sentiment,
      loyalty: result.loyalty,
      cues: JSON.stringify({ cues: result.cues, names: result.names }),
    },
  });
}
