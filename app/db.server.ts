import { PrismaClient } from "@prisma/client";
import { env } from "./env.server";

/**
 * One Prisma client per process. Prisma runs with a driver adapter (see
 * docs/decisions/003-database.md): better-sqlite3 for file: URLs, node-postgres otherwise.
 */
export async function createPrismaClient(url: string): Promise<PrismaClient> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  }
  const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: url.replace(/^file:/, "") }) });
  // WAL lets the web process read while a worker process writes; busy_timeout makes a writer
  // wait for the lock instead of failing with SQLITE_BUSY.
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  return client;
}

declare global {
  var __tsunaguPrisma: PrismaClient | undefined;
}

// Top-level await keeps the rest of the app synchronous about the client; the global survives
// Vite's module reloads in development.
const prisma: PrismaClient = globalThis.__tsunaguPrisma ?? (await createPrismaClient(env().DATABASE_URL));
if (env().NODE_ENV !== "production") globalThis.__tsunaguPrisma = prisma;

export default prisma;
