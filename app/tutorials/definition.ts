import { z } from "zod";

/**
 * A tutorial as the merchant enters it: a video or an article, a title and URL per language
 * (at least one language), and the products and/or collections it belongs to. Pure: used by the
 * admin action and by tests; the extensions read the same shape from the product metafield.
 */
export const KINDS = ["video", "article"] as const;
export type Kind = (typeof KINDS)[number];
export const TUTORIAL_LOCALES = ["ja", "en"] as const;
export const MAX_PRODUCTS = 250;
export const MAX_COLLECTIONS = 25;

export interface TutorialInput {
  kind: Kind;
  locales: Partial<
    Record<(typeof TUTORIAL_LOCALES)[number], { title: string; url: string }>
  >;
  products: { id: string; title: string }[];
  /** As picked; their products are looked up in Shopify when saved (see collections.server.ts). */
  collections: { id: string; title: string }[];
}

/**
 * One product's metafield value: the product's title as the merchant picked it (extensions are
 * not given product titles, only variant titles) and every tutorial attached to it, oldest first.
 */
export interface TutorialMetafield {
  product: string;
  items: { kind: Kind; locales: TutorialInput["locales"] }[];
}

const httpUrl = (value: string) => {
  try {
    const u = new URL(value);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
};

const resource = z.object({
  id: z.string().regex(/^\d{1,20}$/),
  title: z.string().max(255),
});
const productList = z.array(resource).max(MAX_PRODUCTS);
const collectionList = z.array(resource).max(MAX_COLLECTIONS);

/** A JSON list of picked resources, each id once; null when it is not one. */
function pickedList(
  raw: string | undefined,
  schema: typeof productList,
): { id: string; title: string }[] | null {
  try {
    const parsed = schema.safeParse(JSON.parse(raw || "[]"));
    return parsed.success
      ? [
          ...new Map(
            parsed.data.map((p) => [p.id, { id: p.id, title: p.title }]),
          ).values(),
        ]
      : null;
  } catch {
    return null;
  }
}

/** The longest link we store (the form's own limit too). */
export const URL_MAX_LENGTH = 2000;

/** Form fields -> input, or errors by field name (`ja.title`, `en.url`, `products`, `kind`). */
export function parseTutorialForm(
  form: Record<string, string>,
):
  | { ok: true; value: TutorialInput }
  | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kind = form.kind as Kind;
  if (!KINDS.includes(kind)) errors.kind = "invalid";
  const locales: TutorialInput["locales"] = {};
  for (const l of TUTORIAL_LOCALES) {
    const title = (form[`${l}.title`] ?? "").trim();
    const url = (form[`${l}.url`] ?? "").trim();
    if (!title && !url) continue;
    if (!title) errors[`${l}.title`] = "required";
    else if (title.length > 120) errors[`${l}.title`] = "tooLong";
    if (!url) errors[`${l}.url`] = "required";
    else if (url.length > URL_MAX_LENGTH) errors[`${l}.url`] = "urlTooLong";
    else if (!httpUrl(url)) errors[`${l}.url`] = "url";
    if (title && url) locales[l] = { title, url };
  }
  if (
    !Object.keys(locales).length &&
    !Object.keys(errors).some((k) => k.includes("."))
  )
    errors["ja.title"] = "oneLanguage";
  const products = pickedList(form.products, productList);
  const collections = pickedList(form.collections, collectionList);
  if (!products) errors.products = "invalid";
  if (!collections) errors.collections = "invalid";
  // A tutorial needs somewhere to be shown: a product, a collection, or both.
  if (products && collections && !products.length && !collections.length)
    errors.products = "required";
  if (Object.keys(errors).length || !products || !collections)
    return { ok: false, errors };
  return { ok: true, value: { kind, locales, products, collections } };
}

/** The title and URL for a language, else the first language present. */
export function pickLocale(
  locales: TutorialInput["locales"],
  lang: string,
): { title: string; url: string } | null {
  const base = lang
    .toLowerCase()
    .split("-")[0] as keyof TutorialInput["locales"];
  return locales[base] ?? Object.values(locales).find(Boolean) ?? null;
}
