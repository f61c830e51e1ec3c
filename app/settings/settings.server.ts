import type { PrismaClient } from "@prisma/client";
import { fullName } from "../customers/names";
import { emailInReport } from "./data-requests";

/** The latest privacy requests, each with the customer's name and email where the app knows them. */
export async function listDataRequests(db: PrismaClient, shop: string) {
  const requests = await db.dataRequest.findMany({
    where: { shop },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, customerId: true, createdAt: true },
  });
  const customers = new Map(
    (
      await db.customer.findMany({
        where: {
          shop,
          customerId: { in: [...new Set(requests.map((r) => r.customerId))] },
        },
        select: {
          customerId: true,
          firstName: true,
          lastName: true,
          email: true,
        },
      })
    ).map((c) => [c.customerId, c]),
  );
  // A customer redacted since, or not synced yet: the email Shopify sent is in the report.
  const unknown = requests.filter((r) => !customers.get(r.customerId)?.email);
  const reported = new Map(
    unknown.length === 0
      ? []
      : (
          await db.dataRequest.findMany({
            where: { shop, id: { in: unknown.map((r) => r.id) } },
            select: { id: true, report: true },
          })
        ).map((r) => [r.id, emailInReport(r.report)]),
  );
  return requests.map((r) => {
    const c = customers.get(r.customerId);
    return {
      ...r,
      name: (c && fullName(c.firstName, c.lastName)) || null,
      email: c?.email || reported.get(r.id) || null,
    };
  });
}

export async function getDataRequestReport(
  db: PrismaClient,
  shop: string,
  id: string,
) {
  return db.dataRequest.findFirst({
    where: { shop, id },
    select: { customerId: true, report: true, createdAt: true },
  });
}

export async function listDeadJobs(db: PrismaClient, shop: string) {
  return db.job.findMany({
    where: { shop, status: "dead" },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: {
      id: true,
      type: true,
      lastError: true,
      attempts: true,
      updatedAt: true,
    },
  });
}
