import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import prisma, { createPrismaClient } from "~/db.server";
import { durable } from "~/db-durability.server";

/**
 * SQLite runs with synchronous = NORMAL; durable() is the explicit sync point the follow-up
 * engine takes before calling a provider. On PostgreSQL it does nothing.
 */
const dir = mkdtempSync(path.join(tmpdir(), "tsunagu-durable-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("durable commits", () => {
  it("SQLite: NORMAL sync per commit, and durable() syncs the WAL (or finds none to sync)", async () => {
    if (!/^file:/.test(process.env.DATABASE_URL ?? "file:")) return; // the PostgreSQL pass
    const db = await createPrismaClient(`file:${path.join(dir, "d.sqlite")}`);
    const [{ synchronous }] =
      await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>(
        "PRAGMA synchronous",
      );
    expect(Number(synchronous)).toBe(1);
    await db.$executeRawUnsafe("CREATE TABLE t (x INTEGER)");
    await db.$executeRawUnsafe("INSERT INTO t VALUES (1)");
    await expect(durable(db)).resolves.toBeUndefined();
    await db.$disconnect();
    // After the last connection closed, SQLite removed the WAL file: nothing to sync, no error.
    await expect(durable(db)).resolves.toBeUndefined();
  });

  it("works for the app's own client, SQLite or PostgreSQL (where it does nothing)", async () => {
    await expect(durable(prisma)).resolves.toBeUndefined();
  });
});
