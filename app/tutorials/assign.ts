import { z } from "zod";
import { MAX_COLLECTIONS, MAX_PRODUCTS } from "./definition";
import {
  metafieldValues,
  reachedProducts,
  type ResolvedCollection,
  type TutorialReach,
} from "./values";

/**
 * Bulk assignment from the tutorials list: products or collections added to, or removed from,
 * several tutorials at once. Pure: the form is parsed here and each tutorial's new products and
 * collections are computed here; tutorials.server.ts looks the collections up and publishes.
 */
export interface Assignment {
  addProducts: { id: string; title: string }[];
  /** Resolved through the Admin API before they are applied. */
  addCollections: { id: string; title: string }[];
  removeProductIds: string[];
  removeCollectionIds: string[];
}

export const BULK_INTENTS = [
  "add-products",
  "add-collections",
  "remove",
] as const;
export const MAX_BULK_TUTORIALS = 250;

export interface Assignable {
  products: { id: string; title: string }[];
  collections: ResolvedCollection[];
}

const numericId = z.string().regex(/^\d{1,20}$/);
const resource = z.object({ id: numericId, title: z.string().max(255) });
/** A form field holding JSON, parsed and then checked by `schema`. */
const jsonField = <T extends z.ZodTypeAny>(schema: T) =>
  z
    .string()
    .default("[]")
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "not JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
const uniqueBy = <T>(items: T[], key: (x: T) => string) => [
  ...new Map(items.map((x) => [key(x), x])).values(),
];

const bulkForm = z
  .object({
    intent: z.enum(BULK_INTENTS),
    ids: jsonField(
      z.array(z.string().min(1).max(64)).min(1).max(MAX_BULK_TUTORIALS),
    ),
    products: jsonField(z.array(resource).max(MAX_PRODUCTS)),
    collections: jsonField(z.array(resource).max(MAX_COLLECTIONS)),
  })
  .superRefine((v, ctx) => {
    if (v.intent === "add-products" && !v.products.length)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["products"],
        message: "pick at least one product",
      });
    if (v.intent === "add-collections" && !v.collections.length)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["collections"],
        message: "pick at least one collection",
      });
    if (v.intent === "remove" && !v.products.length && !v.collections.length)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["products"],
        message: "pick at least one product or collection",
      });
  });

/** The list page's bulk form -> tutorial ids and what to change, or a message saying what is wrong. */
export function parseBulkForm(
  form: Record<string, string>,
):
  | { ok: true; ids: string[]; change: Assignment }
  | { ok: false; reason: string } {
  const parsed = bulkForm.safeParse(form);
  if (!parsed.success)
    return {
      ok: false,
      reason: parsed.error.issues
        .map((i) => `${i.path.join(".") || "form"}: ${i.message}`)
        .join("; "),
    };
  const { intent, ids, products, collections } = parsed.data;
  const change: Assignment = {
    addProducts: [],
    addCollections: [],
    removeProductIds: [],
    removeCollectionIds: [],
  };
  if (intent === "add-products")
    change.addProducts = uniqueBy(products, (p) => p.id);
  if (intent === "add-collections")
    change.addCollections = uniqueBy(collections, (c) => c.id);
  if (intent === "remove") {
    change.removeProductIds = [...new Set(products.map((p) => p.id))];
    change.removeCollectionIds = [...new Set(collections.map((c) => c.id))];
  }
  return { ok: true, ids: [...new Set(ids)], change };
}

/**
 * One tutorial's products and collections after `change`. What it already had keeps its place
 * (and a product its title); new ones are appended. `resolved` are the added collections as
 * Shopify has them now: one the tutorial already had is replaced by the fresh copy.
 */
export function applyAssignment<T extends Assignable>(
  t: T,
  change: Assignment,
  resolved: ResolvedCollection[],
): T {
  const removeProducts = new Set(change.removeProductIds);
  const removeCollections = new Set(change.removeCollectionIds);
  const products = t.products.filter((p) => !removeProducts.has(p.id));
  for (const p of change.addProducts)
    if (!products.some((x) => x.id === p.id))
      products.push({ id: p.id, title: p.title || p.id });
  const fresh = new Map(resolved.map((c) => [c.id, c]));
  const collections = t.collections
    .filter((c) => !removeCollections.has(c.id))
    .map((c) => fresh.get(c.id) ?? c);
  for (const c of resolved)
    if (!collections.some((x) => x.id === c.id)) collections.push(c);
  return { ...t, products, collections };
}

/** Whether `after` differs from `before` in what it is attached to (or what its collections hold). */
export function assignmentChanged(
  before: Assignable,
  after: Assignable,
): boolean {
  return (
    JSON.stringify([before.products, before.collections]) !==
    JSON.stringify([after.products, after.collections])
  );
}

/** How many of `touched` get a different metafield value (including none) from `before` to `after`. */
export function changedProductCount(
  before: TutorialReach[],
  after: TutorialReach[],
  touched: Set<string>,
): number {
  const a = metafieldValues(before);
  const b = metafieldValues(after);
  return [...touched].filter(
    (id) =>
      JSON.stringify(a.get(id) ?? null) !== JSON.stringify(b.get(id) ?? null),
  ).length;
}

/**
 * Products picked for removal that a tutorial still reaches through one of its collections (the
 * removal took them off the tutorial's own list, but the collection keeps showing it there).
 */
export function stillReached(
  after: Assignable[],
  removeProductIds: string[],
): string[] {
  const reached = new Set(
    after.flatMap((t) => reachedProducts(t).map((p) => p.id)),
  );
  return removeProductIds.filter((id) => reached.has(id));
}
