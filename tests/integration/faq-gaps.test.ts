import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  attachGap,
  dismissGap,
  gapReport,
  resolveGap,
} from "~/faq/events.server";
import { hasUnpublishedChanges } from "~/faq/entries.server";
import { gapKey } from "~/faq/gaps";
import { resetDatabase } from "../support/db";

/** The gap report's actions against the real database: add a group to an entry, dismiss it. */
const SHOP = "faq-gaps.myshopify.com";
const OTHER = "other-gaps.myshopify.com";
const t0 = new Date("2026-11-01T00:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
let entryId = "";

async function asked(query: string, when: Date, locale = "ja", shop = SHOP) {
  await prisma.faqEvent.create({
    data: {
      shop,
      kind: "weak",
      locale,
      query,
      normalized: gapKey(query),
      createdAt: when,
    },
  });
}

const phrasings = async (id = entryId, locale = "ja") =>
  (
    await prisma.faqTranslation.findFirstOrThrow({
      where: { entryId: id, locale },
      select: { phrasings: true },
    })
  ).phrasings;

beforeEach(async () => {
  await resetDatabase(prisma);
  const entry = await prisma.faqEntry.create({
    data: {
      shop: SHOP,
      handle: "care",
      published: true,
      updatedAt: t0,
      translations: {
        create: [
          {
            locale: "ja",
            question: "お手入れの方法は?",
            answer: "<p>乾いた布で拭いてください。</p>",
            phrasings: "汚れたらどうする",
          },
        ],
      },
    },
  });
  entryId = entry.id;
  await asked("雨に濡れても大丈夫?", at(1));
  await asked("雨に濡れても大丈夫", at(2));
  await asked("雨に濡れても大丈夫ですか？", at(3));
  await asked("gift wrap?", at(4), "en");
});

describe("adding a gap to the entry that answers it", () => {
  it("adds what shoppers asked to the entry's ways to ask and takes the group off the report", async () => {
    const now = at(60);
    const report = await gapReport(prisma, SHOP, 90, now);
    const group = report.find((g) => g.locale === "ja")!;
    expect(group.count).toBe(3);

    const result = await attachGap(
      prisma,
      SHOP,
      { locale: "ja", key: group.key, entryId },
      90,
      now,
    );
    expect(result).toEqual({
      ok: true,
      question: "お手入れの方法は?",
      added: 1,
    });
    // The wordings come from the stored searches, newest first, one per way of asking.
    expect(await phrasings()).toBe(
      "汚れたらどうする\n雨に濡れても大丈夫ですか？",
    );
    expect(
      (await gapReport(prisma, SHOP, 90, now)).map((g) => g.examples),
    ).toEqual([["gift wrap?"]]);
    // The change waits for the next publish, like any edit of the entry.
    expect(await hasUnpublishedChanges(prisma, SHOP, at(30))).toBe(true);

    // Asked again after that: the group comes back with the new search only.
    await asked("雨に濡れても大丈夫?", at(61));
    const again = (await gapReport(prisma, SHOP, 90, at(62))).find(
      (g) => g.locale === "ja",
    );
    expect(again).toMatchObject({
      count: 1,
      examples: ["雨に濡れても大丈夫?"],
    });
  });

  it("adds nothing the second time", async () => {
    const gap = { locale: "ja", key: gapKey("雨に濡れても大丈夫"), entryId };
    await attachGap(prisma, SHOP, gap, 90, at(60));
    const before = await phrasings();
    expect(await attachGap(prisma, SHOP, gap, 90, at(61))).toMatchObject({
      ok: true,
      added: 0,
    });
    expect(await phrasings()).toBe(before);
  });

  it("writes nothing for another shop's entry, a language the entry lacks or a group nobody asked", async () => {
    const other = await prisma.faqEntry.create({
      data: {
        shop: OTHER,
        handle: "care",
        translations: {
          create: [{ locale: "ja", question: "他店", answer: "<p>x</p>" }],
        },
      },
    });
    const key = gapKey("雨に濡れても大丈夫");
    expect(
      await attachGap(prisma, SHOP, { locale: "ja", key, entryId: other.id }),
    ).toEqual({ ok: false, reason: "entry" });
    expect(
      await attachGap(prisma, SHOP, { locale: "en", key, entryId }),
    ).toEqual({ ok: false, reason: "entry" });
    expect(
      await attachGap(prisma, SHOP, {
        locale: "ja",
        key: gapKey("誰も聞いていない"),
        entryId,
      }),
    ).toEqual({ ok: false, reason: "gap" });
    // Another shop's shoppers asking the same is not this shop's gap.
    await asked("送料は?", at(5), "ja", OTHER);
    expect(
      await attachGap(
        prisma,
        SHOP,
        { locale: "ja", key: gapKey("送料は?"), entryId },
        90,
        at(60),
      ),
    ).toEqual({ ok: false, reason: "gap" });
    expect(await phrasings()).toBe("汚れたらどうする");
    expect(await phrasings(other.id)).toBe("");
    expect(await prisma.faqGapResolution.count()).toBe(0);
  });

  it("keeps the ways to ask an entry has when the list is full", async () => {
    const full = Array.from({ length: 50 }, (_, i) => `聞き方${i}`).join("\n");
    await prisma.faqTranslation.updateMany({
      where: { entryId },
      data: { phrasings: full },
    });
    const result = await attachGap(
      prisma,
      SHOP,
      { locale: "ja", key: gapKey("雨に濡れても大丈夫"), entryId },
      90,
      at(60),
    );
    expect(result).toMatchObject({ ok: true, added: 0 });
    expect(await phrasings()).toBe(full);
  });
});

describe("suggesting the entry that answers a gap", () => {
  it("offers the entry shoppers who asked it opened at least twice", async () => {
    const opened = (query: string, handle: string, when: Date) =>
      prisma.faqEvent.create({
        data: {
          shop: SHOP,
          kind: "open",
          locale: "ja",
          query,
          normalized: gapKey(query),
          handle,
          createdAt: when,
        },
      });
    await opened("雨に濡れても大丈夫?", "care", at(5));
    const once = await gapReport(prisma, SHOP, 90, at(60));
    expect(once.find((g) => g.locale === "ja")?.suggested).toBeUndefined();
    await opened("雨に濡れても大丈夫", "care", at(6));
    await opened("雨に濡れても大丈夫", "deleted-entry", at(7));
    // Opened in English after an English search: not this group's language.
    await prisma.faqEvent.create({
      data: {
        shop: SHOP,
        kind: "open",
        locale: "en",
        query: "gift wrap?",
        normalized: gapKey("gift wrap?"),
        handle: "care",
        createdAt: at(8),
      },
    });
    const report = await gapReport(prisma, SHOP, 90, at(60));
    expect(report.find((g) => g.locale === "ja")?.suggested).toEqual({
      entryId,
      opens: 2,
    });
    expect(report.find((g) => g.locale === "en")?.suggested).toBeUndefined();
  });
});

describe("dismissing a gap", () => {
  it("hides the group until shoppers ask it again, and refuses a group nobody asked", async () => {
    expect(
      await dismissGap(
        prisma,
        SHOP,
        { locale: "en", key: gapKey("gift wrap?") },
        90,
        at(60),
      ),
    ).toBe(true);
    expect(
      (await gapReport(prisma, SHOP, 90, at(60))).map((g) => g.locale),
    ).toEqual(["ja"]);
    expect(
      await dismissGap(
        prisma,
        SHOP,
        { locale: "en", key: "nobody" },
        90,
        at(60),
      ),
    ).toBe(false);
    expect(await prisma.faqGapResolution.count()).toBe(1);
    await asked("Gift wrap", at(70), "en");
    expect(
      (await gapReport(prisma, SHOP, 90, at(71))).map((g) => g.locale).sort(),
    ).toEqual(["en", "ja"]);
  });

  it("records a group drafted as a new entry the same way, once", async () => {
    const key = gapKey("雨に濡れても大丈夫");
    await resolveGap(
      prisma,
      SHOP,
      { locale: "ja", key, action: "drafted", entryId },
      at(60),
    );
    await resolveGap(
      prisma,
      SHOP,
      { locale: "ja", key, action: "drafted", entryId },
      at(61),
    );
    expect(await prisma.faqGapResolution.count()).toBe(1);
    expect(
      (await gapReport(prisma, SHOP, 90, at(62))).map((g) => g.locale),
    ).toEqual(["en"]);
  });
});
