/** The stack for the browser tests: a fresh SQLite database, fixed test ports, a fresh build. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startStack } from "./start";

const dir = mkdtempSync(path.join(tmpdir(), "tsunagu-e2e-"));
const stack = await startStack({
  appPort: Number(process.env.E2E_APP_PORT ?? 3101),
  devStorePort: Number(process.env.E2E_STORE_PORT ?? 4501),
  databaseUrl: `file:${path.join(dir, "e2e.sqlite")}`,
  build: process.env.E2E_BUILD !== "0",
  // One day of follow-up delays passes in one second.
  timeScale: 86_400,
  log: (line) => console.log(line),
});
console.log(`e2e stack ready: ${stack.adminUrl()}`);
const stop = async () => {
  await stack.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
