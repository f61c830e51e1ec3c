import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { migrate } from "../migrate";
import { appClientId, DEV_API_SECRET } from "./app-config";

/**
 * Starts what a merchant sees in the demo and what the e2e tests drive: the local dev store
 * (in this process) and the built app (a child process, like production but pointed at the dev
 * store through the one seam). Used by `npm run demo` and tests/e2e.
 */
export interface StackOptions {
  appPort: number;
  devStorePort: number;
  databaseUrl: string;
  host?: string;
  build?: boolean; // run `remix vite:build` first (default: when build/ is missing)
  duplicates?: boolean;
  /** Follow-up delays run this many times faster (the demo's clock switch; 1 = real time). */
  timeScale?: number;
  log?: (line: string) => void;
}

export interface Stack {
  appUrl: string;
  devStoreUrl: string;
  adminUrl: (locale?: "ja" | "en") => string;
  storefrontUrl: string;
  outboxUrl: string;
  shop: string;
  stop: () => Promise<void>;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? (() => undefined);
  const host = opts.host ?? "127.0.0.1";
  const appUrl = `http://${host}:${opts.appPort}`;
  const apiKey = appClientId();

  await migrate(opts.databaseUrl, log);
  if (opts.build ?? !existsSync("build/server/index.js")) {
    log("building the app...");
    await run("npx", ["remix", "vite:build", "--logLevel", "error"], {
      SHOPIFY_APP_URL: appUrl,
    });
  }

  const { startDevStore } = await import("../../dev-store/src/server/server");
  const { startSmtpSink } = await import("../../dev-store/src/smtp-sink");
  // The merchant's mail provider, here: a real SMTP server whose mails the dev store shows.
  const smtp = await startSmtpSink(0, host);
  const store = await startDevStore({
    port: opts.devStorePort,
    host,
    appUrl,
    apiKey,
    apiSecret: DEV_API_SECRET,
    appTomlPath: path.resolve("shopify.app.toml"),
    extensionsDir: path.resolve("extensions"),
    webhooks: { duplicate: opts.duplicates ?? false },
    outbox: smtp,
  });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(opts.appPort),
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: DEV_API_SECRET,
    SHOPIFY_APP_URL: appUrl,
    DATABASE_URL: opts.databaseUrl,
    DEV_STORE_URL: store.url,
    JOBS_WORKER: "inline",
    FOLLOWUP_SMTP_URL: smtp.url,
    FOLLOWUP_EMAIL_FROM: "shop@tsunagu-dev.example",
    FOLLOWUP_TIME_SCALE: String(opts.timeScale ?? 1),
  };
  const app = spawn(
    process.execPath,
    ["--import", "tsx", path.resolve("scripts/stack/app-server.ts")],
    {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  app.stdout?.on("data", (d: Buffer) => log(`[app] ${d.toString().trimEnd()}`));
  app.stderr?.on("data", (d: Buffer) => log(`[app] ${d.toString().trimEnd()}`));
  await waitForPort(host, opts.appPort, app);

  return {
    appUrl,
    devStoreUrl: store.url,
    shop: store.core.shop,
    adminUrl: (locale = "ja") => `${store.url}/admin?locale=${locale}`,
    storefrontUrl: `${store.url}/storefront`,
    outboxUrl: `${store.url}/_dev/outbox`,
    async stop() {
      await stopChild(app);
      await store.close();
      await smtp.close();
    },
  };
}

function run(
  cmd: string,
  args: string[],
  env: Record<string, string>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: { ...process.env, ...env },
      stdio: "inherit",
    });
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`)),
    );
  });
}

async function waitForPort(
  host: string,
  port: number,
  child: ChildProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `the app exited with code ${child.exitCode} before listening`,
      );
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `the app did not listen on ${host}:${port} within ${timeoutMs} ms`,
  );
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}
