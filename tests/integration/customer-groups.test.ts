import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  applyCustomerSync,
  onBulkFinished,
  startCustomerSync,
} from "~/customers/sync.server";
import {
  customerGroups,
  groupCounts,
  groupCsv,
  pushSegments,
  saveGroupSettings,
  segmentLinks,
} from "~/customers/groups.server";
import type { GroupSettings } from "~/customers/groups";
import { createDevStore } from "../../dev-store/src/store";
import type { WebhookEvent } from "../../dev-store/src/contract";
import { resetDatabase } from "../support/db";
import { devStoreAdmin } from "../support/dev-store-admin";

/**
 * The five groups counted from synced data must match an independent computation over the dev
 * store's own records, and the groups pushed as segments must have the same members in Shopify.
 */
const NOW = new Date();
const core = createDevStore({
  baseUrl: "http://dev-store.test",
  now: new Date(NOW.toISOString().slice(0, 10) + "T00:00:00Z"),
  counts: { customers: 800, orders: 2400 },
});
const shop = core.shop;
const SCOPES = ["read_customers", "write_customers", "read_orders"];
const graphql = devStoreAdmin(core, {
  scopes: SCOPES,
  bucketKey: "g",
});
/** Dormancy is counted in whole days of the shop's zone: Tokyo (UTC+9, no DST) midnight N days ago. */
const tokyoMidnightDaysAgo = (now: Date, days: number) =>
  Date.parse(
    `${new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+09:00`,
  ) -
  days * 86_400_000;
const settings: GroupSettings = {
  dormantDays: 90,
  pointsSource: "metafield:loyalty.points",
  engagedTags: "campaign-2026-spring,inquiry",
};

beforeAll(async () => {
  await resetDatabase(prisma);
  const done = new Promise<WebhookEvent>((resolve) =>
    core.onWebhook((e) => e.topic === "bulk_operations/finish" && resolve(e)),
  );
  const { id } = await startCustomerSync(prisma, shop, graphql);
  await onBulkFinished(prisma, shop, (await done).payload as never);
  const fetchFile = (async (url: string) =>
    new Response(
      Readable.toWeb(
        core.openBulkResult(String(url).match(/(\d+)\.jsonl$/)![1]) as Readable,
      ) as ReadableStream,
    )) as unknown as typeof fetch;
  await applyCustomerSync(prisma, id, graphql, fetchFile);
});

describe("customer groups", () => {
  it("count what an independent reading of the store counts", async () => {
    const s = core.state;
    const cutoff = tokyoMidnightDaysAgo(NOW, 90);
    const last = (c: (typeof s.customers)[number]) =>
      Math.max(...s.customerOrders(c).map((o) => Date.parse(o.processedAt)));
    const expected = {
      purchaseOnly: s.customers.filter(
        (c) => c.orderIds.length > 0 && c.state !== "ENABLED",
      ).length,
      registered: s.customers.filter((c) => c.state === "ENABLED").length,
      dormant: s.customers.filter(
        (c) => c.orderIds.length > 0 && last(c) < cutoff,
      ).length,
      engaged: s.customers.filter(
        (c) =>
          c.emailMarketing === "SUBSCRIBED" ||
          c.smsMarketing === "SUBSCRIBED" ||
          c.tags.includes("campaign-2026-spring") ||
          c.tags.includes("inquiry"),
      ).length,
      points: s.customers.filter((c) =>
        c.metafields.some(
          (m) =>
            m.namespace === "loyalty" &&
            m.key === "points" &&
            Number(m.value) > 0,
        ),
      ).length,
    };
    expect(await groupCounts(prisma, shop, settings, NOW)).toEqual(expected);
    expect(Object.values(expected).every((n) => n > 0)).toBe(true);
  });

  it("become native Shopify segments with the same members", async () => {
    await pushSegments(prisma, shop, graphql, settings);
    const links = await segmentLinks(prisma, shop);
    expect(links.filter((l) => l.segmentId && !l.error)).toHaveLength(5);
    const counts = await groupCounts(prisma, shop, settings, NOW);
    for (const link of links) {
      const body = await (
        await graphql(
          `
            query Members($id: ID!) {
              customerSegmentMembers(
                segmentId: $id
                first: 1
                timezone: "Asia/Tokyo"
              ) {
                totalCount
              }
            }
          `,
          { variables: { id: link.segmentId } },
        )
      ).json();
      expect(body.data.customerSegmentMembers.totalCount, link.group).toBe(
        counts[link.group as keyof typeof counts],
      );
    }
    // Pushing again updates the same segments instead of creating new ones.
    await pushSegments(prisma, shop, graphql, {
      ...settings,
      dormantDays: 200,
    });
    expect(core.state.segments).toHaveLength(5);
    expect(
      core.state.segments.find((g) => g.query.includes("last_order_date"))
        ?.query,
    ).toContain("-200d");
  });

  it("answer which groups a customer is in, for other features", async () => {
    await saveGroupSettings(prisma, shop, settings);
    const vip = core.state.customers.find(
      (c) =>
        c.state === "ENABLED" && c.orderIds.length > 0 && c.metafields.length,
    )!;
    const groups = await customerGroups(
      prisma,
      shop,
      String(vip.legacyId),
      NOW,
    );
    expect(groups).toContain("registered");
    expect(groups).toContain("points");
    expect(groups).not.toContain("purchaseOnly");
    expect(await customerGroups(prisma, shop, "1", NOW)).toEqual([]);
  });

  it("exports a group as CSV that spreadsheets open safely", async () => {
    const row = await prisma.customer.findFirstOrThrow({
      where: { shop, accountState: "ENABLED" },
    });
    await prisma.customer.update({
      where: { id: row.id },
      data: { firstName: '=HYPERLINK("http://x","花子")' },
    });
    const csv = await groupCsv(prisma, shop, "registered", settings, {
      timeZone: "Asia/Tokyo",
      currency: "JPY",
      now: NOW,
    });
    expect(csv.startsWith("\uFEFFcustomer_id,first_name,last_name,email")).toBe(
      true,
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""花子"")"`);
    // Amounts say in which currency they are.
    expect(csv.split("\r\n")[0]).toContain("amount_spent,currency,");
    expect(csv.split("\r\n")[1]).toMatch(/,\d+(\.\d+)?,JPY,/);
    // Last orders as the shop's clock shows them, not in UTC.
    expect(csv).toMatch(/,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00,/);
    expect(csv).not.toMatch(/\d\d\.\d{3}Z/);
    expect(csv.trim().split("\r\n").length - 1).toBe(
      (await groupCounts(prisma, shop, settings, NOW)).registered,
    );
  });
});

describe("home dashboard numbers", () => {
  it("match an independent reading of the store", async () => {
    const { getDashboard } = await import("~/dashboard/metrics.server");
    const d = await getDashboard(
      prisma,
      shop,
      { dormantDays: 90 },
      "Asia/Tokyo",
      NOW,
    );
    const s = core.state;
    const customerOrders = s.customers.map((c) =>
      s.customerOrders(c).map((o) => Date.parse(o.processedAt)),
    );
    const cutoff = tokyoMidnightDaysAgo(NOW, 90);
    expect(d.customers).toBe(s.customers.length);
    expect(d.fans).toBe(customerOrders.filter((t) => t.length >= 2).length);
    expect(d.active).toBe(
      customerOrders.filter((t) => t.length && Math.max(...t) >= cutoff).length,
    );
    expect(d.dormant).toBe(
      customerOrders.filter((t) => t.length && Math.max(...t) < cutoff).length,
    );
    expect(d.trend).toHaveLength(12);
    const thisMonthKey = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
    })
      .format(NOW)
      .slice(0, 7);
    expect(d.trend[11].month).toBe(thisMonthKey);
    expect(d.trend[11].orders).toBe(d.ordersThisMonth);
    const { monthStart } = await import("~/dashboard/metrics.server");
    const start = monthStart(NOW, "Asia/Tokyo").start.getTime();
    expect(d.ordersThisMonth).toBe(
      s.orders.filter((o) => o.customerId && Date.parse(o.processedAt) >= start)
        .length,
    );
    // Every month of the trend: orders by Tokyo calendar month, counted from the store directly.
    const byMonth = new Map<string, number>();
    for (const o of s.orders) {
      if (!o.customerId) continue;
      const key = new Date(Date.parse(o.processedAt) + 9 * 3_600_000)
        .toISOString()
        .slice(0, 7);
      byMonth.set(key, (byMonth.get(key) ?? 0) + 1);
    }
    expect(d.trend.map((m) => [m.month, m.orders])).toEqual(
      d.trend.map((m) => [m.month, byMonth.get(m.month) ?? 0]),
    );
    const firstOrder = new Map(
      s.customers.map((c) => [
        c.legacyId,
        Math.min(...s.customerOrders(c).map((o) => Date.parse(o.processedAt))),
      ]),
    );
    const repeat = s.orders.filter(
      (o) =>
        o.customerId &&
        Date.parse(o.processedAt) >= start &&
        firstOrder.get(o.customerId)! < Date.parse(o.processedAt),
    ).length;
    expect(d.repeatOrdersThisMonth).toBe(repeat);
    expect(d.trend.reduce((n, m) => n + m.repeatOrders, 0)).toBeGreaterThan(0);
    expect(d.repeatOrdersThisMonth).toBeLessThanOrEqual(d.ordersThisMonth);
  });
});
