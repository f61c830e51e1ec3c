import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import {
  groupsOf,
  parsePointsSource,
  segmentQuery,
  emptyGroupHint,
  membersShownKey,
  MEMBERS_SHOWN,
  validateSettings,
  tagProblem,
  TAG_MAX_LENGTH,
  type GroupFacts,
} from "./groups";

const now = new Date("2026-11-01T00:00:00Z");
const settings = {
  dormantDays: 120,
  pointsSource: "metafield:loyalty.points",
  engagedTags: "campaign,問い合わせ",
};
const base: GroupFacts = {
  ordersCount: 0,
  accountState: "DISABLED",
  lastOrderAt: null,
  emailConsent: "NOT_SUBSCRIBED",
  smsConsent: null,
  tags: "",
  metafields: {},
};
const days = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe("customer groups", () => {
  it("sorts a guest-like buyer, a member, a dormant buyer, an engaged one and a points holder", () => {
    expect(
      groupsOf(
        { ...base, ordersCount: 1, lastOrderAt: days(10) },
        settings,
        now,
      ),
    ).toEqual(["purchaseOnly"]);
    expect(
      groupsOf({ ...base, accountState: "ENABLED" }, settings, now),
    ).toEqual(["registered"]);
    expect(
      groupsOf(
        {
          ...base,
          ordersCount: 3,
          accountState: "ENABLED",
          lastOrderAt: days(121),
        },
        settings,
        now,
      ),
    ).toEqual(["registered", "dormant"]);
    expect(
      groupsOf(
        {
          ...base,
          ordersCount: 3,
          accountState: "ENABLED",
          lastOrderAt: days(119),
        },
        settings,
        now,
      ),
    ).toEqual(["registered"]);
    expect(groupsOf({ ...base, tags: ",問い合わせ," }, settings, now)).toEqual([
      "engaged",
    ]);
    expect(
      groupsOf({ ...base, emailConsent: "SUBSCRIBED" }, settings, now),
    ).toEqual(["engaged"]);
    expect(
      groupsOf(
        { ...base, metafields: { "loyalty.points": "120" } },
        settings,
        now,
      ),
    ).toEqual(["points"]);
    expect(
      groupsOf(
        { ...base, metafields: { "loyalty.points": "0" } },
        settings,
        now,
      ),
    ).toEqual([]);
  });

  it("follows the merchant's dormancy window", () => {
    const c = { ...base, ordersCount: 1, lastOrderAt: days(40) };
    expect(groupsOf(c, { ...settings, dormantDays: 30 }, now)).toContain(
      "dormant",
    );
    expect(groupsOf(c, settings, now)).not.toContain("dormant");
  });

  it("draws the dormancy line at local midnight in the shop's time zone, in whole days", () => {
    // 2026-11-01T00:00Z is 09:00 in Tokyo; the line is Tokyo midnight 120 days before, 2026-07-03T15:00Z.
    const justBefore = {
      ...base,
      ordersCount: 1,
      lastOrderAt: new Date("2026-07-03T14:59:59Z"),
    };
    const justAfter = {
      ...base,
      ordersCount: 1,
      lastOrderAt: new Date("2026-07-03T15:00:00Z"),
    };
    expect(groupsOf(justBefore, settings, now, "Asia/Tokyo")).toContain(
      "dormant",
    );
    expect(groupsOf(justAfter, settings, now, "Asia/Tokyo")).not.toContain(
      "dormant",
    );
  });

  it("says each group in Shopify's segment language, or why not", () => {
    expect(segmentQuery("dormant", { ...settings, dormantDays: 90 })).toEqual({
      query: "number_of_orders > 0 AND last_order_date < -90d",
    });
    expect(segmentQuery("points", settings)).toEqual({
      query: "metafields.loyalty.points > 0",
    });
    expect(
      segmentQuery("points", { ...settings, pointsSource: "tag:ポイント会員" }),
    ).toEqual({ query: "customer_tags CONTAINS 'ポイント会員'" });
    expect(segmentQuery("points", { ...settings, pointsSource: null })).toEqual(
      { unsupported: "groups.unsupported.points" },
    );
    expect(segmentQuery("engaged", settings)).toEqual({
      query:
        "email_subscription_status = 'SUBSCRIBED' OR sms_subscription_status = 'SUBSCRIBED' OR customer_tags CONTAINS 'campaign' OR customer_tags CONTAINS '問い合わせ'",
    });
  });

  it("refuses settings that would break a segment query", () => {
    expect(parsePointsSource("tag:a' OR 'b")).toBeNull();
    expect(parsePointsSource("metafield:loyalty")).toBeNull();
    const { errors } = validateSettings({
      dormantDays: "3",
      pointsSource: "tag:x'y",
      engagedTags: "ok, bad'tag",
    });
    expect(errors).toEqual({
      dormantDays: "groups.error.days",
      pointsSource: "groups.error.pointsTag",
      engagedTags: "groups.error.tags",
    });
    expect(
      validateSettings({
        dormantDays: "90",
        pointsSource: "tags",
        engagedTags: "",
      }).errors,
    ).toEqual({ pointsSource: "groups.error.points" });
    expect(
      validateSettings({
        dormantDays: "90",
        pointsSource: "",
        engagedTags: " campaign , inquiry ",
      }),
    ).toEqual({
      errors: {},
      value: {
        dormantDays: 90,
        pointsSource: null,
        engagedTags: "campaign,inquiry",
      },
    });
  });

  it("takes tags as Japanese merchants write them", () => {
    const { errors, value } = validateSettings({
      dormantDays: "90",
      pointsSource: "tag:【会員】ゴールド",
      engagedTags:
        "キャンペーン、問い合わせ，キャンペーン・応募,\u3000セール 2024\u3000",
    });
    expect(errors).toEqual({});
    expect(value.engagedTags).toBe(
      "キャンペーン,問い合わせ,キャンペーン・応募,セール 2024",
    );
    expect(parsePointsSource(value.pointsSource)).toEqual({
      kind: "tag",
      tag: "【会員】ゴールド",
    });
    for (const bad of ['a"b', "a`b", "a\\b", "a\nb", `ok, ${"x".repeat(101)}'`])
      expect(
        validateSettings({
          dormantDays: "90",
          pointsSource: "",
          engagedTags: bad,
        }).errors,
        bad,
      ).toEqual({ engagedTags: "groups.error.tags" });
  });
});

describe("tag errors", () => {
  it("says a long tag is too long, not that it has bad characters", () => {
    const long = "a".repeat(300);
    expect(tagProblem(long)).toBe("groups.error.tagLength");
    expect(tagProblem("a".repeat(TAG_MAX_LENGTH))).toBeNull();
    // Characters, not UTF-16 units: a 100-character Japanese tag with an emoji still fits.
    expect(tagProblem("会".repeat(TAG_MAX_LENGTH - 1) + "🎁")).toBeNull();
    expect(
      validateSettings({
        dormantDays: "90",
        pointsSource: `tag:${long}`,
        engagedTags: `campaign, ${long}`,
      }).errors,
    ).toEqual({
      pointsSource: "groups.error.tagLength",
      engagedTags: "groups.error.tagLength",
    });
    expect(
      translator("ja")("groups.error.tagLength", { max: TAG_MAX_LENGTH }),
    ).toBe("タグは1つ100文字以内にしてください");
    expect(
      translator("en")("groups.error.tagLength", { max: TAG_MAX_LENGTH }),
    ).toContain("at most 100 characters");
  });
});

describe("emptyGroupHint", () => {
  it("sends the merchant to the group definitions while the points source is not named", () => {
    expect(emptyGroupHint("points", { pointsSource: null })).toBe("points");
    expect(emptyGroupHint("points", { pointsSource: "points" })).toBe("points");
    expect(
      emptyGroupHint("points", { pointsSource: "tag:ポイント会員" }),
    ).toBeNull();
    expect(emptyGroupHint("dormant", { pointsSource: null })).toBeNull();
  });
});

describe("what a group's list says it shows", () => {
  it("everyone when the page holds them all, else the most recent", () => {
    const ja = translator("ja");
    const en = translator("en");
    const say = (t: typeof ja, count: number) =>
      t(membersShownKey(count), { count });
    expect(say(ja, 7)).toBe("このグループの7人全員を表示しています");
    expect(say(en, 1)).toBe("Showing the one customer in this group");
    expect(say(en, 7)).toBe("Showing all 7 customers in this group");
    expect(say(ja, MEMBERS_SHOWN)).toBe(
      `最近購入した${MEMBERS_SHOWN}人を表示しています`,
    );
  });
});
