import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteThread, type SqliteThread } from "./sqlite-thread.server";

let dir = "";
let thread: SqliteThread | null = null;

function open() {
  dir = mkdtempSync(path.join(tmpdir(), "tsunagu-thread-"));
  const file = path.join(dir, "t.sqlite");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec(`CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)`);
  db.close();
  thread = openSqliteThread(file, ["busy_timeout = 1000"]);
  return { file, thread };
}

afterEach(async () => {
  await thread?.close();
  thread = null;
  rmSync(dir, { recursive: true, force: true });
});

const INSERT = `INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE excluded.v > t.v`;

describe("SQLite thread", () => {
  it("runs steps in order and answers with change counts and rows", async () => {
    const { thread } = open();
    const out = await thread.run([
      { sql: "BEGIN IMMEDIATE" },
      {
        sql: INSERT,
        rows: [
          ["a", 1],
          ["b", 2],
          ["a", 0],
        ],
      },
      {
        sql: "SELECT k, v FROM t WHERE v >= ? ORDER BY k",
        rows: [[1]],
        all: true,
      },
      { sql: "COMMIT" },
    ]);
    // The third row lost to the WHERE of the upsert: 0 changes.
    expect(out[1]).toEqual([1, 1, 0]);
    expect(out[2]).toEqual([
      { k: "a", v: 1 },
      { k: "b", v: 2 },
    ]);
  });

  it("rolls back the open transaction when a step fails, and keeps serving", async () => {
    const { file, thread } = open();
    await expect(
      thread.run([
        { sql: "BEGIN IMMEDIATE" },
        {
          sql: INSERT,
          rows: [
            ["a", 1],
            ["b", null],
          ],
        },
        { sql: "COMMIT" },
      ]),
    ).rejects.toThrow(/NOT NULL/);
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare("SELECT COUNT(*) AS n FROM t").get()).toEqual({
      n: 0,
    });
    reader.close();
    // A later request starts its own transaction normally.
    await thread.run([
      { sql: "BEGIN IMMEDIATE" },
      { sql: INSERT, rows: [["c", 3]] },
      { sql: "COMMIT" },
    ]);
    expect(await thread.run([{ sql: "SELECT k FROM t", all: true }])).toEqual([
      [{ k: "c" }],
    ]);
  });

  it("answers requests in the order they were sent, even when they are not awaited", async () => {
    const { thread } = open();
    const pending = Array.from({ length: 20 }, (_, i) =>
      thread.run([
        { sql: INSERT, rows: [["k", i]] },
        { sql: "SELECT v FROM t", all: true },
      ]),
    );
    const answers = await Promise.all(pending);
    expect(answers.map((a) => (a[1] as { v: number }[])[0].v)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  it("leaves nothing half-written when closed inside a transaction, and refuses work after close", async () => {
    const { file, thread: t } = open();
    await t.run([
      { sql: "BEGIN IMMEDIATE" },
      { sql: INSERT, rows: [["a", 1]] },
    ]);
    await t.close(["wal_checkpoint(TRUNCATE)"]);
    thread = null;
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare("SELECT COUNT(*) AS n FROM t").get()).toEqual({
      n: 0,
    });
    reader.close();
    await expect(t.run([{ sql: "SELECT 1", all: true }])).rejects.toThrow(
      /exited/,
    );
  });

  it("commits a guarded request at once when its guards hold, and rolls it back when they do not", async () => {
    const { file, thread } = open();
    const read = () => {
      const reader = new Database(file, { readonly: true });
      const rows = reader.prepare("SELECT k, v FROM t ORDER BY k").all();
      reader.close();
      return rows;
    };
    const fast = await thread.runGuarded(
      [
        { sql: "BEGIN IMMEDIATE" },
        { sql: INSERT, flat: { width: 2, values: ["a", 1, "b", 2] } },
        { sql: "SELECT k FROM t WHERE k = 'zz'", all: true },
      ],
      {
        guards: [
          { kind: "noZero", step: 1 },
          { kind: "empty", step: 2 },
        ],
        steps: [{ sql: "COMMIT" }],
      },
    );
    expect(fast).toEqual({ out: [0, [1, 1], []], settled: true });
    expect(read()).toEqual([
      { k: "a", v: 1 },
      { k: "b", v: 2 },
    ]);

    // A guard fails (the upsert kept the stored row): nothing of the request stays, and the
    // thread is free at once (a held transaction would block the caller's own connection).
    const slow = await thread.runGuarded(
      [
        { sql: "BEGIN IMMEDIATE" },
        {
          sql: INSERT,
          rows: [
            ["c", 3],
            ["a", 0],
          ],
        },
      ],
      { guards: [{ kind: "noZero", step: 1 }], steps: [{ sql: "COMMIT" }] },
    );
    expect(slow).toEqual({ out: [0, [1, 0]], settled: false });
    expect(read()).toEqual([
      { k: "a", v: 1 },
      { k: "b", v: 2 },
    ]);
    const writer = new Database(file);
    writer.pragma("busy_timeout = 100");
    writer.prepare("INSERT INTO t (k, v) VALUES ('d', 4)").run();
    writer.close();
    expect(read()).toHaveLength(3);
  });
});
