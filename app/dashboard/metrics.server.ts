import { Prisma, type PrismaClient } from "@prisma/client";
import type { GroupSettings } from "../customers/groups";

/**
 * The home dashboard's numbers, people first: fans, active, dormant, and this month's churned,
 * recovered and repeat purchases, with a 12-month trend of orders and repeat orders.
 * "This month" is the calendar month in the shop's time zone.
 */
const DAY = 86_400_000;

export interface DashboardNumbers {
  customers: number;
  fans: number;
  active: number;
  dormant: number;
  churnedThisMonth: number;
  recoveredThisMonth: number;
  repeatOrdersThisMonth: number;
  ordersThisMonth: number;
  trend: { month: string; orders: number; repeatOrders: number }[];
  deadJobs: number;
}

/** First instant of the month containing `now`, in `timeZone`, plus the month key "YYYY-MM". */
export function monthStart(now: Date, timeZone: string, monthsBack = 0): { start: Date; key: string } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(now);
  let year = Number(parts.find((p) => p.type === "year")!.value);
  let month = Number(parts.find((p) => p.type === "month")!.value) - monthsBack;
  while (month < 1) {
    month += 12;
    year--;
  }
  // Midnight in the shop's zone: take UTC midnight and correct by the zone's offset then.
  const utc = Date.UTC(year, month - 1, 1);
  const offset = zoneOffsetMs(new Date(utc), timeZone);
  return { start: new Date(utc - offset), key: `${year}-${String(month).padStart(2, "0")}` };
}

function zoneOffsetMs(at: Date, timeZone: string): number {
  const local = new Date(at.toLocaleString("en-US", { timeZone }));
  const utc = new Date(at.toLocaleString("en-US", { timeZone: "UTC" }));
  return local.getTime() - utc.getTime();
}

export async function getDashboard(db: PrismaClient, shop: string, settings: Pick<GroupSettings, "dormantDays">, timeZone: string, now = new Date()): Promise<DashboardNumbers> {
  const dormantBefore = new Date(now.getTime() - settings.dormantDays * DAY);
  const { start: thisMonth } = monthStart(now, timeZone);
  const [customers, fans, active, dormant, churnedThisMonth, deadJobs] = await Promise.all([
    db.customer.count({ where: { shop } }),
    db.customer.count({ where: { shop, ordersCount: { gte: 2 } } }),
    db.customer.count({ where: { shop, lastOrderAt: { gte: dormantBefore } } }),
    db.customer.count({ where: { shop, ordersCount: { gt: 0 }, lastOrderAt: { lt: dormantBefore } } }),
    // Crossed the dormancy line this month: their last order is between D days before the month began and D days ago.
    db.customer.count({ where: { shop, lastOrderAt: { gte: new Date(thisMonth.getTime() - settings.dormantDays * DAY), lt: dormantBefore } } }),
    db.job.count({ where: { shop, status: "dead" } }),
  ]);

  // Came back this month: their first order this month follows a gap longer than the dormancy window.
  const firstThisMonth = await db.order.groupBy({ by: ["customerId"], where: { shop, processedAt: { gte: thisMonth }, customerId: { not: null } }, _min: { processedAt: true } });
  const buyers = firstThisMonth.map((r) => r.customerId!);
  const before = new Map<string, Date>();
  // In chunks: a shop can have more buyers in a month than a query may bind parameters.
  for (let i = 0; i < buyers.length; i += 500) {
    const rows = await db.order.groupBy({ by: ["customerId"], where: { shop, customerId: { in: buyers.slice(i, i + 500) }, processedAt: { lt: thisMonth } }, _max: { processedAt: true } });
    for (const r of rows) if (r._max.processedAt) before.set(r.customerId!, r._max.processedAt);
  }
  const recoveredThisMonth = firstThisMonth.filter((r) => {
    const previous = before.get(r.customerId!);
    return previous && r._min.processedAt!.getTime() - previous.getTime() > settings.dormantDays * DAY;
  }).length;

  const trend = await monthlyTrend(db, shop, timeZone, now);
  const current = trend[trend.length - 1];
  return { customers, fans, active, dormant, churnedThisMonth, recoveredThisMonth, repeatOrdersThisMonth: current.repeatOrders, ordersThisMonth: current.orders, trend, deadJobs };
}

/**
 * Orders and repeat orders (placed after the customer's first order) per month, last 12 months,
 * in one pass over those months' orders. The same SQL runs on SQLite and PostgreSQL.
 */
async function monthlyTrend(db: PrismaClient, shop: string, timeZone: string, now: Date) {
  const months = Array.from({ length: 12 }, (_, i) => monthStart(now, timeZone, 11 - i));
  const bounds = months.map((m, i) => [m.start, months[i + 1]?.start ?? new Date(now.getTime() + DAY)] as const);
  const columns = bounds.flatMap(([from, to], i) => [
    Prisma.sql`SUM(CASE WHEN o."processedAt" >= ${from} AND o."processedAt" < ${to} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"o${i}"`)}`,
    Prisma.sql`SUM(CASE WHEN o."processedAt" >= ${from} AND o."processedAt" < ${to} AND c."firstOrderAt" < o."processedAt" THEN 1 ELSE 0 END) AS ${Prisma.raw(`"r${i}"`)}`,
  ]);
  const [row] = await db.$queryRaw<Record<string, bigint | number | null>[]>`
    SELECT ${Prisma.join(columns)}
    FROM "Order" o LEFT JOIN "Customer" c ON c."shop" = o."shop" AND c."customerId" = o."customerId"
    WHERE o."shop" = ${shop} AND o."processedAt" >= ${bounds[0][0]}`;
  return months.map((m, i) => ({ month: m.key, orders: Number(row?.[`o${i}`] ?? 0), repeatOrders: Number(row?.[`r${i}`] ?? 0) }));
}
