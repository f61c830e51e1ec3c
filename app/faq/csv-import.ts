import { parseCsv, toCsv } from "../csv/csv";
import {
  handleFrom,
  validateEntry,
  type EntryErrorKey,
  type EntryInput,
} from "./entry";

/**
 * FAQ CSV: one row per entry and language, so a merchant can bring an FAQ from a spreadsheet or
 * another app. Rows with the same handle are one entry in several languages. Every bad row is
 * reported with its row (as a spreadsheet numbers it) and reason; the good ones are importable
 * on their own.
 */
export const CSV_COLUMNS = [
  "handle",
  "locale",
  "question",
  "answer",
  "category",
  "tags",
  "position",
  "published",
  "phrasings",
] as const;
const REQUIRED = ["locale", "question", "answer"] as const;
type Column = (typeof CSV_COLUMNS)[number];

/**
 * Headers as a Japanese spreadsheet names them: a merchant bringing an FAQ kept in Excel need not
 * rename its columns first. Export writes the English names, which every language reads back.
 */
const HEADER_NAMES: Record<string, Column> = {
  ハンドル: "handle",
  言語: "locale",
  ロケール: "locale",
  質問: "question",
  回答: "answer",
  答え: "answer",
  カテゴリ: "category",
  カテゴリー: "category",
  分類: "category",
  タグ: "tags",
  並び順: "position",
  表示順: "position",
  順番: "position",
  公開: "published",
  公開状態: "published",
  言い換え: "phrasings",
  ほかの聞き方: "phrasings",
  他の聞き方: "phrasings",
};
/** Languages as a merchant may write them in the locale column, besides their codes. */
const LANGUAGE_NAMES: Record<string, string> = {
  日本語: "ja",
  英語: "en",
  japanese: "ja",
  english: "en",
};

export type ImportErrorKey =
  | EntryErrorKey
  | "faq.import.columns"
  | "faq.import.duplicate"
  | "faq.import.unterminatedQuote"
  | "faq.import.strayQuote"
  | "faq.import.header"
  | "faq.import.empty"
  | "faq.import.tooManyRows";

export interface BadRow {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  reason: ImportErrorKey;
  field?: string;
  /** The cell's value, where the reason names it (a language code that is not one). */
  value?: string;
}

export interface CsvImport {
  entries: EntryInput[];
  /** The known columns the file has: what it lacks stays as it is on existing entries. */
  columns: Column[];
  rows: number;
  goodRows: number;
  bad: BadRow[];
}

export const MAX_IMPORT_ROWS = 5_000;

export function parseFaqCsv(text: string, random?: () => string): CsvImport {
  const parsed = parseCsv(text);
  if (!parsed.ok)
    return {
      entries: [],
      columns: [],
      rows: 0,
      goodRows: 0,
      bad: [
        {
          row: parsed.row,
          reason:
            parsed.reason === "unterminated-quote"
              ? "faq.import.unterminatedQuote"
              : "faq.import.strayQuote",
        },
      ],
    };
  const [header, ...rows] = parsed.records;
  // Rows Excel keeps after their cells were cleared (",,,,,,,") are not rows of the FAQ.
  const records = rows.filter((r) => r.cells.some((c) => c.trim()));
  if (!header)
    return {
      entries: [],
      columns: [],
      rows: 0,
      goodRows: 0,
      bad: [{ row: 1, reason: "faq.import.empty" }],
    };
  const names = header.cells.map((c) => {
    const name = c.normalize("NFKC").trim().toLowerCase();
    return HEADER_NAMES[name] ?? name;
  });
  const missing = REQUIRED.find((r) => !names.includes(r));
  if (missing)
    return {
      entries: [],
      columns: [],
      rows: records.length,
      goodRows: 0,
      bad: [{ row: header.row, reason: "faq.import.header", field: missing }],
    };
  if (records.length > MAX_IMPORT_ROWS)
    return {
      entries: [],
      columns: [],
      rows: records.length,
      goodRows: 0,
      bad: [
        {
          row: records[MAX_IMPORT_ROWS].row,
          reason: "faq.import.tooManyRows",
        },
      ],
    };
  const col = (cells: string[], name: Column) => {
    const i = names.indexOf(name);
    // Undo the export's formula guard so export → import is lossless.
    return i < 0 ? undefined : cells[i].replace(/^'(?=[=+\-@\t\r])/, "");
  };

  const bad: BadRow[] = [];
  const byHandle = new Map<string, EntryInput>();
  const seen = new Set<string>();
  let goodRows = 0;
  for (const { row, cells } of records) {
    if (cells.length !== names.length) {
      bad.push({ row, reason: "faq.import.columns" });
      continue;
    }
    const written = (col(cells, "locale") ?? "").trim();
    const locale = LANGUAGE_NAMES[written.toLowerCase()] ?? written;
    const question = col(cells, "question") ?? "";
    const result = validateEntry(
      {
        handle: col(cells, "handle"),
        position: col(cells, "position"),
        published: col(cells, "published"),
        tags: col(cells, "tags"),
        translations: [
          {
            locale,
            question,
            answer: col(cells, "answer"),
            category: col(cells, "category"),
            phrasings: col(cells, "phrasings"),
            field: "row",
          },
        ],
      },
      () => handleFrom(question, random),
    );
    if (!result.ok) {
      const [key, reason] = Object.entries(result.errors)[0];
      const field = key.replace(/^row\./, "");
      bad.push({
        row,
        reason:
          reason === "faq.error.noTranslation"
            ? "faq.error.questionRequired"
            : reason,
        field,
        ...(field === "locale" ? { value: locale } : {}),
      });
      continue;
    }
    const entry = result.value;
    // The language as validation wrote it: "JA" and "ja" are the same language.
    const key = `${entry.handle}\u0000${entry.translations[0].locale}`;
    if (seen.has(key)) {
      bad.push({ row, reason: "faq.import.duplicate", field: "locale" });
      continue;
    }
    seen.add(key);
    goodRows++;
    const existing = byHandle.get(entry.handle);
    if (!existing) byHandle.set(entry.handle, entry);
    else {
      existing.translations.push(...entry.translations);
      // Entry-wide columns may be filled on any of its rows; the first filled value wins.
      // (The category is a row's own: each language names it in its words.)
      existing.tags = existing.tags.length ? existing.tags : entry.tags;
      existing.position ||= entry.position;
      existing.published ||= entry.published;
    }
  }
  return {
    entries: [...byHandle.values()],
    columns: CSV_COLUMNS.filter((c) => names.includes(c)),
    rows: records.length,
    goodRows,
    bad,
  };
}

export interface ExportableEntry {
  handle: string;
  tags: string;
  position: number;
  published: boolean;
  translations: {
    locale: string;
    question: string;
    answer: string;
    category: string;
    phrasings: string;
  }[];
}

export function faqCsv(entries: ExportableEntry[]): string {
  return toCsv(
    CSV_COLUMNS,
    entries.flatMap((e) =>
      e.translations.map((t) => [
        e.handle,
        t.locale,
        t.question,
        t.answer,
        t.category,
        e.tags,
        e.position,
        e.published ? "true" : "false",
        t.phrasings,
      ]),
    ),
  );
}
