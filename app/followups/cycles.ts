import { z } from "zod";

/**
 * Per-product consumption cycles (how many days one purchase lasts), set by the merchant. The
 * replenishment flow is due that many days after delivery; an order with several such products
 * uses the shortest cycle, an order without any gets no reminder.
 */
export const MAX_CYCLE_DAYS = 365;
export const MAX_CYCLES = 500;

export interface Cycle {
  productId: string;
  title: string;
  days: number;
}

/** Why one row's days were refused: nothing typed, or not a whole number from 1 to 365. */
export type CycleDaysError = "required" | "days";

const row = z.object({
  productId: z.string().regex(/^\d{1,20}$/),
  title: z.string().max(255),
  days: z.string(),
});

/**
 * The days as typed, or why not. Full-width digits and spaces (「３０」, an IME's default) read as
 * 30 through NFKC; signs, decimals, exponents ("1e2") and kanji numerals (七) are refused rather
 * than guessed at.
 */
export function parseCycleDays(
  text: string,
): { ok: true; days: number } | { ok: false; error: CycleDaysError } {
  const typed = text.normalize("NFKC").trim();
  if (!typed) return { ok: false, error: "required" };
  // Four digits at most: "0030" is 30, and a pasted 20-digit number is not read as a float.
  if (!/^\d{1,4}$/.test(typed)) return { ok: false, error: "days" };
  const days = Number(typed);
  return days >= 1 && days <= MAX_CYCLE_DAYS
    ? { ok: true, days }
    : { ok: false, error: "days" };
}

/** Form rows -> cycles, or an error per product id (`required`, `days`) / for the whole list (`form`: `tooMany`, `invalid`). */
export function parseCycles(
  json: string,
):
  { ok: true; value: Cycle[] } | { ok: false; errors: Record<string, string> } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, errors: { form: "invalid" } };
  }
  // More products than a page could hold says so; anything else unreadable came from a broken page.
  if (Array.isArray(raw) && raw.length > MAX_CYCLES)
    return { ok: false, errors: { form: "tooMany" } };
  const parsed = z.array(row).safeParse(raw);
  if (!parsed.success) return { ok: false, errors: { form: "invalid" } };
  const errors: Record<string, string> = {};
  const value: Cycle[] = [];
  const seen = new Set<string>();
  for (const r of parsed.data) {
    if (seen.has(r.productId)) continue;
    seen.add(r.productId);
    const days = parseCycleDays(r.days);
    if (!days.ok) errors[r.productId] = days.error;
    else
      value.push({ productId: r.productId, title: r.title, days: days.days });
  }
  return Object.keys(errors).length
    ? { ok: false, errors }
    : { ok: true, value };
}
