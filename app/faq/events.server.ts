import type { PrismaClient } from "@prisma/client";
import { isUniqueViolation } from "../jobs/queue.server";
import type { Beacon } from "./beacon";
import { gapKey, groupGaps, type GapGroup } from "./gaps";

/**
 * Shopper signals from the storefront FAQ. A batch is counted once (FaqBeacon), and within it
 * each entry's open and vote, and each search, once: the script sends one of each per page, so
 * a batch repeating them was made by hand to inflate counts. Entries are matched by handle
 * within the shop (a handle deleted since publish is skipped), and counts and events are written
 * in one transaction.
 */
export async function recordBeacon(
  db: PrismaClient,
  shop: string,
  beacon: Beacon,
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
          await tx.faqEvent.create({
            data: {
              shop,
              kind: e.r,
              locale: beacon.l,
              query: e.q,
              normalized: gapKey(e.q),
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
        await tx.faqEntry.update({
          where: { id },
          data: { [counter]: { increment: 1 } },
        });
        await tx.faqEvent.create({
          data: {
            shop,
            kind,
            locale: beacon.l,
            query: e.q ?? "",
            normalized: e.q ? gapKey(e.q) : "",
            handle: e.h,
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

/** Weak and empty searches of the last `days`, grouped for the gap report. */
export async function gapReport(
  db: PrismaClient,
  shop: string,
  days = 90,
  now = new Date(),
): Promise<GapGroup[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const events = await db.faqEvent.findMany({
    where: { shop, kind: { in: ["weak", "empty"] }, createdAt: { gte: since } },
    select: {
      query: true,
      normalized: true,
      kind: true,
      locale: true,
      createdAt: true,
    },
    orderBy: { createdAt: "desc" },
    take: 20_000,
  });
  return groupGaps(events);
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
 * entry): the input the engine learns from at publish time. Only a query that led to the entry
 * being opened at least twice counts, so one shopper cannot teach the shop's FAQ alone: a vote
 * comes with its shopper's own open, so it is never the second signal.
 */
export async function learnedSignals(
  db: PrismaClient,
  shop: string,
  days = 180,
  now = new Date(),
): Promise<LearnedSignal[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await db.faqEvent.groupBy({
    by: ["locale", "normalized", "handle", "kind"],
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
    const n = r._count._all;
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
