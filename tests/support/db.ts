import { Prisma, type PrismaClient } from "@prisma/client";

/** Empties every table, so each test file starts from nothing whatever ran before it. */
export async function resetDatabase(db: PrismaClient): Promise<void> {
  for (const model of Prisma.dmmf.datamodel.models) {
    const delegate = model.name.charAt(0).toLowerCase() + model.name.slice(1);
    await (db as unknown as Record<string, { deleteMany(): Promise<unknown> }>)[
      delegate
    ].deleteMany();
  }
}
