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
 *   { sql, flat }           the same with the rows laid end to end (cheaper to pass), each
 *                           followed by flat.suffix if given
 *   { sql, rows, all: true} query with rows[0]; the result is the rows
 * If a step throws, the thread rolls back an open transaction and the whole request rejects.
 *
 * The worker's code is a string evaluated by Node, so it needs no build step and works the same
 * under tsx, vitest and the Remix server bundle; it loads the same better-sqlite3 as the app.
 */
export interface Step {
  sql: string;
  rows?: unknown[][];
  /** Many rows as one flat list, `width` values each: far cheaper to pass between threads. */
  flat?: { width: number; values: unknown[]; suffix?: unknown[] };
  all?: boolean;
}

/**
 * Runs steps on a connection, given its cached `prepare`. JavaScript source, not a function, so
 * the thread (which evaluates a string) and the caller's own connection run the very same code:
 * a bundler's rewriting of a function's text could not reach the thread.
 */
const RUN_STEPS = `(prepare) => (steps) =>
  steps.map((step) => {
    const s = prepare(step.sql);
    if (step.all) return s.all(...(step.rows ? step.rows[0] : []));
    if (step.flat) {
      const { width, values, suffix } = step.flat;
      const changes = new Array(values.length / width);
      for (let i = 0; i < changes.length; i++) {
        const row = values.slice(i * width, (i + 1) * width);
        if (suffix) row.push(...suffix);
        changes[i] = s.run(row).changes;
      }
      return changes;
    }
    if (!step.rows) return s.run().changes;
    const changes = new Array(step.rows.length);
    for (let i = 0; i < step.rows.length; i++) changes[i] = s.run(...step.rows[i]).changes;
    return changes;
  })`;

interface Prepared {
  run(...params: unknown[]): { changes: number };
  all(...params: unknown[]): unknown[];
}

/** The step runner for a connection on the caller's thread (the same code the thread runs). */
export const stepRunner: (
  prepare: (sql: string) => Prepared,
) => (steps: Step[]) => unknown[] = new Function(`return ${RUN_STEPS}`)();

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
const runSteps = (${RUN_STEPS})(prepare);
const holds = (guard, out) => {
  const r = out[guard.step];
  if (guard.kind === "empty") return Array.isArray(r) && r.length === 0;
  if (guard.kind === "noZero") return Array.isArray(r) && !r.includes(0);
  if (guard.kind === "counts") {
    const expected = new Map(guard.expect);
    return r.every((row) => expected.get(row.cid) === row.n) && r.length === expected.size;
  }
  return false;
};
function handle(message) {
  if (message.close) {
    if (db.inTransaction) db.exec("ROLLBACK");
    for (const p of message.close) db.pragma(p);
    db.close();
    parentPort.postMessage({ id: message.id, out: [] });
    return;
  }
  try {
    const out = runSteps(message.steps);
    let settled = false;
    if (message.then) {
      // Guards hold: finish the transaction here. Otherwise undo it: the caller applies it itself.
      if (message.then.guards.every((g) => holds(g, out))) {
        runSteps(message.then.steps);
        settled = true;
      } else if (db.inTransaction) db.exec("ROLLBACK");
    }
    parentPort.postMessage({ id: message.id, out, settled });
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
}
parentPort.on("message", handle);
`;

/** A condition on one step's result, checked on the thread. */
export type Guard =
  | { kind: "empty"; step: number }
  | { kind: "noZero"; step: number }
  | { kind: "counts"; step: number; expect: [string, number][] }
  | { kind: "never"; step: number };

export interface SqliteThread {
  run(steps: Step[]): Promise<unknown[]>;
  /**
   * Runs `steps`; if every guard holds on their results, runs `then` at once (typically the rest
   * of the transaction and COMMIT) without a round trip, and answers settled. Otherwise it rolls
   * the transaction back and answers not settled. A transaction never waits on the caller: the
   * caller's own SQLite calls block its thread, so waiting on it could deadlock.
   */
  runGuarded(
    steps: Step[],
    then: { guards: Guard[]; steps: Step[] },
  ): Promise<{ out: unknown[]; settled: boolean }>;
  /** Rolls back anything left open, runs the closing pragmas, closes the file and ends the thread. */
  close(pragmas?: string[]): Promise<void>;
}

export function openSqliteThread(
  file: string,
  pragmas: string[],
): SqliteThread {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { driver, file, pragmas },
  });
  const waiting = new Map<
    number,
    {
      resolve: (m: { out: unknown[]; settled: boolean }) => void;
      reject: (error: Error) => void;
    }
  >();
  let next = 0;
  let dead: Error | null = null;
  const failAll = (error: Error) => {
    dead ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on(
    "message",
    (m: { id: number; out?: unknown[]; settled?: boolean; error?: string }) => {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.error !== undefined) w?.reject(new Error(m.error));
      else w?.resolve({ out: m.out ?? [], settled: m.settled ?? false });
    },
  );
  worker.on("error", failAll);
  worker.on("exit", (code) =>
    failAll(new Error(`SQLite thread exited (${code})`)),
  );
  const send = (message: Record<string, unknown>) =>
    new Promise<{ out: unknown[]; settled: boolean }>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  return {
    run: async (steps) => (await send({ steps })).out,
    runGuarded: (steps, then) => send({ steps, then }),
    async close(closing = []) {
      try {
        if (!dead) await send({ close: closing });
      } finally {
        await worker.terminate();
      }
    },
  };
}
