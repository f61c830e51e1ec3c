import { defineConfig } from "@playwright/test";

// Browser tests run in Debian's chromium (scripts/e2e.sh installs it); Playwright never
// downloads a browser of its own here.
const appPort = Number(process.env.E2E_APP_PORT ?? 3101);
const storePort = Number(process.env.E2E_STORE_PORT ?? 4501);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "tmp/e2e.json" }]],
  outputDir: "tmp/e2e-results",
  use: {
    baseURL: `http://127.0.0.1:${storePort}`,
    viewport: { width: 1280, height: 860 },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "npx tsx scripts/stack/e2e-server.ts",
    url: `http://127.0.0.1:${appPort}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
