import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Two projects: fast pure/unit tests colocated with the code, and integration tests that start
// real servers (dev store, app, SMTP) or touch a database. CI runs the integration project twice:
// once on SQLite, once on PostgreSQL (DATABASE_URL=postgresql://...).
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "app/**/*.test.tsx", "dev-store/**/*.test.ts", "scripts/**/*.test.ts", "tests/contract/**/*.test.ts", "extensions/**/*.test.ts", "extensions/**/*.test.tsx"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
          setupFiles: ["tests/setup/console.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "**/*.integration.test.ts"],
          exclude: ["node_modules/**"],
          environment: "node",
          setupFiles: ["tests/setup/integration-env.ts", "tests/setup/console.ts"],
          globalSetup: ["tests/setup/global-db.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
