/**
 * How many months the orders bar chart can show in a container this wide with every month still
 * labelled. Polaris Viz silently drops all x-axis labels once a bar group is narrower than its
 * label, which on a 390 px phone left twelve unlabelled pairs of bars; there we show the most
 * recent half year instead, each month named.
 */
/** The y axis and the chart's own padding, in px. */
const CHART_CHROME = 56;
/** A month's pair of bars needs this much to keep "10月" / "Sep" under it, in px. */
const MIN_MONTH_WIDTH = 40;
/** Fewer months than this would not show a trend; narrower than that, labels wrap instead. */
export const NARROW_MONTHS = 6;

export function monthsThatFit(width: number, available: number): number {
  if (!(width > 0)) return available; // not measured yet (or hidden): draw them all
  const fit = Math.floor((width - CHART_CHROME) / MIN_MONTH_WIDTH);
  if (fit >= available) return available;
  return Math.min(available, NARROW_MONTHS);
}
