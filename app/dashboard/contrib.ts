import { zoneOffset } from "../shops/clock";

/**
 * What one customer adds to the dashboard aggregates, computed from their order times alone:
 *   d  the local day of their last order (the StatDay histogram; null without orders)
 *   f  1 when they ordered at least twice (a fan by repeat purchase)
 *   m  per local month: [orders, repeat orders, 1 if they came back that month after a gap
 *      longer than the dormancy window]
 * Aggregates change by new minus old contribution whenever a customer's orders change, so no
 * request ever recounts the customers.
 */
export interface Contribution {
  d: string | null;
  f: 0 | 1;
  m: Record<string, [number, number, number]>;
}

export const EMPTY: Contribution = { d: null, f: 0, m: {} };
const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Local calendar keys in a time zone, fast enough for millions of dates: offsets cached per hour,
 * keys per local day (formatting a date was seconds of a million-customer sync).
 */
export class LocalCalendar {
  private readonly offsets = new Map<number, number>();
  private readonly days = new Map<number, string>();
  private readonly months = new Map<number, string>();

  constructor(readonly timeZone: string) {}

  private offset(ms: number): number {
    const hour = Math.floor(ms / HOUR);
    let offset = this.offsets.get(hour);
    if (offset === undefined)
      this.offsets.set(hour, (offset = zoneOffset(hour * HOUR, this.timeZone)));
    return offset;
  }

  /** The local day of `at`, counted from 1970-01-01. */
  private dayNumber(at: Date): number {
    return Math.floor((at.getTime() + this.offset(at.getTime())) / DAY);
  }

  day(at: Date): string {
    const n = this.dayNumber(at);
    let key = this.days.get(n);
    if (key === undefined)
      this.days.set(n, (key = new Date(n * DAY).toISOString().slice(0, 10)));
    return key;
  }

  month(at: Date): string {
    const n = this.dayNumber(at);
    let key = this.months.get(n);
    if (key === undefined) this.months.set(n, (key = this.day(at).slice(0, 7)));
    return key;
  }

  /** The instant local midnight begins on the day of `at`, shifted by `days`. */
  startOfDay(at: Date, days = 0): Date {
    const local = this.day(at);
    const guess = Date.parse(`${local}T00:00:00Z`) + days * DAY;
    return new Date(guess - this.offset(guess - this.offset(guess)));
  }
}

export function contributionOf(
  orderTimes: Date[],
  cal: LocalCalendar,
  dormantDays: number,
): Contribution {
  if (!orderTimes.length) return EMPTY;
  const times = [...orderTimes].sort((a, b) => a.getTime() - b.getTime());
  const m: Contribution["m"] = {};
  const first = times[0].getTime();
  let previousMonth = "";
  times.forEach((t, i) => {
    const month = cal.month(t);
    const cell = (m[month] ??= [0, 0, 0]);
    cell[0]++;
    if (t.getTime() > first) cell[1]++;
    // The first order of a month after a gap longer than the window: the customer came back.
    if (
      month !== previousMonth &&
      i > 0 &&
      t.getTime() - times[i - 1].getTime() > dormantDays * DAY
    )
      cell[2] = 1;
    previousMonth = month;
  });
  return {
    d: cal.day(times[times.length - 1]),
    f: times.length >= 2 ? 1 : 0,
    m,
  };
}

export interface StatDeltas {
  customers: number;
  fans: number;
  days: Map<string, number>;
  months: Map<string, [number, number, number]>;
}

export function newDeltas(): StatDeltas {
  return { customers: 0, fans: 0, days: new Map(), months: new Map() };
}

/** Adds new − old to the deltas; `old` null means the customer was not counted before. */
export function addDelta(
  deltas: StatDeltas,
  old: Contribution | null,
  next: Contribution | null,
): void {
  if (!old && next) deltas.customers++;
  if (old && !next) deltas.customers--;
  const o = old ?? EMPTY;
  const n = next ?? EMPTY;
  deltas.fans += n.f - o.f;
  if (o.d !== n.d) {
    if (o.d) deltas.days.set(o.d, (deltas.days.get(o.d) ?? 0) - 1);
    if (n.d) deltas.days.set(n.d, (deltas.days.get(n.d) ?? 0) + 1);
  }
  for (const [sign, c] of [
    [-1, o],
    [1, n],
  ] as const) {
    for (const [month, cell] of Object.entries(c.m)) {
      const acc = deltas.months.get(month) ?? [0, 0, 0];
      deltas.months.set(month, [
        acc[0] + sign * cell[0],
        acc[1] + sign * cell[1],
        acc[2] + sign * cell[2],
      ]);
    }
  }
}

export function parseContribution(json: string | null): Contribution | null {
  return json ? (JSON.parse(json) as Contribution) : null;
}
