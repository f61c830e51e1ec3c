import type { PrismaClient } from "@prisma/client";
import type { Cycle } from "./cycles";

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
