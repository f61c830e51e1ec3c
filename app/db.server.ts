import path from "node:path";
import { PrismaClient } from "@prisma/client";
import { env } from "./env.server";
import { registerWal } from "./db-durability.server";

/**
 * One Prisma client per process. Prisma runs with a driver adapter (see
 * docs/decisions/003-database.md): better-sqlite3 for file: URLs, node-postgres otherwise.
 */
export async function createPrismaClient(url: string): Promise<PrismaClient> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PrismaClient({
      adapter: new PrismaPg({ connectionString: url }),
    });
  }
  const { PrismaBetterSQLite3 } =
    await import("@prisma/adapter-better-sqlite3");
  const file = url.replace(/^file:/, "");
  const client = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: file }),
  });
  // WAL lets the web process read while a worker process writes; busy_timeout makes a writer
  // wait for the lock instead of failing with SQLITE_BUSY. synchronous = NORMAL: a commit is not
  // fsynced (a power cut may lose the last ones, never corrupts); the one commit that must
  // survive a power cut, a follow-up marked "sending" before the provider is called, is made
  // durable with durable() (db-durability.server.ts).
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await client.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 10000");
  registerWal(client, `${path.resolve(file)}-wal`);
  return client;
}

declare global {
  var __tsunaguPrisma: PrismaClient | undefined;
}

// Top-level await keeps the rest of the app synchronous about the client; the global survives
// Vite's module reloads in development.
const prisma: PrismaClient =
  globalThis.__tsunaguPrisma ?? (await createPrismaClient(env().DATABASE_URL));
if (env().NODE_ENV !== "production") globalThis.__tsunaguPrisma = prisma;

export default prisma;
