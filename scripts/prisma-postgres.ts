/**
 * Writes prisma/postgresql/schema.prisma from prisma/schema.prisma: same models, provider
 * "postgresql". Run after every schema change (`npm run prisma:postgres`), then create the
 * migration for both providers (see docs/decisions/003-database.md).
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

export function toPostgresSchema(sqlite: string): string {
  const out = sqlite
    .replace(/provider = "sqlite"/, 'provider = "postgresql"')
    .replace(
      /url\s+= "file:[^"]*"/,
      'url      = "postgresql://localhost:5432/tsunagu"',
    );
  if (out === sqlite)
    throw new Error("prisma/schema.prisma has no sqlite datasource to convert");
  return (
    "// GENERATED from prisma/schema.prisma by scripts/prisma-postgres.ts. Do not edit.\n" +
    out
  );
}

if (process.argv[1]?.endsWith("prisma-postgres.ts")) {
  mkdirSync("prisma/postgresql", { recursive: true });
  writeFileSync(
    "prisma/postgresql/schema.prisma",
    toPostgresSchema(readFileSync("prisma/schema.prisma", "utf8")),
  );
  console.log("wrote prisma/postgresql/schema.prisma");
}
