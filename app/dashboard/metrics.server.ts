import type { PrismaClient } from "@prisma/client";
import type { GroupSettings } from "../customers/groups";
import { LocalCalendar } from "./contrib";
import { readStats } from "./stats.server";

/**
 * The home dashboard's numbers, people first: fans, active, dormant, and this month's churned,
 * recovered and repeat purchases, with a 12-month trend of orders and repeat orders.
 * "This month" is the calendar month in the shop's time zone.
 */

export interface DashboardNumbers {
  customers: number;
  fans: number;
  active: number;
  dormant: number;
  churnedThisMonth: number;
  recoveredThisMonth: number;
  repeatOrdersThisMonth: number;
  ordersThisMonth: number;
  trend: {
    month: string;
    orders: number;
    repeatOrders: number;
    recovered: number;
    churned: number;
    fans: number | null;
    active: number | null;
    dormant: number | null;
  }[];
  deadJobs: number;
  recalculating: boolean;
  /** The shop's local date, "YYYY-MM-DD". */
  today: string;
}

/** First instant of the month containing `now`, in `timeZone`, plus the month key "YYYY-MM". */
export function monthStart(
  now: Date,
  timeZone: string,
  monthsBack = 0,
): { start: Date; key: string } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
  }).formatToParts(now);
  let year = Number(parts.find((p) => p.type === "year")!.value);
  let month = Number(parts.find((p) => p.type === "month")!.value) - monthsBack;
  while (month < 1) {
    month += 12;
    year--;
  }
  // Midnight in the shop's zone: take UTC midnight and correct by the zone's offset then.
  const utc = Date.UTC(year, month - 1, 1);
  const offset = zoneOffsetMs(new Date(utc), timeZone);
  return {
    start: new Date(utc - offset),
    key: `${year}-${String(month).padStart(2, "0")}`,
  };
}

function zoneOffsetMs(at: Date, timeZone: string): number {
  const local = new Date(at.toLocaleString("en-US", { timeZone }));
  const utc = new Date(at.toLocaleString("en-US", { timeZone: "UTC" }));
  return local.getTime() - utc.getTime();
}

/**
 * Reads the maintained aggregates (app/dashboard/stats.server.ts): a handful of small rows, the
 * same cost for ten customers or a million. Active, dormant and churned are sums over the
 * last-order day histogram, with the dormancy line at local midnight (as in the groups).
 */
export async function getDashboard(
  db: PrismaClient,
  shop: string,
  settings: Pick<GroupSettings, "dormantDays">,
  timeZone: string,
  now = new Date(),
): Promise<DashboardNumbers> {
  const calendar = new LocalCalendar(timeZone);
  const months12 = Array.from({ length: 12 }, (_, i) =>
    monthStart(now, timeZone, 11 - i),
  );
  const [{ total, days, months }, deadJobs, snapshots] = await Promise.all([
    readStats(db, shop),
    db.job.count({ where: { shop, status: "dead" } }),
    db.statSnapshot.findMany({
      where: { shop, day: { gte: `${months12[0].key}-01` } },
      orderBy: { day: "asc" },
      select: { day: true, fans: true, active: true, dormant: true },
    }),
  ]);
  const D = settings.dormantDays;
  const cutoffDay = calendar.day(calendar.startOfDay(now, -D));
  // Newly dormant in a month: their last order is D days before that month (and they have not
  // come back since, or their last order would have moved).
  const churnStarts = months12.map((m) =>
    calendar.day(calendar.startOfDay(m.start, -D)),
  );
  const churned = new Array<number>(12).fill(0);
  let active = 0;
  let dormant = 0;
  for (const { day, lastOrders } of days) {
    if (day >= cutoffDay) active += lastOrders;
    else {
      dormant += lastOrders;
      for (let i = 11; i >= 0; i--) {
        if (day >= churnStarts[i]) {
          churned[i] += lastOrders;
          break;
        }
      }
    }
  }
  const byMonth = new Map(months.map((m) => [m.month, m]));
  // People counts per month: the last snapshot taken in that month.
  const lastSnapshot = new Map(snapshots.map((s) => [s.day.slice(0, 7), s]));
  const trend = months12.map(({ key: month }, i) => ({
    month,
    orders: byMonth.get(month)?.orders ?? 0,
    repeatOrders: byMonth.get(month)?.repeatOrders ?? 0,
    recovered: byMonth.get(month)?.recovered ?? 0,
    churned: churned[i],
    fans: lastSnapshot.get(month)?.fans ?? null,
    active: lastSnapshot.get(month)?.active ?? null,
    dormant: lastSnapshot.get(month)?.dormant ?? null,
  }));
  const current = trend[trend.length - 1];
  // The aggregates follow the settings they were built with; after a change they are rebuilt.
  const stale = total
    ? total.timezone !== timeZone || total.dormantDays !== D
    : (await db.customer.findFirst({
        where: { shop },
        select: { id: true },
      })) !== null;
  const fans = total?.fans ?? 0;
  current.fans = fans;
  current.active = active;
  current.dormant = dormant;
  return {
    customers: total?.customers ?? 0,
    fans,
    active,
    dormant,
    churnedThisMonth: current.churned,
    recoveredThisMonth: current.recovered,
    repeatOrdersThisMonth: current.repeatOrders,
    ordersThisMonth: current.orders,
    trend,
    deadJobs,
    recalculating: stale,
    today: calendar.day(now),
  };
}

/** Keeps today's people counts, so their trend grows day by day (one row per shop and day). */
export async function recordSnapshot(
  db: PrismaClient,
  shop: string,
  d: Pick<
    DashboardNumbers,
    "today" | "fans" | "active" | "dormant" | "recalculating"
  >,
): Promise<void> {
  if (d.recalculating) return;
  const data = { fans: d.fans, active: d.active, dormant: d.dormant };
  await db.statSnapshot.upsert({
    where: { shop_day: { shop, day: d.today } },
    create: { shop, day: d.today, ...data },
    update: data,
  });
}
