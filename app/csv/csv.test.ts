import { describe, expect, it } from "vitest";
import { decodeCsv, parseCsv, toCsv, zonedIso } from "./csv";

describe("toCsv", () => {
  it("quotes, neutralises formulas and starts with a BOM", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["=1+1", 'say "hi", 改行\nあり'],
          [null, -3],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n\'=1+1,"say ""hi"", 改行\nあり"\r\n,\'-3\r\n');
  });
});

describe("dates", () => {
  it("are written as the shop's clock shows them, with the offset", () => {
    // 08:30 on 1 March in Tokyo is still 28 February in UTC.
    const at = new Date("2025-02-28T23:30:00Z");
    expect(toCsv(["at"], [[at]], "Asia/Tokyo")).toBe(
      "\uFEFFat\r\n2025-03-01T08:30:00+09:00\r\n",
    );
    expect(zonedIso(at, "America/New_York")).toBe("2025-02-28T18:30:00-05:00");
    expect(zonedIso(new Date("2025-07-01T12:00:00Z"), "America/New_York")).toBe(
      "2025-07-01T08:00:00-04:00",
    );
    expect(zonedIso(at, "Asia/Kolkata")).toBe("2025-03-01T05:00:00+05:30");
    expect(zonedIso(at, "UTC")).toBe("2025-02-28T23:30:00+00:00");
  });
});

describe("parseCsv", () => {
  it("reads what toCsv writes, with each record's row as a spreadsheet numbers it", () => {
    const parsed = parseCsv(
      toCsv(
        ["q", "a"],
        [
          ["送料は?", "無料です\n(一部地域を除く)"],
          ["返品", "7日以内"],
        ],
      ),
    );
    expect(parsed).toEqual({
      ok: true,
      records: [
        { row: 1, cells: ["q", "a"] },
        { row: 2, cells: ["送料は?", "無料です\n(一部地域を除く)"] },
        // Row 3, though it starts on line 4: the cell above holds a line break.
        { row: 3, cells: ["返品", "7日以内"] },
      ],
    });
  });

  it("skips blank lines, which still count as rows, and accepts LF, CRLF and a missing final newline", () => {
    const parsed = parseCsv("a,b\n\n1,2\r\n3,4");
    expect(parsed.ok && parsed.records.map((r) => [r.row, ...r.cells])).toEqual(
      [
        [1, "a", "b"],
        [3, "1", "2"],
        [4, "3", "4"],
      ],
    );
  });

  it("reports an unterminated quote at the record's row", () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({
      ok: false,
      row: 2,
      reason: "unterminated-quote",
    });
  });

  it("reports a quote in the middle of a cell", () => {
    expect(parseCsv('a,b\n"1\n2",3\n1,x"y"\n')).toEqual({
      ok: false,
      row: 3,
      reason: "stray-quote",
    });
  });
});

describe("decodeCsv", () => {
  const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

  it("reads UTF-8 and drops the BOM our export writes", () => {
    expect(
      decodeCsv(new TextEncoder().encode(toCsv(["q"], [["送料は無料です"]]))),
    ).toBe("q\r\n送料は無料です\r\n");
  });

  it("reads Shift_JIS, as Excel in Japanese saves CSV", () => {
    // "q\r\n送料は無料です" in Shift_JIS (cp932): invalid as UTF-8.
    const bytes = Uint8Array.from([
      ...ascii("q\r\n"),
      0x91,
      0x97,
      0x97,
      0xbf,
      0x82,
      0xcd,
      0x96,
      0xb3,
      0x97,
      0xbf,
      0x82,
      0xc5,
      0x82,
      0xb7,
    ]);
    expect(decodeCsv(bytes)).toBe("q\r\n送料は無料です");
  });

  it("returns null for bytes that are neither", () => {
    expect(decodeCsv(Uint8Array.from([0xff, 0xfe, 0x41, 0xff]))).toBeNull();
  });
});
