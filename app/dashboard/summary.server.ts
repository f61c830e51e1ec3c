import type { PrismaClient } from "@prisma/client";

/** The first numbers a merchant sees, from what the store has told the app so far. */
export async function getSummary(db: PrismaClient, shop: string, now = new Date()) {
  const weekAgo = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  const [customers, repeatCustomers, orders, webhooks, deadJobs] = await Promise.all([
    db.customer.count({ where: { shop } }),
    db.customer.count({ where: { shop, ordersCount: { gte: 2 } } }),
    db.order.count({ where: { shop } }),
    db.webhookEvent.count({ where: { shop, receivedAt: { gte: weekAgo } } }),
    db.job.count({ where: { shop, status: "dead" } }),
  ]);
  return { customers, repeatCustomers, orders, webhooks, deadJobs };
}
