import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { isUniqueViolation } from "../jobs/queue.server";
import { enqueueJob } from "../jobs/queue.server";
import {
  npsCounts,
  type Choice,
  type SurveyInput,
  type SurveyKind,
} from "./definition";
import type { GraphQL } from "../admin-graphql";
import { orderAnswerKeys } from "./answer-keys";
import { emailResponseKey, type LinkClaims } from "./email-link";
import { shopTimeZone } from "../shops/shops.server";

export const SURVEY_ANALYZE_JOB = "survey.analyze";
export const SURVEYS_PUBLISH_JOB = "surveys.publish";

export interface StoredSurvey {
  id: string;
  kind: SurveyKind;
  question: Record<string, string>;
  choices: Choice[];
  followUp: boolean;
  placements: string[];
  audience: string;
  locales: string[];
  cooldownDays: number;
  active: boolean;
}

const toStored = (r: {
  id: string;
  kind: string;
  question: string;
  choices: string;
  followUp: boolean;
  placements: string;
  audience: string;
  locales: string;
  cooldownDays: number;
  active: boolean;
}): StoredSurvey => ({
  ...r,
  kind: r.kind as SurveyKind,
  question: JSON.parse(r.question) as Record<string, string>,
  choices: JSON.parse(r.choices) as Choice[],
  placements: r.placements.split(",").filter(Boolean),
  locales: r.locales.split(",").filter(Boolean),
});

const SELECT = {
  id: true,
  kind: true,
  question: true,
  choices: true,
  followUp: true,
  placements: true,
  audience: true,
  locales: true,
  cooldownDays: true,
  active: true,
} as const;

export async function listSurveys(
  db: PrismaClient,
  shop: string,
): Promise<StoredSurvey[]> {
  return (
    await db.survey.findMany({
      where: { shop },
      orderBy: { createdAt: "asc" },
      select: SELECT,
    })
  ).map(toStored);
}

export async function getSurvey(
  db: PrismaClient,
  shop: string,
  id: string,
): Promise<StoredSurvey | null> {
  const row = await db.survey.findFirst({
    where: { shop, id },
    select: SELECT,
  });
  return row ? toStored(row) : null;
}

/**
 * The survey a follow-up's {{ survey_link }} asks: the shop's first active NPS or CSAT survey
 * asked by email link (only those have one link per score). Null: the link is empty.
 */
export async function emailFollowupSurvey(
  db: PrismaClient,
  shop: string,
): Promise<{ id: string; kind: "nps" | "csat" } | null> {
  const row = await db.survey.findFirst({
    where: {
      shop,
      active: true,
      placements: { contains: "email" },
      kind: { in: ["nps", "csat"] },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true },
  });
  return row ? { id: row.id, kind: row.kind as "nps" | "csat" } : null;
}

export async function saveSurvey(
  db: PrismaClient,
  shop: string,
  id: string | null,
  input: SurveyInput,
): Promise<string | null> {
  const data = {
    kind: input.kind,
    question: JSON.stringify(input.question),
    choices: JSON.stringify(input.choices),
    followUp: input.followUp,
    placements: input.placements.join(","),
    audience: input.audience,
    locales: input.locales.join(","),
    cooldownDays: input.cooldownDays,
    active: input.active,
  };
  if (!id)
    return (
      await db.survey.create({ data: { shop, ...data }, select: { id: true } })
    ).id;
  const { count } = await db.survey.updateMany({ where: { shop, id }, data });
  return count ? id : null;
}

const SET = `#graphql
  mutation SurveysPublish($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { key }
      userErrors { field message }
    }
  }
`;
const INSTALLATION = `#graphql
  query SurveysInstallation {
    currentAppInstallation { id }
  }
`;

/** The surveys the storefront block shows: active, and placed in the block. */
async function blockSurveys(db: PrismaClient, shop: string) {
  return (await listSurveys(db, shop)).filter(
    (s) => s.active && s.placements.includes("block"),
  );
}

/**
 * The storefront block reads the active block surveys from an app-data metafield, so the page
 * asks the app nothing until the shopper answers.
 */
export async function publishSurveys(
  db: PrismaClient,
  shop: string,
  graphql: GraphQL,
): Promise<void> {
  const surveys = await blockSurveys(db, shop);
  const value = JSON.stringify({
    v: 1,
    surveys: surveys.map((s) => ({
      id: s.id,
      kind: s.kind,
      q: s.question,
      choices: s.choices,
      follow_up: s.followUp,
      audience: s.audience,
      locales: s.locales,
      cooldown: s.cooldownDays,
    })),
  });
  const installation = z
    .object({
      data: z.object({ currentAppInstallation: z.object({ id: z.string() }) }),
    })
    .parse(await (await graphql(INSTALLATION)).json());
  const result = z
    .object({
      data: z.object({
        metafieldsSet: z.object({
          userErrors: z.array(z.object({ message: z.string() })),
        }),
      }),
    })
    .parse(
      await (
        await graphql(SET, {
          variables: {
            metafields: [
              {
                ownerId: installation.data.currentAppInstallation.id,
                namespace: "tsunagu",
                key: "surveys",
                type: "json",
                value,
              },
            ],
          },
        })
      ).json(),
    );
  if (result.data.metafieldsSet.userErrors.length)
    throw new Error(
      result.data.metafieldsSet.userErrors.map((e) => e.message).join("; "),
    );
}

const PUBLISHED = `#graphql
  query SurveysPublished {
    currentAppInstallation {
      metafield(namespace: "tsunagu", key: "surveys") { id }
    }
  }
`;

/**
 * A store that installs the app again (or a development store started afresh) has lost the
 * surveys metafield with the app's installation: the block would show no survey until the
 * merchant next saved one. Queues a publish when the shop has an active block survey and the
 * store has no surveys metafield; run after each token exchange (`afterAuth`), it queues nothing
 * while the store has it. When the read fails it queues anyway: publishing again is harmless,
 * and the sign-in that called this must not fail for it.
 */
export async function republishSurveysAfterInstall(
  db: PrismaClient,
  shop: string,
  graphql: GraphQL,
  now = Date.now(),
): Promise<boolean> {
  if (!(await blockSurveys(db, shop)).length) return false;
  try {
    const read = z
      .object({
        data: z.object({
          currentAppInstallation: z.object({
            metafield: z.object({ id: z.string() }).nullable(),
          }),
        }),
      })
      .parse(await (await graphql(PUBLISHED)).json());
    if (read.data.currentAppInstallation.metafield) return false;
  } catch {
    // Not known whether the store has it: publish.
  }
  // Sign-ins in the same minute share one publish.
  await enqueueJob(db, {
    shop,
    type: SURVEYS_PUBLISH_JOB,
    key: `${SURVEYS_PUBLISH_JOB}:${shop}:${Math.floor(now / 60_000)}`,
    payload: {},
    maxAttempts: 5,
  });
  return true;
}

export type RecordOutcome = "recorded" | "duplicate" | "cooldown";

/** An order's answer to a survey, whichever channel brought it and whenever (see answer-keys.ts). */
export async function orderAnswer(
  db: PrismaClient,
  shop: string,
  surveyId: string,
  orderId: string,
) {
  return db.surveyResponse.findFirst({
    where: { shop, responseKey: { in: orderAnswerKeys(surveyId, orderId) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, score: true, comment: true, responseKey: true },
  });
}

/** The answer an email score link stands for: its order's (from any channel), else its own. */
export async function linkAnswer(
  db: PrismaClient,
  c: Pick<LinkClaims, "shop" | "survey" | "customer" | "order">,
) {
  if (c.order) return orderAnswer(db, c.shop, c.survey, c.order);
  return db.surveyResponse.findFirst({
    where: { shop: c.shop, responseKey: emailResponseKey(c) },
    select: { id: true, score: true, comment: true, responseKey: true },
  });
}

/**
 * Stores one answer. A logged-in customer is not asked the same survey again within its window
 * (a second answer inside it is refused); the same submission (response key) counts once, and so
 * does an order: a second answer to the same survey for it, from any channel, is a duplicate.
 */
export async function recordResponse(
  db: PrismaClient,
  shop: string,
  survey: Pick<StoredSurvey, "id" | "cooldownDays">,
  answer: {
    channel: string;
    score: number | null;
    choice: string | null;
    comment: string;
    locale: string;
    customerId: string | null;
    orderId?: string | null;
    responseKey?: string | null;
  },
  now = new Date(),
): Promise<{ outcome: RecordOutcome; id?: string }> {
  if (answer.customerId && survey.cooldownDays > 0) {
    const since = new Date(now.getTime() - survey.cooldownDays * 86_400_000);
    const recent = await db.surveyResponse.findFirst({
      where: {
        shop,
        surveyId: survey.id,
        customerId: answer.customerId,
        createdAt: { gte: since },
      },
      select: { id: true, responseKey: true },
    });
    if (recent)
      return {
        outcome:
          recent.responseKey && recent.responseKey === answer.responseKey
            ? "duplicate"
            : "cooldown",
        id: recent.id,
      };
  }
  // Answers stored under the keys channels used before they shared one are not covered by the
  // unique key; today's answers are.
  if (answer.orderId) {
    const prior = await orderAnswer(db, shop, survey.id, answer.orderId);
    if (prior) return { outcome: "duplicate", id: prior.id };
  }
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.surveyResponse.create({
        data: {
          shop,
          surveyId: survey.id,
          channel: answer.channel,
          score: answer.score,
          choice: answer.choice,
          comment: answer.comment,
          locale: answer.locale,
          customerId: answer.customerId,
          orderId: answer.orderId ?? null,
          responseKey: answer.responseKey ?? null,
          createdAt: now,
        },
        select: { id: true },
      });
      if (answer.comment)
        await enqueueJob(tx, {
          shop,
          type: SURVEY_ANALYZE_JOB,
          key: `${SURVEY_ANALYZE_JOB}:${created.id}`,
          payload: { responseId: created.id },
        });
      return created;
    });
    return { outcome: "recorded", id: row.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: "duplicate" };
    throw error;
  }
}

/**
 * "YYYY-MM" of a moment in a time zone: the shop's month, so an answer at 00:00–09:00 JST on the
 * 1st counts for that month, not the one before (UTC). An unknown zone falls back to UTC.
 */
export function monthIn(timeZone: string): (at: Date) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
    });
  } catch {
    return (at) => at.toISOString().slice(0, 7);
  }
  return (at) => {
    const parts = format.formatToParts(at);
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    return `${part("year")}-${part("month")}`;
  };
}

/** The survey dashboard: counts first (responses, promoters, passives, detractors), then NPS. */
export async function surveyDashboard(
  db: PrismaClient,
  shop: string,
  days = 365,
  now = new Date(),
) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await db.surveyResponse.findMany({
    where: { shop, createdAt: { gte: since } },
    select: {
      surveyId: true,
      channel: true,
      score: true,
      choice: true,
      locale: true,
      createdAt: true,
    },
  });
  const kinds = new Map(
    (
      await db.survey.findMany({
        where: { shop },
        select: { id: true, kind: true },
      })
    ).map((s) => [s.id, s.kind]),
  );
  const month = monthIn(await shopTimeZone(db, shop));
  const npsRows = rows.filter(
    (r) => kinds.get(r.surveyId) === "nps" && r.score !== null,
  );
  const by = (key: (r: (typeof npsRows)[number]) => string) => {
    const groups = new Map<string, number[]>();
    for (const r of npsRows)
      groups.set(key(r), [...(groups.get(key(r)) ?? []), r.score!]);
    return [...groups]
      .map(([k, scores]) => ({ key: k, ...npsCounts(scores) }))
      .sort((a, b) => a.key.localeCompare(b.key));
  };
  return {
    total: rows.length,
    nps: npsCounts(npsRows.map((r) => r.score!)),
    byChannel: by((r) => r.channel),
    byLocale: by((r) => r.locale),
    byMonth: by((r) => month(r.createdAt)),
  };
}

export async function commentsFeed(
  db: PrismaClient,
  shop: string,
  filter: { sentiment?: string; loyalty?: string; take?: number },
) {
  return db.surveyResponse.findMany({
    where: {
      shop,
      comment: { not: "" },
      ...(filter.sentiment ? { sentiment: filter.sentiment } : {}),
      ...(filter.loyalty ? { loyalty: filter.loyalty } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: filter.take ?? 100,
    select: {
      id: true,
      surveyId: true,
      channel: true,
      score: true,
      choice: true,
      comment: true,
      locale: true,
      sentiment: true,
      loyalty: true,
      cues: true,
      createdAt: true,
    },
  });
}

/** Detractors (0–6) and negative comments the merchant has not followed up yet, newest first. */
export async function followUpItems(db: PrismaClient, shop: string, take = 50) {
  const npsIds = (
    await db.survey.findMany({
      where: { shop, kind: "nps" },
      select: { id: true },
    })
  ).map((s) => s.id);
  return db.surveyResponse.findMany({
    where: {
      shop,
      followedUpAt: null,
      OR: [
        { surveyId: { in: npsIds }, score: { lte: 6 } },
        { sentiment: "negative" },
      ],
    },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      surveyId: true,
      channel: true,
      score: true,
      comment: true,
      locale: true,
      customerId: true,
      orderId: true,
      sentiment: true,
      createdAt: true,
    },
  });
}

export async function getResponse(db: PrismaClient, shop: string, id: string) {
  return db.surveyResponse.findFirst({ where: { shop, id } });
}

export async function markFollowedUp(
  db: PrismaClient,
  shop: string,
  id: string,
  done: boolean,
  now = new Date(),
): Promise<boolean> {
  const { count } = await db.surveyResponse.updateMany({
    where: { shop, id },
    data: { followedUpAt: done ? now : null },
  });
  return count > 0;
}

export interface ProductVoice {
  productId: string;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
  /** Analysed comments about this product by loyalty type. */
  loyalty: { psychological: number; behavioral: number; none: number };
}

/**
 * Answers by the products the customer bought: the answer's own order (thank-you page, email) or
 * else the customer's latest order before answering. Anonymous block answers have no product.
 */
export async function voiceByProduct(
  db: PrismaClient,
  shop: string,
  days = 365,
  now = new Date(),
): Promise<ProductVoice[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const responses = await db.surveyResponse.findMany({
    where: {
      shop,
      createdAt: { gte: since },
      OR: [{ orderId: { not: null } }, { customerId: { not: null } }],
    },
    select: {
      surveyId: true,
      score: true,
      loyalty: true,
      orderId: true,
      customerId: true,
      createdAt: true,
    },
  });
  if (!responses.length) return [];
  const kinds = new Map(
    (
      await db.survey.findMany({
        where: { shop },
        select: { id: true, kind: true },
      })
    ).map((s) => [s.id, s.kind]),
  );
  const orderIds = [
    ...new Set(responses.map((r) => r.orderId).filter((x): x is string => !!x)),
  ];
  const customerIds = [
    ...new Set(responses.filter((r) => !r.orderId).map((r) => r.customerId!)),
  ];
  const byOrder = new Map<string, string[]>();
  const byCustomer = new Map<string, { at: Date; products: string[] }[]>();
  for (let i = 0; i < orderIds.length; i += 500) {
    for (const o of await db.order.findMany({
      where: { shop, orderId: { in: orderIds.slice(i, i + 500) } },
      select: { orderId: true, productIds: true },
    }))
      byOrder.set(o.orderId, o.productIds.split(",").filter(Boolean));
  }
  for (let i = 0; i < customerIds.length; i += 500) {
    const orders = await db.order.findMany({
      where: {
        shop,
        customerId: { in: customerIds.slice(i, i + 500) },
        processedAt: { lte: now },
      },
      orderBy: { processedAt: "desc" },
      select: { customerId: true, processedAt: true, productIds: true },
    });
    for (const o of orders) {
      const list = byCustomer.get(o.customerId!) ?? [];
      list.push({
        at: o.processedAt,
        products: o.productIds.split(",").filter(Boolean),
      });
      byCustomer.set(o.customerId!, list);
    }
  }
  const totals = new Map<
    string,
    { scores: number[]; loyalty: ProductVoice["loyalty"] }
  >();
  for (const r of responses) {
    const products = r.orderId
      ? (byOrder.get(r.orderId) ?? [])
      : (byCustomer.get(r.customerId!)?.find((o) => o.at <= r.createdAt)
          ?.products ?? []);
    for (const p of new Set(products)) {
      const t = totals.get(p) ?? {
        scores: [],
        loyalty: { psychological: 0, behavioral: 0, none: 0 },
      };
      if (kinds.get(r.surveyId) === "nps" && r.score !== null)
        t.scores.push(r.score);
      if (
        r.loyalty === "psychological" ||
        r.loyalty === "behavioral" ||
        r.loyalty === "none"
      )
        t.loyalty[r.loyalty]++;
      totals.set(p, t);
    }
  }
  return [...totals]
    .map(([productId, t]) => ({
      productId,
      ...npsCounts(t.scores),
      loyalty: t.loyalty,
    }))
    .sort(
      (a, b) =>
        b.responses +
          (b.loyalty.psychological + b.loyalty.behavioral) -
          (a.responses + a.loyalty.psychological + a.loyalty.behavioral) ||
        a.productId.localeCompare(b.productId),
    );
}

const PRODUCT_TITLES = `#graphql
  query SurveyProductTitles($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product { id title }
    }
  }
`;

/** Titles of products by numeric id, for the dashboard (missing or deleted products are left out). */
export async function productTitles(
  graphql: GraphQL,
  ids: string[],
): Promise<Record<string, string>> {
  if (!ids.length) return {};
  const result = z
    .object({
      data: z.object({
        nodes: z.array(
          z
            .object({ id: z.string().optional(), title: z.string().optional() })
            .nullable(),
        ),
      }),
    })
    .parse(
      await (
        await graphql(PRODUCT_TITLES, {
          variables: {
            ids: ids.slice(0, 100).map((id) => `gid://shopify/Product/${id}`),
          },
        })
      ).json(),
    );
  return Object.fromEntries(
    result.data.nodes
      .filter((n): n is { id: string; title: string } => !!n?.id && !!n.title)
      .map((n) => [n.id.split("/").pop()!, n.title]),
  );
}

const CUSTOMER_ORDERS = `#graphql
  query FollowUpCustomerOrders($id: ID!) {
    customer(id: $id) {
      id
      numberOfOrders
      orders(first: 5, reverse: true, sortKey: PROCESSED_AT) {
        nodes {
          id
          name
          processedAt
          displayFulfillmentStatus
          totalPriceSet { shopMoney { amount currencyCode } }
          lineItems(first: 5) { nodes { title quantity } }
        }
      }
    }
  }
`;

const customerOrders = z.object({
  data: z.object({
    customer: z
      .object({
        numberOfOrders: z.union([z.string(), z.number()]),
        orders: z.object({
          nodes: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              processedAt: z.string(),
              displayFulfillmentStatus: z.string(),
              totalPriceSet: z.object({
                shopMoney: z.object({
                  amount: z.string(),
                  currencyCode: z.string(),
                }),
              }),
              lineItems: z.object({
                nodes: z.array(
                  z.object({ title: z.string(), quantity: z.number() }),
                ),
              }),
            }),
          ),
        }),
      })
      .nullable(),
  }),
});

/** A customer's recent orders from the Admin API, for a follow-up item. */
export async function recentOrders(graphql: GraphQL, customerId: string) {
  const result = customerOrders.parse(
    await (
      await graphql(CUSTOMER_ORDERS, {
        variables: { id: `gid://shopify/Customer/${customerId}` },
      })
    ).json(),
  );
  const c = result.data.customer;
  if (!c) return null;
  return {
    numberOfOrders: Number(c.numberOfOrders),
    orders: c.orders.nodes.map((o) => ({
      id: o.id.split("/").pop()!,
      name: o.name,
      processedAt: o.processedAt,
      status: o.displayFulfillmentStatus,
      total: o.totalPriceSet.shopMoney,
      items: o.lineItems.nodes,
    })),
  };
}

/** Every comment as CSV rows (text cells guarded against formula injection by toCsv). */
export async function commentsCsvRows(
  db: PrismaClient,
  shop: string,
  filter: { sentiment?: string; loyalty?: string },
) {
  const rows = await db.surveyResponse.findMany({
    where: {
      shop,
      comment: { not: "" },
      ...(filter.sentiment ? { sentiment: filter.sentiment } : {}),
      ...(filter.loyalty ? { loyalty: filter.loyalty } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 100_000,
    select: {
      createdAt: true,
      surveyId: true,
      channel: true,
      locale: true,
      score: true,
      choice: true,
      comment: true,
      sentiment: true,
      loyalty: true,
      customerId: true,
      orderId: true,
    },
  });
  return rows.map((r) => [
    r.createdAt,
    r.surveyId,
    r.channel,
    r.locale,
    r.score,
    r.choice,
    r.comment,
    r.sentiment,
    r.loyalty,
    r.customerId,
    r.orderId,
  ]);
}
export const COMMENTS_CSV_HEADER = [
  "created_at",
  "survey_id",
  "channel",
  "locale",
  "score",
  "choice",
  "comment",
  "sentiment",
  "loyalty",
  "customer_id",
  "order_id",
] as const;

/** Adds the follow-up comment to an answer that has none yet (once), and queues its analysis. */
export async function addComment(
  db: PrismaClient,
  shop: string,
  responseKey: string,
  comment: string,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.surveyResponse.findFirst({
      where: { shop, responseKey, comment: "" },
      select: { id: true },
    });
    if (!row) return false;
    const { count } = await tx.surveyResponse.updateMany({
      where: { id: row.id, comment: "" },
      data: { comment },
    });
    if (!count) return false;
    await enqueueJob(tx, {
      shop,
      type: SURVEY_ANALYZE_JOB,
      key: `${SURVEY_ANALYZE_JOB}:${row.id}`,
      payload: { responseId: row.id },
    });
    return true;
  });
}
