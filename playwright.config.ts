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
    // Headless Chrome's user agent is treated as a bot by Shopify's library (410); use a plain one.
    userAgent:
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
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
    stdout: "ignore",
    stderr: "pipe",
  },
});
