import { LocalCalendar } from "../dashboard/contrib";

/**
 * The five customer groups, as pure rules: who is in which group, and how each group is said in
 * Shopify's customer segment language (or why it cannot be).
 */
export const GROUP_KEYS = [
  "purchaseOnly",
  "registered",
  "dormant",
  "engaged",
  "points",
] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

export interface GroupSettings {
  dormantDays: number;
  pointsSource: string | null;
  engagedTags: string;
}

export interface GroupFacts {
  ordersCount: number;
  accountState: string | null;
  lastOrderAt: Date | null;
  emailConsent: string | null;
  smsConsent: string | null;
  tags: string; // ",a,b,"
  metafields: Record<string, string>;
}

export type PointsSource =
  | { kind: "tag"; tag: string }
  | { kind: "metafield"; namespace: string; key: string };

/** The longest tag we accept, in characters, so a merchant's error can name it. */
export const TAG_MAX_LENGTH = 100;
// A tag goes into a segment query between single quotes: no quotes, backslashes or control
// characters; anything else a merchant tags with (【会員】, キャンペーン・応募, #vip) is fine.
const TAG_CHARS = /^[^'"`\\\p{Cc}]+$/u;
/** What is wrong with one tag, if anything: each problem has its own message. */
export function tagProblem(
  tag: string,
): "groups.error.tagLength" | "groups.error.tags" | null {
  if (!TAG_CHARS.test(tag)) return "groups.error.tags";
  if (Array.from(tag).length > TAG_MAX_LENGTH) return "groups.error.tagLength";
  return null;
}
/** A list of tags as merchants type it: commas, or Japanese 、 and ，; full-width spaces trimmed too. */
export function tagList(text: string): string[] {
  return text
    .split(/[,、，]/)
    .map((t) => t.replace(/\u3000/g, " ").trim())
    .filter(Boolean);
}
const validTag = (tag: string) => tagProblem(tag) === null;
const IDENT = /^[A-Za-z0-9_-]{1,64}$/;

export function parsePointsSource(
  value: string | null | undefined,
): PointsSource | null {
  if (!value) return null;
  const tag = /^tag:(.+)$/.exec(value);
  if (tag && validTag(tag[1])) return { kind: "tag", tag: tag[1] };
  const mf = /^metafield:([^.]+)\.(.+)$/.exec(value);
  if (mf && IDENT.test(mf[1]) && IDENT.test(mf[2]))
    return { kind: "metafield", namespace: mf[1], key: mf[2] };
  return null;
}

export function engagedTagList(
  settings: Pick<GroupSettings, "engagedTags">,
): string[] {
  return tagList(settings.engagedTags).filter((t) => validTag(t));
}

/** Field-level problems with a settings form, as message keys. */
export function validateSettings(input: {
  dormantDays: unknown;
  pointsSource: unknown;
  engagedTags: unknown;
}) {
  const errors: Partial<
    Record<
      keyof GroupSettings,
      | "groups.error.days"
      | "groups.error.points"
      | "groups.error.tags"
      | "groups.error.tagLength"
      | "groups.error.pointsTag"
    >
  > = {};
  const days = Number(input.dormantDays);
  if (!Number.isInteger(days) || days < 7 || days > 1095)
    errors.dormantDays = "groups.error.days";
  const points =
    typeof input.pointsSource === "string" ? input.pointsSource.trim() : "";
  // A tag source that is only too long, or has a character a query cannot hold, says which.
  const pointsTag = /^tag:(.+)$/.exec(points)?.[1];
  const pointsTagProblem =
    pointsTag === undefined ? null : tagProblem(pointsTag);
  if (points && !parsePointsSource(points))
    errors.pointsSource =
      pointsTagProblem === "groups.error.tags"
        ? "groups.error.pointsTag"
        : (pointsTagProblem ?? "groups.error.points");
  const tags = tagList(
    typeof input.engagedTags === "string" ? input.engagedTags : "",
  );
  const problems = tags.map(tagProblem);
  const problem =
    problems.find((p) => p === "groups.error.tags") ??
    problems.find((p) => p !== null);
  if (problem) errors.engagedTags = problem;
  const value: GroupSettings = {
    dormantDays: days,
    pointsSource: points || null,
    engagedTags: tags.join(","),
  };
  return { errors, value };
}

export function pointsBalance(
  facts: Pick<GroupFacts, "tags" | "metafields">,
  source: PointsSource | null,
): boolean {
  if (!source) return false;
  if (source.kind === "tag") return facts.tags.includes(`,${source.tag},`);
  const raw = facts.metafields[`${source.namespace}.${source.key}`];
  return raw !== undefined && Number(raw) > 0;
}

/**
 * Dormant means no order since local midnight `dormantDays` days ago, in the shop's time zone:
 * whole days, like Shopify's segment filter `last_order_date < -Nd`, and the same line the
 * dashboard's day histogram draws.
 */
export function dormantBefore(
  now: Date,
  timeZone: string,
  dormantDays: number,
): Date {
  return new LocalCalendar(timeZone).startOfDay(now, -dormantDays);
}

export function groupsOf(
  c: GroupFacts,
  settings: GroupSettings,
  now: Date,
  timeZone = "UTC",
): GroupKey[] {
  const out: GroupKey[] = [];
  const bought = c.ordersCount > 0;
  if (bought && c.accountState !== "ENABLED") out.push("purchaseOnly");
  if (c.accountState === "ENABLED") out.push("registered");
  if (
    bought &&
    c.lastOrderAt &&
    c.lastOrderAt < dormantBefore(now, timeZone, settings.dormantDays)
  )
    out.push("dormant");
  const engagedTag = engagedTagList(settings).some((t) =>
    c.tags.includes(`,${t},`),
  );
  if (
    c.emailConsent === "SUBSCRIBED" ||
    c.smsConsent === "SUBSCRIBED" ||
    engagedTag
  )
    out.push("engaged");
  if (pointsBalance(c, parsePointsSource(settings.pointsSource)))
    out.push("points");
  return out;
}

/** The group as a Shopify segment query, or why it cannot be one. */
export function segmentQuery(
  group: GroupKey,
  settings: GroupSettings,
): { query: string } | { unsupported: "groups.unsupported.points" } {
  switch (group) {
    case "purchaseOnly":
      return {
        query: "number_of_orders > 0 AND customer_account_status != 'ENABLED'",
      };
    case "registered":
      return { query: "customer_account_status = 'ENABLED'" };
    case "dormant":
      return {
        query: `number_of_orders > 0 AND last_order_date < -${Math.trunc(settings.dormantDays)}d`,
      };
    case "engaged": {
      // Consent and tags are Shopify data. Survey answers (when surveys land) are not, and will be
      // carried by a tag the app maintains.
      const tags = engagedTagList(settings).map(
        (t) => `customer_tags CONTAINS '${t}'`,
      );
      return {
        query: [
          "email_subscription_status = 'SUBSCRIBED'",
          "sms_subscription_status = 'SUBSCRIBED'",
          ...tags,
        ].join(" OR "),
      };
    }
    case "points": {
      const source = parsePointsSource(settings.pointsSource);
      if (!source) return { unsupported: "groups.unsupported.points" };
      return {
        query:
          source.kind === "tag"
            ? `customer_tags CONTAINS '${source.tag}'`
            : `metafields.${source.namespace}.${source.key} > 0`,
      };
    }
  }
}

/**
 * Why a group's page is empty when the merchant can do something about it: the points group
 * counts no one until the points tag or metafield is named in the group definitions.
 */
export function emptyGroupHint(
  group: GroupKey,
  settings: Pick<GroupSettings, "pointsSource">,
): "points" | null {
  return group === "points" && !parsePointsSource(settings.pointsSource)
    ? "points"
    : null;
}

/** A group's page lists the most recent buyers, at most this many; the CSV export has them all. */
export const MEMBERS_SHOWN = 100;

/** What the list says it shows: everyone when fewer than the page holds, else the most recent. */
export const membersShownKey = (count: number) =>
  count < MEMBERS_SHOWN
    ? ("groups.showingAll" as const)
    : ("groups.showing" as const);
