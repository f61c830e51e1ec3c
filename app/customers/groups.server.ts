import { toCsv } from "../csv/csv";
import { requestStatsRebuild } from "../dashboard/stats.server";
import { type Prisma, type PrismaClient } from "@prisma/client";
import { z } from "zod";
import {
  GROUP_KEYS,
  dormantBefore,
  engagedTagList,
  groupsOf,
  parsePointsSource,
  pointsBalance,
  segmentQuery,
  type GroupKey,
  type GroupSettings,
} from "./groups";
import type { GraphQL } from "../admin-graphql";
import { shopTimeZone } from "../shops/shops.server";

const DEFAULTS: GroupSettings = {
  dormantDays: 120,
  pointsSource: null,
  engagedTags: "campaign,inquiry",
};

export async function getGroupSettings(
  db: PrismaClient,
  shop: string,
): Promise<GroupSettings> {
  const row = await db.groupSettings.findUnique({
    where: { shop },
    select: { dormantDays: true, pointsSource: true, engagedTags: true },
  });
  return row ?? DEFAULTS;
}

export async function saveGroupSettings(
  db: PrismaClient,
  shop: string,
  value: GroupSettings,
): Promise<void> {
  const before = await db.groupSettings.findUnique({
    where: { shop },
    select: { dormantDays: true },
  });
  await db.groupSettings.upsert({
    where: { shop },
    create: { shop, ...value },
    update: value,
  });
  // "Came back after a gap longer than the window" is counted with the window: recount.
  if ((before?.dormantDays ?? 120) !== value.dormantDays)
    await requestStatsRebuild(db, shop);
}

/** The rows of a group, as a database filter (points by metafield is finished in code). */
function where(
  shop: string,
  group: GroupKey,
  s: GroupSettings,
  cutoff: Date,
): Prisma.CustomerWhereInput {
  switch (group) {
    case "purchaseOnly":
      return {
        shop,
        ordersCount: { gt: 0 },
        OR: [{ accountState: null }, { accountState: { not: "ENABLED" } }],
      };
    case "registered":
      return { shop, accountState: "ENABLED" };
    case "dormant":
      return { shop, ordersCount: { gt: 0 }, lastOrderAt: { lt: cutoff } };
    case "engaged":
      return {
        shop,
        OR: [
          { emailConsent: "SUBSCRIBED" },
          { smsConsent: "SUBSCRIBED" },
          ...engagedTagList(s).map((t) => ({ tags: { contains: `,${t},` } })),
        ],
      };
    case "points": {
      const source = parsePointsSource(s.pointsSource);
      if (!source) return { shop, id: "" };
      return source.kind === "tag"
        ? { shop, tags: { contains: `,${source.tag},` } }
        : {
            shop,
            metafields: {
              contains:
                JSON.stringify(`${source.namespace}.${source.key}`) + ":",
            },
          };
    }
  }
}

const MEMBER = {
  customerId: true,
  firstName: true,
  lastName: true,
  email: true,
  locale: true,
  ordersCount: true,
  amountSpent: true,
  lastOrderAt: true,
  tags: true,
  metafields: true,
} as const;

async function membersOf(
  db: PrismaClient,
  shop: string,
  group: GroupKey,
  s: GroupSettings,
  now: Date,
  take?: number,
) {
  const cutoff = dormantBefore(
    now,
    await shopTimeZone(db, shop),
    s.dormantDays,
  );
  const rows = await db.customer.findMany({
    where: where(shop, group, s, cutoff),
    select: MEMBER,
    orderBy: { lastOrderAt: "desc" },
    ...(take && group !== "points" ? { take } : {}),
  });
  const source = parsePointsSource(s.pointsSource);
  const kept =
    group === "points"
      ? rows.filter((r) =>
          pointsBalance(
            { tags: r.tags, metafields: JSON.parse(r.metafields) },
            source,
          ),
        )
      : rows;
  return take ? kept.slice(0, take) : kept;
}

export async function groupCounts(
  db: PrismaClient,
  shop: string,
  s: GroupSettings,
  now = new Date(),
): Promise<Record<GroupKey, number>> {
  const cutoff = dormantBefore(
    now,
    await shopTimeZone(db, shop),
    s.dormantDays,
  );
  const entries = await Promise.all(
    GROUP_KEYS.map(
      async (g) =>
        [
          g,
          g === "points"
            ? (await membersOf(db, shop, g, s, now)).length
            : await db.customer.count({ where: where(shop, g, s, cutoff) }),
        ] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<GroupKey, number>;
}

export async function groupMembers(
  db: PrismaClient,
  shop: string,
  group: GroupKey,
  s: GroupSettings,
  take = 100,
  now = new Date(),
) {
  return (await membersOf(db, shop, group, s, now, take)).map(
    ({ metafields: _m, ...r }) => ({
      ...r,
      amountSpent: r.amountSpent.toString(),
    }),
  );
}

/**
 * CSV of a group's members; cells that a spreadsheet would run as formulas are neutralised,
 * dates are in the shop's time zone, and amounts name the shop's currency.
 */
export async function groupCsv(
  db: PrismaClient,
  shop: string,
  group: GroupKey,
  s: GroupSettings,
  {
    timeZone,
    currency,
    now = new Date(),
  }: { timeZone: string; currency: string; now?: Date },
): Promise<string> {
  const rows = await membersOf(db, shop, group, s, now);
  const header = [
    "customer_id",
    "first_name",
    "last_name",
    "email",
    "locale",
    "orders_count",
    "amount_spent",
    "currency",
    "last_order_at",
    "tags",
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.customerId,
      r.firstName,
      r.lastName,
      r.email,
      r.locale,
      r.ordersCount,
      r.amountSpent.toString(),
      currency,
      r.lastOrderAt,
      r.tags.split(",").filter(Boolean).join(" "),
    ]),
    timeZone,
  );
}

const SEGMENT_CREATE = `#graphql
  mutation CreateGroupSegment($name: String!, $query: String!) {
    segmentCreate(name: $name, query: $query) {
      segment { id }
      userErrors { field message }
    }
  }
`;

const SEGMENT_UPDATE = `#graphql
  mutation UpdateGroupSegment($id: ID!, $name: String!, $query: String!) {
    segmentUpdate(id: $id, name: $name, query: $query) {
      segment { id }
      userErrors { field message }
    }
  }
`;

const result = z.object({
  data: z.record(
    z.object({
      segment: z.object({ id: z.string() }).nullable(),
      userErrors: z.array(z.object({ message: z.string() })),
    }),
  ),
});

export const SEGMENT_NAMES: Record<GroupKey, string> = {
  purchaseOnly: "Tsunagu · 購入のみ / Purchase-only",
  registered: "Tsunagu · 会員 / Members",
  dormant: "Tsunagu · 休眠 / Dormant",
  engaged: "Tsunagu · エンゲージ / Engaged",
  points: "Tsunagu · ポイント保有 / Points holders",
};

/** Creates or updates one native Shopify segment per expressible group. */
export async function pushSegments(
  db: PrismaClient,
  shop: string,
  graphql: GraphQL,
  s: GroupSettings,
) {
  for (const group of GROUP_KEYS) {
    const q = segmentQuery(group, s);
    if ("unsupported" in q) continue;
    const link = await db.segmentLink.findUnique({
      where: { shop_group: { shop, group } },
      select: { segmentId: true },
    });
    const response = link?.segmentId
      ? await graphql(SEGMENT_UPDATE, {
          variables: {
            id: link.segmentId,
            name: SEGMENT_NAMES[group],
            query: q.query,
          },
        })
      : await graphql(SEGMENT_CREATE, {
          variables: { name: SEGMENT_NAMES[group], query: q.query },
        });
    const payload = Object.values(result.parse(await response.json()).data)[0];
    const error = payload.userErrors.map((e) => e.message).join("; ") || null;
    const segmentId = payload.segment?.id ?? link?.segmentId ?? null;
    await db.segmentLink.upsert({
      where: { shop_group: { shop, group } },
      create: { shop, group, segmentId, query: q.query, error },
      update: { segmentId, query: q.query, error, syncedAt: new Date() },
    });
  }
}

export async function segmentLinks(db: PrismaClient, shop: string) {
  return db.segmentLink.findMany({
    where: { shop },
    select: {
      group: true,
      segmentId: true,
      query: true,
      error: true,
      syncedAt: true,
    },
  });
}

/** Which groups a customer is in, for other features (follow-up conditions, survey targeting). */
export async function customerGroups(
  db: PrismaClient,
  shop: string,
  customerId: string,
  now = new Date(),
): Promise<GroupKey[]> {
  const [row, settings, timeZone] = await Promise.all([
    db.customer.findUnique({
      where: { shop_customerId: { shop, customerId } },
      select: {
        ordersCount: true,
        accountState: true,
        lastOrderAt: true,
        emailConsent: true,
        smsConsent: true,
        tags: true,
        metafields: true,
      },
    }),
    getGroupSettings(db, shop),
    shopTimeZone(db, shop),
  ]);
  if (!row) return [];
  return groupsOf(
    {
      ...row,
      metafields: JSON.parse(row.metafields) as Record<string, string>,
    },
    settings,
    now,
    timeZone,
  );
}
