import { createHmac } from "node:crypto";
import { Prisma, type PrismaClient } from "@prisma/client";
import { isUniqueViolation } from "../jobs/queue.server";
import type { Beacon } from "./beacon";
import { parsePhrasings } from "./entry";
import { LIMITS } from "./limits";
import { gapKey, groupGaps, isShareableWording, type GapGroup } from "./gaps";

/**
 * Shopper signals from the storefront FAQ. A batch is counted once (FaqBeacon), and within it
 * each entry's open and vote, and each search, once: the script sends one of each per page, so
 * a batch repeating them was made by hand to inflate counts. Entries are matched by handle
 * within the shop (a handle deleted since publish is skipped), and counts and events are written
 * in one transaction.
 */
/**
 * Who sent a beacon, without keeping who: a keyed hash of the shop, the shopper's address and
 * the UTC day, so one shopper's batches count as one shopper (learning needs two) and the key
 * cannot be turned back into an address or followed from one day to the next.
 */
export function visitorKey(
  secret: string,
  shop: string,
  address: string,
  now = new Date(),
): string {
  return createHmac("sha256", secret)
    .update(
      `faq-visitor\u0000${shop}\u0000${address}\u0000${now.toISOString().slice(0, 10)}`,
    )
    .digest("base64url")
    .slice(0, 16);
}

export async function recordBeacon(
  db: PrismaClient,
  shop: string,
  beacon: Beacon,
  visitor = "",
): Promise<"recorded" | "duplicate"> {
  const handles = [
    ...new Set(beacon.e.flatMap((e) => ("h" in e ? [e.h] : []))),
  ];
  const entries = handles.length
    ? await db.faqEntry.findMany({
        where: { shop, handle: { in: handles } },
        select: { id: true, handle: true },
      })
    : [];
  const idOf = new Map(entries.map((e) => [e.handle, e.id]));
  try {
    await db.$transaction(async (tx) => {
      await tx.faqBeacon.create({ data: { shop, id: beacon.id } });
      const seen = new Set<string>();
      for (const e of beacon.e) {
        const key = e.t === "search" ? `s\u0000${e.q}` : `${e.t}\u0000${e.h}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (e.t === "search") {
          // Punctuation, emoji or a polite ending alone asks nothing the report could show.
          if (!gapKey(e.q)) continue;
          await tx.faqEvent.create({
            data: {
              shop,
              kind: e.r,
              locale: beacon.l,
              query: e.q,
              normalized: gapKey(e.q),
              visitor,
            },
          });
          continue;
        }
        const id = idOf.get(e.h);
        if (!id) continue;
        const kind =
          e.t === "open" ? "open" : e.v === 1 ? "helpful" : "not_helpful";
        const counter =
          kind === "open"
            ? "views"
            : kind === "helpful"
              ? "helpful"
              : "notHelpful";
        // A count, not an edit: the entry's updatedAt (which an open edit form and the
        // preview's cache go by) must not move each time a shopper opens it. Raw SQL because
        // Prisma sets an @updatedAt field on every update; the column name is one of three fixed.
        await tx.$executeRaw`UPDATE "FaqEntry" SET ${Prisma.raw(
          `"${counter}" = "${counter}" + 1`,
        )} WHERE "id" = ${id}`;
        await tx.faqEvent.create({
          data: {
            shop,
            kind,
            locale: beacon.l,
            query: e.q ?? "",
            normalized: e.q ? gapKey(e.q) : "",
            handle: e.h,
            visitor,
          },
        });
      }
    });
    return "recorded";
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}

/**
 * Weak and empty searches of the last `days`, grouped for the gap report. A group the merchant
 * dealt with (added to an entry, drafted, dismissed) counts only the searches made after that.
 */
export async function gapReport(
  db: PrismaClient,
  shop: string,
  days = 90,
  now = new Date(),
): Promise<GapGroup[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const [events, resolutions] = await Promise.all([
    db.faqEvent.findMany({
      where: {
        shop,
        kind: { in: ["weak", "empty"] },
        createdAt: { gte: since },
      },
      select: {
        query: true,
        normalized: true,
        kind: true,
        locale: true,
        createdAt: true,
        visitor: true,
      },
      orderBy: { createdAt: "desc" },
      take: 20_000,
    }),
    db.faqGapResolution.findMany({
      where: { shop, resolvedAt: { gte: since } },
      select: { locale: true, key: true, resolvedAt: true },
    }),
  ]);
  const resolvedAt = new Map(
    resolutions.map((r) => [`${r.locale}\u0000${r.key}`, r.resolvedAt]),
  );
  const groups = groupGaps(
    events.filter((e) => {
      const at = resolvedAt.get(
        `${e.locale}\u0000${e.normalized || gapKey(e.query)}`,
      );
      return !at || e.createdAt > at;
    }),
  );
  return withSuggestions(db, shop, groups, since);
}

/** Shoppers behind a group of events of one visitor key; events from before keys were kept ("") count one each. */
const shoppersIn = (r: { visitor: string; _count: { _all: number } }) =>
  r.visitor ? 1 : r._count._all;

/**
 * The entry most shoppers opened after asking a group's question (at least two shoppers, by the
 * searches' own beacons): the likely answer, offered first when the merchant adds the group.
 */
async function withSuggestions(
  db: PrismaClient,
  shop: string,
  groups: GapGroup[],
  since: Date,
): Promise<GapGroup[]> {
  if (!groups.length) return groups;
  const rows = await db.faqEvent.groupBy({
    by: ["locale", "normalized", "handle", "visitor"],
    where: {
      shop,
      kind: "open",
      normalized: { in: [...new Set(groups.map((g) => g.key))] },
      handle: { not: null },
      createdAt: { gte: since },
    },
    _count: { _all: true },
  });
  // Shoppers who opened it, as learning counts them: one shopper's batches are one.
  const opens = new Map<
    string,
    { locale: string; normalized: string; handle: string; shoppers: number }
  >();
  for (const r of rows) {
    const key = `${r.locale}\u0000${r.normalized}\u0000${r.handle}`;
    const o = opens.get(key) ?? {
      locale: r.locale,
      normalized: r.normalized,
      handle: r.handle!,
      shoppers: 0,
    };
    o.shoppers += shoppersIn(r);
    opens.set(key, o);
  }
  const candidates = [...opens.values()].filter((o) => o.shoppers >= 2);
  if (!candidates.length) return groups;
  const entries = await db.faqEntry.findMany({
    where: { shop, handle: { in: candidates.map((o) => o.handle) } },
    select: { id: true, handle: true },
  });
  const idOf = new Map(entries.map((e) => [e.handle, e.id]));
  // Among entries that still exist: most opened, then by link name, so the choice is stable.
  const best = new Map<
    string,
    { entryId: string; opens: number; handle: string }
  >();
  for (const o of candidates) {
    const entryId = idOf.get(o.handle);
    if (!entryId) continue;
    const key = `${o.locale}\u0000${o.normalized}`;
    const n = o.shoppers;
    const seen = best.get(key);
    if (!seen || n > seen.opens || (n === seen.opens && o.handle < seen.handle))
      best.set(key, { entryId, opens: n, handle: o.handle });
  }
  return groups.map((g) => {
    const b = best.get(`${g.locale}\u0000${g.key}`);
    return b ? { ...g, suggested: { entryId: b.entryId, opens: b.opens } } : g;
  });
}

export type GapAction = "attached" | "drafted" | "dismissed";

/** Marks a gap-report group as dealt with now; a later search of it shows it again. */
export async function resolveGap(
  db: Pick<PrismaClient, "faqGapResolution">,
  shop: string,
  gap: { locale: string; key: string; action: GapAction; entryId?: string },
  now = new Date(),
) {
  const data = {
    action: gap.action,
    entryId: gap.entryId ?? null,
    resolvedAt: now,
  };
  await db.faqGapResolution.upsert({
    where: { shop_locale_key: { shop, locale: gap.locale, key: gap.key } },
    create: { shop, locale: gap.locale, key: gap.key, ...data },
    update: data,
  });
}

/** Whether shoppers of the shop asked a gap-report group (in its language) within `days`. */
export async function wasAsked(
  db: PrismaClient,
  shop: string,
  gap: { locale: string; key: string },
  days = 90,
  now = new Date(),
): Promise<boolean> {
  if (!gap.key) return false;
  return Boolean(
    await db.faqEvent.findFirst({
      where: gapSearches(shop, gap, days, now),
      select: { id: true },
    }),
  );
}

/** The searches a gap-report group is made of: weak or empty, in its language, within `days`. */
function gapSearches(
  shop: string,
  gap: { locale: string; key: string },
  days: number,
  now: Date,
) {
  return {
    shop,
    locale: gap.locale,
    kind: { in: ["weak", "empty"] },
    normalized: gap.key,
    createdAt: { gte: new Date(now.getTime() - days * 86_400_000) },
  };
}

/** Dismisses a group shoppers did ask (noise, or nothing the shop answers); false if none. */
export async function dismissGap(
  db: PrismaClient,
  shop: string,
  gap: { locale: string; key: string },
  days = 90,
  now = new Date(),
): Promise<boolean> {
  if (!(await wasAsked(db, shop, gap, days, now))) return false;
  await resolveGap(db, shop, { ...gap, action: "dismissed" }, now);
  return true;
}

export type AttachResult =
  | { ok: true; question: string; added: number }
  | { ok: false; reason: "entry" | "gap" | "full" | "private" };

/**
 * Adds what shoppers asked in a gap-report group to an entry's other ways to ask (in the group's
 * language), and marks the group dealt with. The wordings come from the stored searches, not from
 * the request, so the form cannot write anything shoppers did not ask. Adding the same group
 * twice adds nothing new. The entry's ways to ask are replaced only if they are still what was
 * read (two additions at once, or a save of the entry's form, would otherwise lose one).
 */
export async function attachGap(
  db: PrismaClient,
  shop: string,
  gap: { locale: string; key: string; entryId: string },
  days = 90,
  now = new Date(),
): Promise<AttachResult> {
  const asked = gap.key
    ? await db.faqEvent.findMany({
        where: gapSearches(shop, gap, days, now),
        select: { query: true },
        orderBy: { createdAt: "desc" },
        take: 200,
      })
    : [];
  const wordings = asked
    .map((a) => a.query.slice(0, LIMITS.phrasing))
    .filter(isShareableWording);
  for (let attempt = 0; attempt < 5; attempt++) {
    const translation = await db.faqTranslation.findFirst({
      where: { locale: gap.locale, entry: { shop, id: gap.entryId } },
      select: { id: true, question: true, phrasings: true },
    });
    if (!translation) return { ok: false, reason: "entry" };
    if (!asked.length) return { ok: false, reason: "gap" };
    if (!wordings.length) return { ok: false, reason: "private" };
    const before = parsePhrasings(translation.phrasings);
    const merged = parsePhrasings([...before, ...wordings].join("\n"));
    const after = merged.slice(0, LIMITS.phrasings);
    // Nothing new fits: say so rather than mark the group done with nothing added.
    if (after.length === before.length && merged.length > before.length)
      return { ok: false, reason: "full" };
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.faqTranslation.updateMany({
        where: { id: translation.id, phrasings: translation.phrasings },
        data: { phrasings: after.join("\n") },
      });
      if (!count) return false;
      // The entry changed: the preview's cache, "unpublished changes" and an open edit form
      // (which would otherwise save over this) go by its updatedAt.
      await tx.faqEntry.update({
        where: { id: gap.entryId },
        data: { updatedAt: new Date() },
      });
      await resolveGap(
        tx,
        shop,
        { ...gap, action: "attached", entryId: gap.entryId },
        now,
      );
      return true;
    });
    if (done)
      return {
        ok: true,
        question: translation.question,
        added: after.length - before.length,
      };
  }
  throw new Error("the entry kept changing while the question was added");
}

export interface LearnedSignal {
  locale: string;
  query: string;
  handle: string;
  opens: number;
  helpful: number;
  notHelpful: number;
}

/**
 * What shoppers who searched a query went on to open and find helpful, per (locale, query,
 * entry): the input the engine learns from at publish time. Each count is of shoppers, not of
 * events (one shopper's opens in a day are one open, however many batches they send), and only
 * a query two shoppers went on to open counts, so one shopper cannot teach the shop's FAQ alone.
 * Events from before shoppers were told apart (visitor "") count one each, as they did.
 */
export async function learnedSignals(
  db: PrismaClient,
  shop: string,
  days = 180,
  now = new Date(),
): Promise<LearnedSignal[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await db.faqEvent.groupBy({
    by: ["locale", "normalized", "handle", "kind", "visitor"],
    where: {
      shop,
      kind: { in: ["open", "helpful", "not_helpful"] },
      normalized: { not: "" },
      handle: { not: null },
      createdAt: { gte: since },
    },
    _count: { _all: true },
    _max: { query: true },
  });
  const byKey = new Map<string, LearnedSignal>();
  for (const r of rows) {
    const key = `${r.locale}\u0000${r.normalized}\u0000${r.handle}`;
    let s = byKey.get(key);
    if (!s)
      byKey.set(
        key,
        (s = {
          locale: r.locale,
          query: r._max.query ?? r.normalized,
          handle: r.handle!,
          opens: 0,
          helpful: 0,
          notHelpful: 0,
        }),
      );
    const n = shoppersIn(r);
    if (r.kind === "open") s.opens += n;
    else if (r.kind === "helpful") s.helpful += n;
    else s.notHelpful += n;
  }
  return [...byKey.values()].filter((s) => s.opens >= 2);
}

/** Old beacon ids are only needed while a duplicate could still arrive. */
export async function pruneBeacons(
  db: PrismaClient,
  olderThanDays = 7,
  now = new Date(),
) {
  await db.faqBeacon.deleteMany({
    where: {
      createdAt: { lt: new Date(now.getTime() - olderThanDays * 86_400_000) },
    },
  });
}
