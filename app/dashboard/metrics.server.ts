import type { PrismaClient } from "@prisma/client";
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

  // Orders this month, each with the customer's previous order, for repeat and recovered counts.
  const monthOrders = await db.order.findMany({ where: { shop, processedAt: { gte: thisMonth } }, select: { customerId: true, processedAt: true } });
  const buyers = [...new Set(monthOrders.map((o) => o.customerId).filter((id): id is string => Boolean(id)))];
  // In chunks: a shop can have more buyers in a month than a query may bind parameters.
  const history: { customerId: string | null; processedAt: Date }[] = [];
  for (let i = 0; i < buyers.length; i += 500) {
    history.push(
      ...(await db.order.findMany({
        where: { shop, customerId: { in: buyers.slice(i, i + 500) }, processedAt: { lt: now } },
        select: { customerId: true, processedAt: true },
        orderBy: { processedAt: "asc" },
      })),
    );
  }
  const byCustomer = new Map<string, number[]>();
  for (const o of history) byCustomer.set(o.customerId!, [...(byCustomer.get(o.customerId!) ?? []), o.processedAt.getTime()]);
  let repeatOrdersThisMonth = 0;
  let recoveredThisMonth = 0;
  for (const [, times] of byCustomer) {
    const inMonth = times.map((t, i) => [t, i] as const).filter(([t]) => t >= thisMonth.getTime());
    repeatOrdersThisMonth += inMonth.filter(([, i]) => i > 0).length;
    const [first] = inMonth;
    if (first && first[1] > 0 && first[0] - times[first[1] - 1] > settings.dormantDays * DAY) recoveredThisMonth++;
  }

  const trend = await monthlyTrend(db, shop, timeZone, now);
  return { customers, fans, active, dormant, churnedThisMonth, recoveredThisMonth, repeatOrdersThisMonth, ordersThisMonth: monthOrders.length, trend, deadJobs };
}

/** Orders and repeat orders (a customer's second or later) per month, last 12 months. */
async function monthlyTrend(db: PrismaClient, shop: string, timeZone: string, now: Date) {
  const months = Array.from({ length: 12 }, (_, i) => monthStart(now, timeZone, 11 - i));
  const orders = await db.order.findMany({ where: { shop, processedAt: { gte: months[0].start } }, select: { customerId: true, processedAt: true } });
  const firsts = await db.customer.findMany({ where: { shop, firstOrderAt: { not: null } }, select: { customerId: true, firstOrderAt: true } });
  const firstAt = new Map(firsts.map((c) => [c.customerId, c.firstOrderAt!.getTime()]));
  return months.map((m, i) => {
    const end = months[i + 1]?.start.getTime() ?? Infinity;
    const inMonth = orders.filter((o) => o.processedAt.getTime() >= m.start.getTime() && o.processedAt.getTime() < end);
    const repeatOrders = inMonth.filter((o) => o.customerId && (firstAt.get(o.customerId) ?? Infinity) < o.processedAt.getTime()).length;
    return { month: m.key, orders: inMonth.length, repeatOrders };
  });
}
