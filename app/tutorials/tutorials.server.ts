import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { pickLocale, type TutorialInput, type TutorialMetafield } from "./definition";

type GraphQL = (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response>;

/**
 * Tutorials live in the app's table (the merchant's list) and, for the extensions, as one
 * app-owned metafield per product ($app:tsunagu.tutorials, JSON) holding every tutorial of that
 * product. Each save recomputes the metafields of the products it touched (before and after), so
 * Shopify always holds exactly what the table says; only when Shopify accepted them is the table
 * changed.
 */
export const NAMESPACE = "$app:tsunagu";
export const KEY = "tutorials";

export interface StoredTutorial extends TutorialInput {
  id: string;
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

const setResult = z.object({ data: z.object({ metafieldsSet: z.object({ userErrors: z.array(z.object({ message: z.string() })) }) }) });
const deleteResult = z.object({ data: z.object({ metafieldsDelete: z.object({ userErrors: z.array(z.object({ message: z.string() })) }) }) });

function fromRow(r: { id: string; kind: string; locales: string; products: string; updatedAt: Date }): StoredTutorial {
  return { id: r.id, kind: r.kind as TutorialInput["kind"], locales: JSON.parse(r.locales) as TutorialInput["locales"], products: JSON.parse(r.products) as TutorialInput["products"], updatedAt: r.updatedAt.toISOString() };
}

export async function listTutorials(db: PrismaClient, shop: string): Promise<StoredTutorial[]> {
  const rows = await db.tutorial.findMany({ where: { shop }, orderBy: { createdAt: "asc" } });
  return rows.map(fromRow);
}

export async function getTutorial(db: PrismaClient, shop: string, id: string): Promise<StoredTutorial | null> {
  const row = await db.tutorial.findFirst({ where: { shop, id } });
  return row ? fromRow(row) : null;
}

/** Every product's metafield value from a list of tutorials (products without any are absent). */
export function metafieldValues(tutorials: Pick<StoredTutorial, "kind" | "locales" | "products">[]): Map<string, TutorialMetafield> {
  const out = new Map<string, TutorialMetafield>();
  for (const t of tutorials) {
    for (const p of t.products) {
      const value = out.get(p.id) ?? { product: p.title, items: [] };
      value.product = p.title || value.product;
      value.items.push({ kind: t.kind, locales: t.locales });
      out.set(p.id, value);
    }
  }
  return out;
}

/** Writes (or removes) the metafield of each product in `productIds` to match `tutorials`. */
async function publish(graphql: GraphQL, tutorials: StoredTutorial[] | TutorialInput[], productIds: Set<string>): Promise<void> {
  const values = metafieldValues(tutorials);
  const set = [...productIds].filter((id) => values.has(id)).map((id) => ({ ownerId: `gid://shopify/Product/${id}`, namespace: NAMESPACE, key: KEY, type: "json", value: JSON.stringify(values.get(id)) }));
  const remove = [...productIds].filter((id) => !values.has(id)).map((id) => ({ ownerId: `gid://shopify/Product/${id}`, namespace: NAMESPACE, key: KEY }));
  // metafieldsSet takes at most 25 metafields per call.
  for (let i = 0; i < set.length; i += 25) {
    const r = setResult.parse(await (await graphql(SET, { variables: { metafields: set.slice(i, i + 25) } })).json());
    if (r.data.metafieldsSet.userErrors.length) throw new PublishError(r.data.metafieldsSet.userErrors.map((e) => e.message).join("; "));
  }
  for (let i = 0; i < remove.length; i += 25) {
    const r = deleteResult.parse(await (await graphql(DELETE, { variables: { metafields: remove.slice(i, i + 25) } })).json());
    if (r.data.metafieldsDelete.userErrors.length) throw new PublishError(r.data.metafieldsDelete.userErrors.map((e) => e.message).join("; "));
  }
}

export class PublishError extends Error {}

/** Creates (id null) or updates a tutorial; returns its id, or null when `id` is not this shop's. */
export async function saveTutorial(db: PrismaClient, graphql: GraphQL, shop: string, id: string | null, input: TutorialInput): Promise<string | null> {
  const all = await listTutorials(db, shop);
  const old = id ? all.find((t) => t.id === id) : undefined;
  if (id && !old) return null;
  const next = old ? all.map((t) => (t.id === id ? { ...t, ...input } : t)) : [...all, { ...input, id: "new", updatedAt: "" }];
  await publish(graphql, next, new Set([...(old?.products ?? []), ...input.products].map((p) => p.id)));
  const data = { kind: input.kind, locales: JSON.stringify(input.locales), products: JSON.stringify(input.products) };
  if (old) {
    await db.tutorial.update({ where: { id: old.id }, data });
    return old.id;
  }
  return (await db.tutorial.create({ data: { shop, ...data }, select: { id: true } })).id;
}

export async function deleteTutorial(db: PrismaClient, graphql: GraphQL, shop: string, id: string): Promise<boolean> {
  const all = await listTutorials(db, shop);
  const old = all.find((t) => t.id === id);
  if (!old) return false;
  await publish(graphql, all.filter((t) => t.id !== id), new Set(old.products.map((p) => p.id)));
  await db.tutorial.delete({ where: { id } });
  return true;
}

/**
 * The tutorial links of an order's products in a language (follow-up templates): each URL once,
 * in product order. Products the shop deleted simply have none.
 */
export function tutorialLinks(tutorials: Pick<StoredTutorial, "kind" | "locales" | "products">[], productIds: string[], lang: string): { title: string; url: string }[] {
  const values = metafieldValues(tutorials);
  const seen = new Set<string>();
  const out: { title: string; url: string }[] = [];
  for (const id of productIds) {
    for (const item of values.get(id)?.items ?? []) {
      const chosen = pickLocale(item.locales, lang);
      if (!chosen || seen.has(chosen.url)) continue;
      seen.add(chosen.url);
      out.push(chosen);
    }
  }
  return out;
}
