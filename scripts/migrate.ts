/**
 * Applies pending migrations: prisma/migrations (SQLite) or prisma/postgresql/migrations
 * (PostgreSQL), chosen by DATABASE_URL. `npm run db:migrate`.
 *
 * Why not `prisma migrate deploy`: in driver-adapter mode (the only mode that works offline, see
 * docs/decisions/003-database.md) Prisma 6.19's migrate fails on PostgreSQL with "Column type
 * 'name' could not be deserialized" (prisma/orm#27403). The migrations are still the SQL Prisma
 * generated; this runner applies each once, in order, in a transaction, and records it.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const TABLE = "_tsunagu_migrations";

export function pendingMigrations(
  dir: string,
  applied: Set<string>,
): { name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((name) => /^\d{14}_[\w-]+$/.test(name))
    .sort()
    .filter((name) => !applied.has(name))
    .map((name) => ({
      name,
      sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8"),
    }));
}

export async function migrate(
  url: string,
  log: (line: string) => void = console.log,
): Promise<string[]> {
  if (/^postgres(ql)?:\/\//.test(url)) return migratePostgres(url, log);
  return migrateSqlite(url.replace(/^file:/, ""), log);
}

async function migrateSqlite(
  file: string,
  log: (line: string) => void,
): Promise<string[]> {
  const { default: Database } = await import("better-sqlite3");
  const { restoreDeferredIndexes } =
    await import("../app/customers/sync-sqlite.server");
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`,
    );
    const applied = new Set(
      (db.prepare(`SELECT name FROM ${TABLE}`).all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    // Indexes a customer sync dropped to load faster (sync-sqlite.server.ts) are back before any
    // migration could expect them, even if the sync's process died before rebuilding them.
    restoreDeferredIndexes(db, applied);
    const pending = pendingMigrations(
      path.join("prisma", "migrations"),
      applied,
    );
    for (const m of pending) {
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare(`INSERT INTO ${TABLE} (name, applied_at) VALUES (?, ?)`).run(
          m.name,
          new Date().toISOString(),
        );
      })();
      log(`applied ${m.name}`);
    }
    return pending.map((m) => m.name);
  } finally {
    db.close();
  }
}

async function migratePostgres(
  url: string,
  log: (line: string) => void,
): Promise<string[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One deploy at a time, even when several app instances start together.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ name: string }>(
      `SELECT name FROM ${TABLE}`,
    );
    const pending = pendingMigrations(
      path.join("prisma", "postgresql", "migrations"),
      new Set(rows.map((r) => r.name)),
    );
    for (const m of pending) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO ${TABLE} (name) VALUES ($1)`, [m.name]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(
          `migration ${m.name} failed: ${error instanceof Error ? error.message : error}`,
        );
      }
      log(`applied ${m.name}`);
    }
    return pending.map((m) => m.name);
  } finally {
    await client
      .query("SELECT pg_advisory_unlock(727274)")
      .catch(() => undefined);
    await client.end();
  }
}

if (process.argv[1]?.endsWith("migrate.ts")) {
  const url = process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite";
  migrate(url)
    .then((names) =>
      console.log(
        names.length
          ? `${names.length} migration(s) applied`
          : "database is up to date",
      ),
    )
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
