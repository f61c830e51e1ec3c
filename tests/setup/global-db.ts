import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "../../scripts/migrate";

/**
 * Integration tests run against a real database: a fresh SQLite file by default, or the
 * PostgreSQL database in DATABASE_URL (CI's second pass). Migrations are applied once here;
 * each test file then empties the tables it uses (tests/support/db.ts).
 */
export default async function setup() {
  if (
    !process.env.DATABASE_URL ||
    process.env.DATABASE_URL.startsWith("file:")
  ) {
    const dir = mkdtempSync(path.join(tmpdir(), "tsunagu-test-"));
    process.env.DATABASE_URL = `file:${path.join(dir, "test.sqlite")}`;
  }
  await migrate(process.env.DATABASE_URL, () => undefined);
}
