import { ID_BASE } from "./generate";
import type { Collection, Product } from "./types";

/**
 * The shop's manual collections, built from the catalog: one per product line (as a Japanese
 * shop names them) and a few themed ones chosen by tag. Deterministic for a given catalog.
 */
const COLLECTIONS: {
  title: string;
  handle: string;
  description: string;
  match: (p: Product) => boolean;
}[] = [
  {
    title: "サンダル",
    handle: "sandals",
    description: "<p>街でも水辺でも履けるサンダルと和の履物。</p>",
    match: (p) => p.productType === "サンダル",
  },
  {
    title: "スキンケア",
    handle: "skincare",
    description: "<p>毎日のお手入れに。</p>",
    match: (p) => p.productType === "スキンケア",
  },
  {
    title: "ドローン",
    handle: "drones",
    description:
      "<p>空撮ドローンとアクセサリー。初回フライト前に設定が必要です。</p>",
    match: (p) => p.productType === "ドローン",
  },
  {
    title: "アウトドア",
    handle: "outdoor",
    description: "<p>山とキャンプの道具。</p>",
    match: (p) => p.productType === "アウトドア",
  },
  {
    title: "キッチン",
    handle: "kitchen",
    description: "<p>燕三条の調理道具。</p>",
    match: (p) => p.productType === "キッチン",
  },
  {
    title: "コーヒー",
    handle: "coffee",
    description: "<p>豆と抽出道具。</p>",
    match: (p) => p.productType === "コーヒー",
  },
  {
    title: "夏のおすすめ",
    handle: "summer",
    description: "<p>夏に使いたいアイテム。</p>",
    match: (p) => p.tags.includes("夏"),
  },
  {
    title: "日本製",
    handle: "made-in-japan",
    description: "<p>日本の職人による品。</p>",
    match: (p) => p.tags.includes("日本製") || p.tags.includes("手仕事"),
  },
];

export function generateCollections(
  products: Product[],
  now: Date,
): Collection[] {
  const at = new Date(now.getTime() - 300 * 86_400_000).toISOString();
  return COLLECTIONS.map((c, i) => ({
    legacyId: ID_BASE.collection + i + 1,
    title: c.title,
    handle: c.handle,
    descriptionHtml: c.description,
    createdAt: at,
    updatedAt: at,
    productIds: products.filter(c.match).map((p) => p.legacyId),
    metafields: [],
  }));
}
