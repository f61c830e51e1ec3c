import type { PrismaClient } from "@prisma/client";
import { z } from "zod";

/**
 * Per-product consumption cycles (how many days one purchase lasts), set by the merchant. The
 * replenishment flow is due that many days after delivery; an order with several such products
 * uses the shortest cycle, an order without any gets no reminder.
 */
export const MAX_CYCLE_DAYS = 365;
export const MAX_CYCLES = 500;

export interface Cycle {
  productId: string;
  title: string;
  days: number;
}

const row = z.object({
  productId: z.string().regex(/^\d{1,20}$/),
  title: z.string().max(255),
  days: z.string(),
});

/** Form rows -> cycles, or an error per product id (`days`) / for the whole list (`form`: `tooMany`, `invalid`). */
export function parseCycles(
  json: string,
):
  { ok: true; value: Cycle[] } | { ok: false; errors: Record<string, string> } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, errors: { form: "invalid" } };
  }
  // More products than a page could hold says so; anything else unreadable came from a broken page.
  if (Array.isArray(raw) && raw.length > MAX_CYCLES)
    return { ok: false, errors: { form: "tooMany" } };
  const parsed = z.array(row).safeParse(raw);
  if (!parsed.success) return { ok: false, errors: { form: "invalid" } };
  const errors: Record<string, string> = {};
  const value: Cycle[] = [];
  const seen = new Set<string>();
  for (const r of parsed.data) {
    if (seen.has(r.productId)) continue;
    seen.add(r.productId);
    const days = Number(r.days.trim());
    if (!/^\d+$/.test(r.days.trim()) || days < 1 || days > MAX_CYCLE_DAYS)
      errors[r.productId] = "days";
    else value.push({ productId: r.productId, title: r.title, days });
  }
  return Object.keys(errors).length
    ? { ok: false, errors }
    : { ok: true, value };
}

export async function listCycles(
  db: PrismaClient,
  shop: string,
): Promise<Cycle[]> {
  return db.productCycle.findMany({
    where: { shop },
    orderBy: { title: "asc" },
    select: { productId: true, title: true, days: true },
  });
}

/** Replaces the shop's cycles with `cycles` in one transaction. */
export async function saveCycles(
  db: PrismaClient,
  shop: string,
  cycles: Cycle[],
): Promise<void> {
  await db.$transaction([
    db.productCycle.deleteMany({
      where: { shop, productId: { notIn: cycles.map((c) => c.productId) } },
    }),
    ...cycles.map((c) =>
      db.productCycle.upsert({
        where: { shop_productId: { shop, productId: c.productId } },
        create: { shop, ...c },
        update: { title: c.title, days: c.days },
      }),
    ),
  ]);
}

/** The shortest cycle among the products, in days, or null when none has one. */
export async function cycleDaysFor(
  db: PrismaClient,
  shop: string,
  productIds: string[],
): Promise<number | null> {
  if (!productIds.length) return null;
  const found = await db.productCycle.findMany({
    where: { shop, productId: { in: productIds } },
    select: { days: true },
  });
  return found.length ? Math.min(...found.map((c) => c.days)) : null;
}
