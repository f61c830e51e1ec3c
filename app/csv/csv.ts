/**
 * CSV as spreadsheets (Excel, Numbers, Google Sheets) write and read it: RFC 4180 quoting, CRLF,
 * and a UTF-8 BOM so Excel opens Japanese text correctly.
 */
import { zoneOffset } from "../shops/clock";

/**
 * A moment as the shop's clock shows it, with its offset: "2025-03-01T08:30:00+09:00". In UTC an
 * order at 08:30 in Tokyo reads as the day before, and a merchant filters a sheet by day.
 */
export function zonedIso(at: Date, timeZone: string): string {
  const offset = zoneOffset(at.getTime(), timeZone);
  const local = new Date(Math.floor(at.getTime() / 1000) * 1000 + offset)
    .toISOString()
    .slice(0, 19);
  const minutes = Math.round(offset / 60_000);
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${minutes < 0 ? "-" : "+"}${hh}:${mm}`;
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is written as text. */
export function csvCell(value: unknown, timeZone = "UTC"): string {
  let text =
    value instanceof Date
      ? zonedIso(value, timeZone)
      : value == null
        ? ""
        : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Dates are written in `timeZone`, the shop's. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  timeZone = "UTC",
): string {
  return (
    "\uFEFF" +
    [
      header.join(","),
      ...rows.map((r) => r.map((v) => csvCell(v, timeZone)).join(",")),
    ].join("\r\n") +
    "\r\n"
  );
}

/**
 * The text of an uploaded CSV file. UTF-8 (with or without a BOM) as our export writes it, or
 * Shift_JIS: Excel in Japanese saves "CSV (コンマ区切り)" in Shift_JIS (cp932), so a merchant who
 * edits an export there and saves brings it back in that encoding. Read as UTF-8 it would turn
 * into replacement characters and still pass validation. Null when it is neither.
 */
export function decodeCsv(bytes: Uint8Array): string | null {
  for (const encoding of ["utf-8", "shift_jis"])
    try {
      return new TextDecoder(encoding, { fatal: true })
        .decode(bytes)
        .replace(/^\uFEFF/, "");
    } catch {
      // not this encoding
    }
  return null;
}

export interface CsvRecord {
  /**
   * The record's row as a spreadsheet shows it (the header is row 1), for error reports: records
   * are counted, not lines, since a cell may hold line breaks. A blank line is a (blank) row.
   */
  row: number;
  cells: string[];
}

export type CsvParse =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; row: number; reason: "unterminated-quote" | "stray-quote" };

/** Parses CSV text into records (the header included), keeping each record's row. */
export function parseCsv(input: string): CsvParse {
  const text = input.replace(/^\uFEFF/, "");
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let row = 1;
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
      continue;
    }
    if (c === '"') {
      if (cell !== "" || wasQuoted)
        return { ok: false, row, reason: "stray-quote" };
      quoted = wasQuoted = true;
    } else if (c === ",") {
      cells.push(cell);
      cell = "";
      wasQuoted = false;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== "") records.push({ row, cells });
      cells = [];
      cell = "";
      wasQuoted = false;
      row++;
    } else {
      if (wasQuoted) return { ok: false, row, reason: "stray-quote" };
      cell += c;
    }
  }
  if (quoted) return { ok: false, row, reason: "unterminated-quote" };
  cells.push(cell);
  if (cells.length > 1 || cells[0] !== "") records.push({ row, cells });
  return { ok: true, records };
}
