/**
 * The dev store's command line.
 *   npm run dev-store -- serve [--port 4400] [--app-url http://127.0.0.1:3000] [--duplicates]
 *   npm run dev-store -- event order [--customerId 7000000000001] [--locale en]
 *   npm run dev-store -- event fulfill [--orderId ...] [--company "Sagawa (JA)"] [--number 1234]
 *   npm run dev-store -- event deliver [--orderId N | --fulfillmentId N] | inventory --inventoryItemId N --delta -5 | customer --email a@b.jp | clock --advanceDays 14
 *   npm run dev-store -- event collection --collectionId N ([--title T] [--add '[productId,...]'] [--remove '[...]'] | --delete)
 *   npm run dev-store -- compliance customers-data-request|customers-redact|shop-redact [--customerId N]
 *   npm run dev-store -- duplicates on|off
 * Event commands talk to a running dev store at DEV_STORE_URL (default http://127.0.0.1:4400).
 */
import path from "node:path";
import { appClientId, DEV_API_SECRET } from "../../scripts/stack/app-config";
import { DEFAULT_DEV_STORE_URL } from "./cli-command";
import { failureMessage } from "./cli-output";
import { startDevStore } from "./server/server";

const [command, ...rest] = process.argv.slice(2);
const base = process.env.DEV_STORE_URL ?? DEFAULT_DEV_STORE_URL;

function flags(args: string[]): {
  positional: string[];
  named: Record<string, string | true>;
} {
  const positional: string[] = [];
  const named: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--")) {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith("--")) {
        named[a.slice(2)] = next;
        i++;
      } else named[a.slice(2)] = true;
    } else positional.push(a);
  }
  return { positional, named };
}

/** Stops with a message on stderr: every failure says what went wrong, never a bare stack or nothing. */
function fail(message: string, code = 1): never {
  console.error(`dev-store: ${message}`);
  process.exit(code);
}

/** "--delta -5" -> -5, "--lines '[...]'" -> JSON, ids stay strings. */
function coerce(named: Record<string, string | true>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(named)) {
    if (v === true) out[k] = true;
    else if (/^(delta|advanceMs|advanceDays)$/.test(k)) out[k] = Number(v);
    else if (/^[[{]/.test(v))
      try {
        out[k] = JSON.parse(v);
      } catch (e) {
        fail(`--${k} is not valid JSON (${(e as Error).message})`);
      }
    else if (k === "tags") out[k] = v.split(",").map((t) => t.trim());
    else out[k] = v;
  }
  return out;
}

async function call(
  what: string,
  pathname: string,
  body: unknown,
): Promise<void> {
  const res = await fetch(`${base}${pathname}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!res)
    fail(
      `no dev store at ${base} (start one with npm run demo or npm run dev-store -- serve; DEV_STORE_URL names another)`,
      2,
    );
  const text = await res.text();
  if (!res.ok) fail(failureMessage(what, res.status, text));
  console.log(text);
}

const USAGE =
  "usage: npm run dev-store -- serve | event <kind> | compliance <kind> | duplicates on|off | uninstall | revoke-tokens";

async function main(): Promise<void> {
  const { positional, named } = flags(rest);
  switch (command) {
    case "serve": {
      const store = await startDevStore({
        port: Number(named.port ?? 4400),
        appUrl: String(named["app-url"] ?? "http://127.0.0.1:3000"),
        apiKey: appClientId(),
        apiSecret: process.env.SHOPIFY_API_SECRET ?? DEV_API_SECRET,
        appTomlPath: path.resolve("shopify.app.toml"),
        extensionsDir: path.resolve("extensions"),
        webhooks: { duplicate: Boolean(named.duplicates) },
      });
      console.log(
        `dev store for ${store.core.shop} at ${store.url} (admin: ${store.url}/admin)`,
      );
      process.on(
        "SIGINT",
        () => void store.close().then(() => process.exit(0)),
      );
      break;
    }
    case "event":
      if (!positional[0])
        fail(
          "usage: event <order|fulfill|deliver|inventory|customer|collection|clock> [--flags]",
        );
      await call(
        `event ${positional[0]}`,
        `/_dev/events/${positional[0]}`,
        coerce(named),
      );
      break;
    case "compliance":
      if (!positional[0])
        fail(
          "usage: compliance <customers-data-request|customers-redact|shop-redact> [--customerId N]",
        );
      await call(
        `compliance ${positional[0]}`,
        `/_dev/compliance/${positional[0]}`,
        coerce(named),
      );
      break;
    case "duplicates":
      if (positional[0] !== "on" && positional[0] !== "off")
        fail("usage: duplicates on|off");
      await call("duplicates", "/_dev/webhooks/duplicates", {
        on: positional[0] === "on",
      });
      break;
    case "uninstall":
      await call("uninstall", "/_dev/uninstall", {});
      break;
    case "revoke-tokens":
      await call("revoke-tokens", "/_dev/revoke-tokens", {});
      break;
    default:
      if (command) fail(`unknown command "${command}"; ${USAGE}`);
      console.log(USAGE);
  }
}

// Anything thrown (a port in use, a file that cannot be read...) ends as one line saying what.
await main().catch((e: unknown) =>
  fail(e instanceof Error ? e.message || e.name : String(e)),
);
