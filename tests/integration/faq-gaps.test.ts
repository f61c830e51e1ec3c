import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import {
  attachGap,
  dismissGap,
  gapReport,
  recordBeacon,
  resolveGap,
} from "~/faq/events.server";
import { hasUnpublishedChanges, saveEntry } from "~/faq/entries.server";
import { validateEntry } from "~/faq/entry";
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

  it("says the list is full instead of marking the group done with nothing added", async () => {
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
    expect(result).toEqual({ ok: false, reason: "full" });
    expect(await phrasings()).toBe(full);
    expect(await prisma.faqGapResolution.count()).toBe(0);
  });

  it("loses none of several groups added to one entry at once", async () => {
    const asks = [
      "アイロンはかけられる?",
      "洗濯機で洗える?",
      "乾燥機は使える?",
    ];
    for (const [i, q] of asks.entries()) await asked(q, at(10 + i));
    const results = await Promise.all(
      asks.map((q) =>
        attachGap(
          prisma,
          SHOP,
          { locale: "ja", key: gapKey(q), entryId },
          90,
          at(60),
        ),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await phrasings()).split("\n").sort()).toEqual(
      ["汚れたらどうする", ...asks].sort(),
    );
  });

  it("does not put a shopper's contact details or order number into the storefront's index", async () => {
    await asked("yamada@example.com に返信ください", at(20));
    await asked("#1024 まだ届かない", at(21));
    await asked("09012345678に電話ください", at(22));
    for (const q of [
      "yamada@example.com に返信ください",
      "#1024 まだ届かない",
      "09012345678に電話ください",
    ])
      expect(
        await attachGap(
          prisma,
          SHOP,
          { locale: "ja", key: gapKey(q), entryId },
          90,
          at(60),
        ),
      ).toEqual({ ok: false, reason: "private" });
    expect(await phrasings()).toBe("汚れたらどうする");
  });

  it("makes an edit form opened before the addition refuse to save over it", async () => {
    const opened = await prisma.faqEntry.findUniqueOrThrow({
      where: { id: entryId },
      select: { updatedAt: true },
    });
    await attachGap(
      prisma,
      SHOP,
      { locale: "ja", key: gapKey("雨に濡れても大丈夫"), entryId },
      90,
      at(60),
    );
    const form = validateEntry(
      {
        handle: "care",
        published: "true",
        translations: [
          {
            locale: "ja",
            question: "お手入れの方法は?",
            answer: "<p>水拭きできます。</p>",
            phrasings: "汚れたらどうする",
            field: "t0",
          },
        ],
      },
      () => "x",
    );
    if (!form.ok) throw new Error("invalid");
    const stale = await saveEntry(prisma, SHOP, entryId, form.value, {
      version: opened.updatedAt.toISOString(),
    });
    expect(stale).toEqual({ ok: false, errors: { stale: "faq.error.stale" } });
    expect(await phrasings()).toBe(
      "汚れたらどうする\n雨に濡れても大丈夫ですか？",
    );
    // Opened again after the addition, it saves.
    const fresh = await prisma.faqEntry.findUniqueOrThrow({
      where: { id: entryId },
      select: { updatedAt: true },
    });
    expect(
      await saveEntry(prisma, SHOP, entryId, form.value, {
        version: fresh.updatedAt.toISOString(),
      }),
    ).toEqual({ ok: true, id: entryId });
  });

  it("neither records nor reports a search of punctuation or a polite ending alone", async () => {
    await recordBeacon(prisma, SHOP, {
      id: "batch-1",
      l: "ja",
      e: [
        { t: "search", q: "？？", r: "empty" },
        { t: "search", q: "ですか?", r: "empty" },
        { t: "search", q: "🎁", r: "empty" },
      ],
    } as never);
    expect(
      await prisma.faqEvent.count({
        where: { query: { in: ["？？", "ですか?", "🎁"] } },
      }),
    ).toBe(0);
    expect(await prisma.faqBeacon.count()).toBe(1);
    await prisma.faqEvent.create({
      data: {
        shop: SHOP,
        kind: "empty",
        locale: "ja",
        query: "!!!",
        normalized: "",
        createdAt: at(30),
      },
    });
    const keys = (await gapReport(prisma, SHOP, 90, at(60))).map((g) => g.key);
    expect(keys).not.toContain("");
    expect(keys).toHaveLength(2);
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
    // Opened more, but deleted since: the live entry is offered.
    for (const m of [7, 8, 9])
      await opened("雨に濡れても大丈夫", "deleted-entry", at(m));
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

  it("counts shoppers: one shopper opening an entry many times suggests nothing", async () => {
    const opened = (handle: string, visitor: string, day: number) =>
      prisma.faqEvent.create({
        data: {
          shop: SHOP,
          kind: "open",
          locale: "ja",
          query: "雨に濡れても大丈夫?",
          normalized: gapKey("雨に濡れても大丈夫?"),
          handle,
          visitor,
          createdAt: at(day),
        },
      });
    for (const day of [5, 6, 7, 8]) await opened("care", "visitor-a", day);
    const alone = await gapReport(prisma, SHOP, 90, at(60));
    expect(alone.find((g) => g.locale === "ja")?.suggested).toBeUndefined();
    await opened("care", "visitor-b", 9);
    const two = await gapReport(prisma, SHOP, 90, at(60));
    expect(two.find((g) => g.locale === "ja")?.suggested).toEqual({
      entryId,
      opens: 2,
    });
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
