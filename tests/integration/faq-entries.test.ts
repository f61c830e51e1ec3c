import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { parseFaqCsv } from "~/faq/csv-import";
import {
  deleteEntry,
  addStarterEntries,
  importEntries,
  saveEntry,
} from "~/faq/entries.server";
import { STARTER_ENTRIES } from "~/faq/starter";
import { validateEntry, handleFrom } from "~/faq/entry";
import { resetDatabase } from "../support/db";

/** FAQ entries as the admin saves and imports them, against the real database. */
const shop = "entries.myshopify.com";

const importCsv = async (csv: string) => {
  const parsed = parseFaqCsv(csv);
  expect(parsed.bad).toEqual([]);
  return importEntries(prisma, shop, parsed.entries, parsed.columns);
};
const entries = () =>
  prisma.faqEntry.findMany({
    where: { shop },
    orderBy: { handle: "asc" },
    select: {
      handle: true,
      position: true,
      published: true,
      tags: true,
      translations: {
        orderBy: { locale: "asc" },
        select: { locale: true, question: true, category: true },
      },
    },
  });

beforeEach(() => resetDatabase(prisma));

describe("importing the FAQ from CSV", () => {
  it("imports other ways to ask from their column, and keeps them when a file has none", async () => {
    const ways = async () =>
      (
        await prisma.faqTranslation.findFirstOrThrow({
          where: { entry: { shop, handle: "shipping" } },
          select: { phrasings: true },
        })
      ).phrasings;
    await importCsv(
      "handle,locale,question,answer,phrasings\n" +
        'shipping,ja,送料は?,500円,"いくらで届く?\n配送料\n配送料"\n',
    );
    expect(await ways()).toBe("いくらで届く?\n配送料");
    await importCsv(
      "handle,locale,question,answer\nshipping,ja,送料は?,600円\n",
    );
    expect(await ways()).toBe("いくらで届く?\n配送料");
  });

  it("keeps what the file has no column for (a file with only the required columns unpublished everything)", async () => {
    await importCsv(
      "handle,locale,question,answer,category,tags,position,published\n" +
        "shipping,ja,送料は?,500円,配送,送料,3,true\n",
    );
    await importCsv(
      "handle,locale,question,answer\n" +
        "shipping,en,How much is shipping?,500 yen\n" +
        "shipping,ja,送料はいくら?,500円です\n",
    );
    expect(await entries()).toEqual([
      {
        handle: "shipping",
        position: 3,
        published: true,
        tags: "送料",
        translations: [
          { locale: "en", question: "How much is shipping?", category: "" },
          { locale: "ja", question: "送料はいくら?", category: "配送" },
        ],
      },
    ]);
  });

  it("adds nothing the second time a file without handles is imported", async () => {
    const csv =
      "locale,question,answer\n" +
      "ja,送料はいくらですか?,全国一律500円\n" +
      "ja,返品できますか?,7日以内なら\n";
    expect(await importCsv(csv)).toEqual({ created: 2, updated: 0 });
    expect(await importCsv(csv)).toEqual({ created: 0, updated: 2 });
    expect(await prisma.faqEntry.count({ where: { shop } })).toBe(2);
  });
});

describe("saving an entry from the form", () => {
  const input = (handle: string, question: string) => {
    const r = validateEntry(
      {
        handle,
        translations: [{ locale: "en", question, answer: "A", field: "a" }],
      },
      () => handleFrom(question),
    );
    if (!r.ok) throw new Error("invalid");
    return r.value;
  };

  it("numbers a link name made from the question instead of reporting it taken", async () => {
    await saveEntry(prisma, shop, null, input("", "Shipping"));
    const second = await saveEntry(prisma, shop, null, input("", "Shipping"));
    expect(second.ok).toBe(true);
    expect((await entries()).map((e) => e.handle)).toEqual([
      "shipping",
      "shipping-2",
    ]);
  });

  it("still refuses a link name the merchant typed that another entry uses", async () => {
    await saveEntry(prisma, shop, null, input("", "Shipping"));
    expect(
      await saveEntry(prisma, shop, null, input("shipping", "Delivery")),
    ).toEqual({ ok: false, errors: { handle: "faq.error.handleTaken" } });
  });
});

describe("starter questions", () => {
  it("adds the ones the shop lacks as bilingual drafts after its entries, once", async () => {
    await importCsv(
      "handle,locale,question,answer,position,published\n" +
        "returns,ja,返品について,当店の返品条件です,4,true\n",
    );
    const added = await addStarterEntries(prisma, shop);
    expect(added).toBe(STARTER_ENTRIES.length - 1);
    const all = await entries();
    expect(all).toHaveLength(STARTER_ENTRIES.length);
    // The merchant's own entry under a starter's name is left as it was.
    expect(all.find((e) => e.handle === "returns")).toMatchObject({
      position: 4,
      published: true,
      translations: [{ locale: "ja", question: "返品について" }],
    });
    for (const e of all.filter((x) => x.handle !== "returns")) {
      expect(e.published).toBe(false);
      expect(e.position).toBeGreaterThan(4);
      expect(e.translations.map((t) => t.locale)).toEqual(["en", "ja"]);
    }
    expect(await addStarterEntries(prisma, shop)).toBe(0);
    expect(await entries()).toEqual(all);
  });

  it("adds each once when two requests come at once (two tabs, a retry)", async () => {
    const added = await Promise.all([
      addStarterEntries(prisma, shop),
      addStarterEntries(prisma, shop),
    ]);
    expect(added[0] + added[1]).toBe(STARTER_ENTRIES.length);
    expect(await entries()).toHaveLength(STARTER_ENTRIES.length);
  });
});

describe("an edit form opened before another change", () => {
  it("refuses to save over an import, and without a readable version", async () => {
    await importCsv("handle,locale,question,answer\nfee,ja,送料は?,500円\n");
    const row = await prisma.faqEntry.findFirstOrThrow({
      where: { shop, handle: "fee" },
      select: { id: true, updatedAt: true },
    });
    const form = validateEntry(
      {
        handle: "fee",
        translations: [
          { locale: "ja", question: "送料は?", answer: "600円", field: "t0" },
        ],
      },
      () => "x",
    );
    if (!form.ok) throw new Error("invalid");
    await new Promise((r) => setTimeout(r, 5));
    await importCsv("handle,locale,question,answer\nfee,ja,送料は?,550円\n");
    for (const version of [row.updatedAt.toISOString(), undefined, "x"])
      expect(
        await saveEntry(prisma, shop, row.id, form.value, { version }),
      ).toEqual({ ok: false, errors: { stale: "faq.error.stale" } });
    const now = await prisma.faqEntry.findUniqueOrThrow({
      where: { id: row.id },
      select: { updatedAt: true, translations: { select: { answer: true } } },
    });
    expect(now.translations[0].answer).toContain("550円");
    expect(
      await saveEntry(prisma, shop, row.id, form.value, {
        version: now.updatedAt.toISOString(),
      }),
    ).toEqual({ ok: true, id: row.id });
  });

  it("refuses to delete an entry changed since the form opened, or without a version", async () => {
    await importCsv("handle,locale,question,answer\ngone,ja,消す?,はい\n");
    const opened = await prisma.faqEntry.findFirstOrThrow({
      where: { shop, handle: "gone" },
      select: { id: true, updatedAt: true },
    });
    await new Promise((r) => setTimeout(r, 5));
    await importCsv("handle,locale,question,answer\ngone,ja,消す?,まだ\n");
    for (const version of [opened.updatedAt.toISOString(), undefined, "x"])
      expect(await deleteEntry(prisma, shop, opened.id, version)).toBe("stale");
    const now = await prisma.faqEntry.findUniqueOrThrow({
      where: { id: opened.id },
      select: { updatedAt: true },
    });
    // Another shop's id, or one already gone, is not found.
    expect(
      await deleteEntry(
        prisma,
        "other.myshopify.com",
        opened.id,
        now.updatedAt.toISOString(),
      ),
    ).toBe("notFound");
    expect(
      await deleteEntry(prisma, shop, opened.id, now.updatedAt.toISOString()),
    ).toBe("deleted");
    expect(
      await deleteEntry(prisma, shop, opened.id, now.updatedAt.toISOString()),
    ).toBe("notFound");
  });
});
