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
  trend: { month: string; orders: number; repeatOrders: number; recovered: number }[];
  deadJobs: number;
  recalculating: boolean;
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

/**
 * Reads the maintained aggregates (app/dashboard/stats.server.ts): a handful of small rows, the
 * same cost for ten customers or a million. Active, dormant and churned are sums over the
 * last-order day histogram, with the dormancy line at local midnight (as in the groups).
 */
export async function getDashboard(db: PrismaClient, shop: string, settings: Pick<GroupSettings, "dormantDays">, timeZone: string, now = new Date()): Promise<DashboardNumbers> {
  const calendar = new LocalCalendar(timeZone);
  const [{ total, days, months }, deadJobs] = await Promise.all([readStats(db, shop), db.job.count({ where: { shop, status: "dead" } })]);
  const cutoffDay = calendar.day(calendar.startOfDay(now, -settings.dormantDays));
  const churnFrom = calendar.day(calendar.startOfDay(monthStart(now, timeZone).start, -settings.dormantDays));
  let active = 0;
  let dormant = 0;
  let churnedThisMonth = 0;
  for (const { day, lastOrders } of days) {
    if (day >= cutoffDay) active += lastOrders;
    else {
      dormant += lastOrders;
      if (day >= churnFrom) churnedThisMonth += lastOrders;
    }
  }
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const trend = Array.from({ length: 12 }, (_, i) => monthStart(now, timeZone, 11 - i).key).map((month) => ({
    month,
    orders: byMonth.get(month)?.orders ?? 0,
    repeatOrders: byMonth.get(month)?.repeatOrders ?? 0,
    recovered: byMonth.get(month)?.recovered ?? 0,
  }));
  const current = trend[trend.length - 1];
  // The aggregates follow the settings they were built with; after a change they are rebuilt.
  const stale = total ? total.timezone !== timeZone || total.dormantDays !== settings.dormantDays : (await db.customer.findFirst({ where: { shop }, select: { id: true } })) !== null;
  return {
    customers: total?.customers ?? 0,
    fans: total?.fans ?? 0,
    active,
    dormant,
    churnedThisMonth,
    recoveredThisMonth: current.recovered,
    repeatOrdersThisMonth: current.repeatOrders,
    ordersThisMonth: current.orders,
    trend,
    deadJobs,
    recalculating: stale,
  };
}
