/**
 * The gap report groups what shoppers searched without a good answer. Queries that differ only
 * in width, case, kana script, punctuation, spacing or a polite ending are one group:
 * "送料はいくら?", "送料はいくらですか" and "ソウリョウはいくら" are asked the same way.
 */
export function gapKey(query: string): string {
  return (
    query
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}]+/gu, "")
      // Endings are written in hiragana: stripped before katakana is folded, so アメリカ and
      // メガネ keep their last sound.
      .replace(
        /(でしょうか|ですか|ますか|ますでしょうか|ですかね|かな|か|よね|ね)$/u,
        "",
      )
      .replace(/[\u30a1-\u30f6]/g, (c) =>
        String.fromCharCode(c.charCodeAt(0) - 0x60),
      )
      .replace(/ー+/g, "ー")
  );
}

export interface GapEvent {
  query: string;
  normalized: string;
  kind: string;
  locale: string;
  createdAt: Date;
  /** Who searched (a daily keyed hash, events.server.ts); "" or absent for older events. */
  visitor?: string;
}

export interface GapGroup {
  key: string;
  locale: string;
  count: number;
  /** How many shoppers searched it (one shopper's repeats count once a day). */
  shoppers: number;
  empty: number;
  examples: string[];
  lastAt: Date;
  /** The entry shoppers opened most after asking this (see gapReport). */
  suggested?: { entryId: string; opens: number };
}

/**
 * Groups weak/empty searches, asked by most shoppers first (then most searches); up to five
 * distinct example wordings each. Ranking by shoppers keeps one shopper's repeated searches (or
 * a script's) from pushing real questions out of the top of the report.
 */
export function groupGaps(events: GapEvent[], limit = 100): GapGroup[] {
  const groups = new Map<
    string,
    GapGroup & { seen: Set<string>; visitors: Set<string> }
  >();
  for (const e of events) {
    // Only punctuation, an emoji or a polite ending ("？", "ですか"): nothing was asked.
    if (!(e.normalized || gapKey(e.query))) continue;
    const key = `${e.locale}\u0000${e.normalized || gapKey(e.query)}`;
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = {
          key: e.normalized || gapKey(e.query),
          locale: e.locale,
          count: 0,
          shoppers: 0,
          empty: 0,
          examples: [],
          lastAt: e.createdAt,
          seen: new Set(),
          visitors: new Set(),
        }),
      );
    g.count++;
    if (!e.visitor) g.shoppers++;
    else if (!g.visitors.has(e.visitor)) {
      g.visitors.add(e.visitor);
      g.shoppers++;
    }
    if (e.kind === "empty") g.empty++;
    if (e.createdAt > g.lastAt) g.lastAt = e.createdAt;
    const wording = e.query.trim();
    if (!g.seen.has(wording) && g.examples.length < 5) {
      g.seen.add(wording);
      g.examples.push(wording);
    }
  }
  return [...groups.values()]
    .sort(
      (a, b) =>
        b.shoppers - a.shoppers ||
        b.count - a.count ||
        b.lastAt.getTime() - a.lastAt.getTime(),
    )
    .slice(0, limit)
    .map(({ seen: _seen, visitors: _visitors, ...g }) => g);
}

/**
 * A shopper's wording goes into the storefront's search index once added to an entry, so one that
 * carries someone's contact details or an order's number is not added: an email address, a phone
 * number, a postal code or an order name (#1001).
 */
export function isShareableWording(query: string): boolean {
  const text = query.normalize("NFKC");
  return !(
    /[^\s@]+@[^\s@]+\.[^\s@]+/.test(text) ||
    /\d{10,}/.test(text.replace(/[\s()+-]/g, "")) ||
    /\d{3}-\d{4}(?!\d)/.test(text) ||
    /#\d+/.test(text)
  );
}
