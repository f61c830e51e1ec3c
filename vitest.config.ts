import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Three projects: fast pure/unit tests colocated with the code, UI extension tests in jsdom, and
// integration tests that start
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
          include: [
            "app/**/*.test.ts",
            "app/**/*.test.tsx",
            "dev-store/**/*.test.ts",
            "scripts/**/*.test.ts",
            "tests/contract/**/*.test.ts",
            "extensions/tsunagu-theme/**/*.test.ts",
          ],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
          setupFiles: ["tests/setup/console.ts"],
        },
      },
      {
        // UI extensions (Preact, `s-` elements) against the official extension tester in jsdom.
        extends: true,
        esbuild: { jsx: "automatic", jsxImportSource: "preact" },
        test: {
          name: "extensions",
          include: [
            "extensions/tsunagu-thank-you/**/*.test.tsx",
            "extensions/tsunagu-order-status/**/*.test.tsx",
            "extensions/shared/**/*.test.ts",
          ],
          exclude: ["**/node_modules/**"],
          environment: "jsdom",
          setupFiles: ["tests/setup/console.ts"],
          server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: [
            "tests/integration/**/*.test.ts",
            "**/*.integration.test.ts",
          ],
          exclude: ["node_modules/**"],
          environment: "node",
          setupFiles: [
            "tests/setup/integration-env.ts",
            "tests/setup/console.ts",
          ],
          globalSetup: ["tests/setup/global-db.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
