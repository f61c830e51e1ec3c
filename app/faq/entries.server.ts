import type { PrismaClient } from "@prisma/client";
import type { EntryInput } from "./entry";
import { isUniqueViolation } from "../jobs/queue.server";
import { STARTER_ENTRIES } from "./starter";

/** FAQ entries of one shop: the admin list, the form, CSV import/export. */

/** What an entry holds per language: the admin, export and publishing all read these. */
export const TRANSLATION_FIELDS = {
  locale: true,
  question: true,
  answer: true,
  category: true,
  phrasings: true,
} as const;

const withTranslations = {
  translations: { select: TRANSLATION_FIELDS, orderBy: { locale: "asc" } },
} as const;

export async function listEntries(db: PrismaClient, shop: string) {
  return db.faqEntry.findMany({
    where: { shop },
    // As publishing orders them: entries made in the same instant (an import) keep one order.
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      handle: true,
      position: true,
      published: true,
      tags: true,
      views: true,
      helpful: true,
      notHelpful: true,
      updatedAt: true,
      ...withTranslations,
    },
  });
}

/** Per language, the entries a gap-report group can be added to, in the FAQ's order. */
export async function entryChoicesByLocale(
  db: PrismaClient,
  shop: string,
): Promise<Record<string, { id: string; question: string }[]>> {
  const rows = await db.faqTranslation.findMany({
    where: { entry: { shop } },
    orderBy: [{ entry: { position: "asc" } }, { entry: { createdAt: "asc" } }],
    select: { locale: true, question: true, entryId: true },
    take: 5_000,
  });
  const out: Record<string, { id: string; question: string }[]> = {};
  for (const r of rows)
    (out[r.locale] ??= []).push({ id: r.entryId, question: r.question });
  return out;
}

export async function getEntry(db: PrismaClient, shop: string, id: string) {
  return db.faqEntry.findFirst({
    where: { shop, id },
    select: {
      id: true,
      handle: true,
      position: true,
      published: true,
      tags: true,
      views: true,
      helpful: true,
      notHelpful: true,
      updatedAt: true,
      ...withTranslations,
    },
  });
}

export type SaveResult =
  | { ok: true; id: string }
  | { ok: false; errors: { handle: "faq.error.handleTaken" } }
  | { ok: false; errors: { stale: "faq.error.stale" } }
  | { ok: false; notFound: true };

class StaleEntry extends Error {}

/** A translation as stored: other ways to ask are one per line. */
function stored(t: EntryInput["translations"][number]) {
  return { ...t, phrasings: t.phrasings.join("\n") };
}

/** Creates (id null) or replaces an entry; the languages not in the input are removed. */
export async function saveEntry(
  db: PrismaClient,
  shop: string,
  id: string | null,
  input: EntryInput,
  /** The entry's updatedAt (ISO) the form was opened on: a later change refuses the save. */
  opts: { version?: string } = {},
): Promise<SaveResult> {
  const taken = async (handle: string) =>
    Boolean(
      await db.faqEntry.findFirst({
        where: { shop, handle, ...(id ? { NOT: { id } } : {}) },
        select: { id: true },
      }),
    );
  let handle = input.handle;
  // A link name the merchant typed must be free; one made from the question takes a number
  // instead of showing "already used" under a field the merchant left empty.
  for (let n = 2; await taken(handle); n++) {
    if (!input.autoHandle || n > 50)
      return { ok: false, errors: { handle: "faq.error.handleTaken" } };
    handle = `${input.handle.slice(0, 60)}-${n}`;
  }
  const data = {
    handle,
    position: input.position,
    published: input.published,
    tags: input.tags.join(","),
  };
  if (!id) {
    const created = await db.faqEntry.create({
      data: {
        shop,
        ...data,
        translations: { create: input.translations.map(stored) },
      },
      select: { id: true },
    });
    return { ok: true, id: created.id };
  }
  const existing = await db.faqEntry.findFirst({
    where: { shop, id },
    select: { id: true },
  });
  if (!existing) return { ok: false, notFound: true };
  // The form always sends the version it was opened on; one that is missing or unreadable
  // cannot show the entry is unchanged, so the save is refused rather than made unchecked.
  const since = new Date(opts.version ?? "");
  if (Number.isNaN(since.getTime()))
    return { ok: false, errors: { stale: "faq.error.stale" } };
  try {
    await db.$transaction(async (tx) => {
      // Conditional on the version the form saw, inside the transaction: a change that lands
      // between the read above and this write is caught too.
      const { count } = await tx.faqEntry.updateMany({
        where: {
          id,
          updatedAt: since,
        },
        data,
      });
      if (!count) throw new StaleEntry();
      await tx.faqTranslation.deleteMany({
        where: {
          entryId: id,
          locale: { notIn: input.translations.map((t) => t.locale) },
        },
      });
      for (const t of input.translations)
        await tx.faqTranslation.upsert({
          where: { entryId_locale: { entryId: id, locale: t.locale } },
          create: { entryId: id, ...stored(t) },
          update: {
            question: t.question,
            answer: t.answer,
            category: t.category,
            phrasings: stored(t).phrasings,
          },
        });
    });
  } catch (error) {
    if (error instanceof StaleEntry)
      return { ok: false, errors: { stale: "faq.error.stale" } };
    throw error;
  }
  return { ok: true, id };
}

/**
 * Adds the starter questions the shop does not have yet (by link name), as drafts in Japanese and
 * English: an entry the merchant already has under that name is left as it is, so a second
 * click adds nothing.
 */
export async function addStarterEntries(
  db: PrismaClient,
  shop: string,
): Promise<number> {
  const existing = new Set(
    (
      await db.faqEntry.findMany({
        where: {
          shop,
          handle: { in: STARTER_ENTRIES.map((e) => e.handle) },
        },
        select: { handle: true },
      })
    ).map((e) => e.handle),
  );
  const last = await db.faqEntry.findFirst({
    where: { shop },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  const start = last ? last.position + 1 : 0;
  const missing = STARTER_ENTRIES.filter((e) => !existing.has(e.handle));
  let added = 0;
  for (const [i, e] of missing.entries()) {
    try {
      await db.faqEntry.create({
        data: {
          shop,
          handle: e.handle,
          position: start + i,
          published: false,
          translations: {
            create: (["ja", "en"] as const).map((locale) => ({
              locale,
              question: e[locale].question,
              answer: e[locale].answer,
              category: e[locale].category,
              phrasings: e[locale].phrasings.join("\n"),
            })),
          },
        },
      });
      added++;
    } catch (error) {
      // Another request (a second tab, a retry) added it meanwhile: it is there, as wanted.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return added;
}

/**
 * Deletes an entry as the form showed it: `version` is the `updatedAt` the form was opened on, so
 * a change made since (an addition from the gap report, an import, another tab) is not deleted
 * unseen.
 */
export async function deleteEntry(
  db: PrismaClient,
  shop: string,
  id: string,
  version: string | undefined,
): Promise<"deleted" | "notFound" | "stale"> {
  const since = new Date(version ?? "");
  if (!Number.isNaN(since.getTime())) {
    const { count } = await db.faqEntry.deleteMany({
      where: { shop, id, updatedAt: since },
    });
    if (count) return "deleted";
  }
  const exists = await db.faqEntry.findFirst({
    where: { shop, id },
    select: { id: true },
  });
  return exists ? "stale" : "notFound";
}

export async function setPublished(
  db: PrismaClient,
  shop: string,
  ids: string[],
  published: boolean,
): Promise<number> {
  const { count } = await db.faqEntry.updateMany({
    where: { shop, id: { in: ids.slice(0, 250) } },
    data: { published },
  });
  return count;
}

/**
 * Imports entries by handle: an existing handle is updated (its languages in the file replaced,
 * others kept), a new one created. All or nothing, so a failure halfway leaves the FAQ as it was.
 */
export async function importEntries(
  db: PrismaClient,
  shop: string,
  entries: EntryInput[],
  /** The file's columns: an existing entry keeps what a column the file lacks would have set. */
  columns: readonly string[] = [
    "position",
    "published",
    "tags",
    "category",
    "phrasings",
  ],
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  const has = (column: string) => columns.includes(column);
  await db.$transaction(
    async (tx) => {
      for (const e of entries) {
        const data = {
          position: e.position,
          published: e.published,
          tags: e.tags.join(","),
        };
        const kept = {
          // Always an edit of the entry, even when only its texts change: an edit form opened
          // before the import must not save over it, and the preview's cache must see it.
          updatedAt: new Date(),
          ...(has("position") ? { position: e.position } : {}),
          ...(has("published") ? { published: e.published } : {}),
          ...(has("tags") ? { tags: data.tags } : {}),
        };
        const existing = await tx.faqEntry.findUnique({
          where: { shop_handle: { shop, handle: e.handle } },
          select: { id: true },
        });
        if (!existing) {
          await tx.faqEntry.create({
            data: {
              shop,
              handle: e.handle,
              ...data,
              translations: { create: e.translations.map(stored) },
            },
          });
          created++;
          continue;
        }
        await tx.faqEntry.update({ where: { id: existing.id }, data: kept });
        for (const t of e.translations) {
          await tx.faqTranslation.upsert({
            where: {
              entryId_locale: { entryId: existing.id, locale: t.locale },
            },
            create: { entryId: existing.id, ...stored(t) },
            update: {
              question: t.question,
              answer: t.answer,
              ...(has("category") ? { category: t.category } : {}),
              ...(has("phrasings") ? { phrasings: stored(t).phrasings } : {}),
            },
          });
        }
        updated++;
      }
    },
    { timeout: 60_000 },
  );
  return { created, updated };
}

export async function getFaqSettings(db: PrismaClient, shop: string) {
  return (
    (await db.faqSettings.findUnique({
      where: { shop },
      select: {
        synonyms: true,
        contactUrl: true,
        publishedAt: true,
        publishError: true,
        publishedInfo: true,
      },
    })) ?? {
      synonyms: "",
      contactUrl: "",
      publishedAt: null,
      publishError: null,
      publishedInfo: null,
    }
  );
}

export async function saveFaqSettings(
  db: PrismaClient,
  shop: string,
  input: { synonyms: string; contactUrl: string },
) {
  await db.faqSettings.upsert({
    where: { shop },
    create: { shop, ...input },
    update: input,
  });
}

/** Entries changed since the last publish: the admin shows "unpublished changes". */
export async function hasUnpublishedChanges(
  db: PrismaClient,
  shop: string,
  publishedAt: Date | null,
): Promise<boolean> {
  const newest = await db.faqEntry.findFirst({
    where: { shop },
    orderBy: { updatedAt: "desc" },
    select: { updatedAt: true },
  });
  if (!newest) return false;
  return !publishedAt || newest.updatedAt > publishedAt;
}
