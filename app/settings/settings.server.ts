import type { PrismaClient } from "@prisma/client";

export async function listDataRequests(db: PrismaClient, shop: string) {
  return db.dataRequest.findMany({
    where: { shop },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, customerId: true, createdAt: true },
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
