import { open, type FileHandle } from "node:fs/promises";
import type { PrismaClient } from "@prisma/client";

/** Each SQLite client's WAL file (set by createPrismaClient). */
const walFiles = new WeakMap<PrismaClient, string>();

export function registerWal(db: PrismaClient, walFile: string): void {
  walFiles.set(db, walFile);
}

/**
 * Makes every commit so far survive a power cut. SQLite runs with WAL and synchronous = NORMAL
 * (commits are not fsynced); this fdatasyncs the WAL file, which is what synchronous = FULL does
 * at every commit, here only where it matters and off the event loop. If a checkpoint moved the
 * frames meanwhile, SQLite synced the WAL before and the database file after it. PostgreSQL
 * commits are durable already: nothing to do.
 */
export async function durable(db: PrismaClient): Promise<void> {
  const wal = walFiles.get(db);
  if (!wal) return;
  let handle: FileHandle;
  try {
    handle = await open(wal, "r");
  } catch {
    return; // no WAL file: every commit is in the database file, synced at the last checkpoint
  }
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
