import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's native engines cannot be downloaded on these machines, so Prisma runs in its
// driver-adapter mode (engine "js"): the same adapters the app uses at run time also run the
// migrations. A postgres URL selects the PostgreSQL schema and migrations; anything else SQLite.
const url = process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite";
const isPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres
    ? path.join("prisma", "postgresql", "schema.prisma")
    : path.join("prisma", "schema.prisma"),
  async adapter() {
    if (isPostgres) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } =
      await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: url.replace(/^file:/, "") });
  },
});
