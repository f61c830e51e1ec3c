import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * A SQLite connection that lives on its own thread, so statements run while the caller's thread
 * goes on parsing. The caller sends lists of steps; the thread runs them in order and answers
 * with each step's result. Nothing but SQL runs there: all decisions stay with the caller.
 *
 * A step is a statement and its parameter rows:
 *   { sql }                 run once without parameters (BEGIN, COMMIT)
 *   { sql, rows }           run once per row; the result is each run's change count
 *   { sql, rows, all: true} query with rows[0]; the result is the rows
 * If a step throws, the thread rolls back an open transaction and the whole request rejects.
 *
 * The worker's code is a string evaluated by Node, so it needs no build step and works the same
 * under tsx, vitest and the Remix server bundle; it loads the same better-sqlite3 as the app.
 */
export interface Step {
  sql: string;
  rows?: unknown[][];
  all?: boolean;
}

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
for (const p of workerData.pragmas) db.pragma(p);
const statements = new Map();
const prepare = (sql) => {
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = db.prepare(sql)));
  return s;
};
parentPort.on("message", (message) => {
  if (message.close) {
    if (db.inTransaction) db.exec("ROLLBACK");
    for (const p of message.close) db.pragma(p);
    db.close();
    parentPort.postMessage({ id: message.id, out: [] });
    return;
  }
  try {
    const out = message.steps.map((step) => {
      const s = prepare(step.sql);
      if (step.all) return s.all(...(step.rows ? step.rows[0] : []));
      if (!step.rows) return s.run().changes;
      const changes = new Array(step.rows.length);
      for (let i = 0; i < step.rows.length; i++) changes[i] = s.run(...step.rows[i]).changes;
      return changes;
    });
    parentPort.postMessage({ id: message.id, out });
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
});
`;

export interface SqliteThread {
  run(steps: Step[]): Promise<unknown[]>;
  /** Rolls back anything left open, runs the closing pragmas, closes the file and ends the thread. */
  close(pragmas?: string[]): Promise<void>;
}

export function openSqliteThread(file: string, pragmas: string[]): SqliteThread {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file, pragmas } });
  const waiting = new Map<number, { resolve: (out: unknown[]) => void; reject: (error: Error) => void }>();
  let next = 0;
  let dead: Error | null = null;
  const failAll = (error: Error) => {
    dead ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on("message", (m: { id: number; out?: unknown[]; error?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (m.error !== undefined) w?.reject(new Error(m.error));
    else w?.resolve(m.out ?? []);
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`SQLite thread exited (${code})`)));
  const send = (message: Record<string, unknown>) =>
    new Promise<unknown[]>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  return {
    run: (steps) => send({ steps }),
    async close(closing = []) {
      try {
        if (!dead) await send({ close: closing });
      } finally {
        await worker.terminate();
      }
    },
  };
}
