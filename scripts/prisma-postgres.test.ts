import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toPostgresSchema } from "./prisma-postgres";

describe("PostgreSQL schema", () => {
  it("is the SQLite schema with only the provider changed (run `npm run prisma:postgres` after editing)", () => {
    const generated = toPostgresSchema(
      readFileSync("prisma/schema.prisma", "utf8"),
    );
    expect(readFileSync("prisma/postgresql/schema.prisma", "utf8")).toBe(
      generated,
    );
  });

  it("has a migration for every SQLite migration", () => {
    const names = (dir: string) =>
      readdirSync(dir)
        .filter((n) => /^\d{14}_/.test(n))
        .sort();
    expect(names("prisma/postgresql/migrations")).toEqual(
      names("prisma/migrations"),
    );
  });
});
