/** The zone a shop's dates are read in until its details have been read from Shopify. */
export const DEFAULT_TIME_ZONE = "Asia/Tokyo";

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * How far a time zone's clock is ahead of UTC at the moment `ms` (negative when behind), in
 * milliseconds, to the second: Tokyo 9 h, New York −5 h or −4 h by the date.
 */
export function zoneOffset(ms: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (!format)
    formats.set(
      timeZone,
      (format = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      })),
    );
  const whole = Math.floor(ms / 1000) * 1000;
  const p = Object.fromEntries(
    format.formatToParts(new Date(whole)).map((x) => [x.type, x.value]),
  );
  return (
    Date.UTC(
      Number(p.year),
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour),
      Number(p.minute),
      Number(p.second),
    ) - whole
  );
}
