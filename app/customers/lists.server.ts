import type { PrismaClient, Prisma } from "@prisma/client";
import { LocalCalendar, parseContribution } from "../dashboard/contrib";
import { monthStart } from "../dashboard/metrics.server";

/**
 * The customers behind each dashboard number, by the same rules as the aggregates: fans (two or
 * more orders), active (ordered since the dormancy line), newly dormant this month, came back
 * this month, and those who ordered again this month.
 */
export const LIST_KEYS = [
  "fans",
  "active",
  "churned",
  "recovered",
  "repeat",
] as const;
export type ListKey = (typeof LIST_KEYS)[number];

const SELECT = {
  customerId: true,
  firstName: true,
  lastName: true,
  email: true,
  ordersCount: true,
  amountSpent: true,
  lastOrderAt: true,
  contrib: true,
} as const;

export async function listMembers(
  db: PrismaClient,
  shop: string,
  list: ListKey,
  o: { timeZone: string; dormantDays: number; now?: Date; take?: number },
) {
  const now = o.now ?? new Date();
  const calendar = new LocalCalendar(o.timeZone);
  const cutoff = calendar.startOfDay(now, -o.dormantDays);
  const month = monthStart(now, o.timeZone);
  const where: Record<ListKey, Prisma.CustomerWhereInput> = {
    fans: { shop, ordersCount: { gte: 2 } },
    active: { shop, lastOrderAt: { gte: cutoff } },
    churned: {
      shop,
      lastOrderAt: {
        gte: calendar.startOfDay(month.start, -o.dormantDays),
        lt: cutoff,
      },
    },
    // Both ordered this month; which of them came back or ordered again is in their contribution.
    recovered: { shop, lastOrderAt: { gte: month.start } },
    repeat: { shop, lastOrderAt: { gte: month.start } },
  };
  const rows = await db.customer.findMany({
    where: where[list],
    select: SELECT,
    orderBy: { lastOrderAt: "desc" },
    ...(list === "recovered" || list === "repeat"
      ? {}
      : { take: o.take ?? 100 }),
  });
  const kept =
    list === "recovered" || list === "repeat"
      ? rows.filter(
          (r) =>
            (parseContribution(r.contrib)?.m[month.key]?.[
              list === "recovered" ? 2 : 1
            ] ?? 0) > 0,
        )
      : rows;
  return kept.slice(0, o.take ?? 100).map(({ contrib: _c, ...r }) => ({
    ...r,
    amountSpent: r.amountSpent.toString(),
  }));
}
