/**
 * The dev store's command line.
 *   npm run dev-store -- serve [--port 4400] [--app-url http://127.0.0.1:3000] [--duplicates]
 *   npm run dev-store -- event order [--customerId 7000000000001] [--locale en]
 *   npm run dev-store -- event fulfill [--orderId ...] [--company "Sagawa (JA)"] [--number 1234]
 *   npm run dev-store -- event deliver | inventory --inventoryItemId N --delta -5 | customer --email a@b.jp | clock --advanceDays 14
 *   npm run dev-store -- event collection --collectionId N ([--title T] [--add '[productId,...]'] [--remove '[...]'] | --delete)
 *   npm run dev-store -- compliance customers-data-request|customers-redact|shop-redact [--customerId N]
 *   npm run dev-store -- duplicates on|off
 * Event commands talk to a running dev store at DEV_STORE_URL (default http://127.0.0.1:4400).
 */
import path from "node:path";
import { appClientId, DEV_API_SECRET } from "../../scripts/stack/app-config";
import { startDevStore } from "./server/server";

const [command, ...rest] = process.argv.slice(2);
const base = process.env.DEV_STORE_URL ?? "http://127.0.0.1:4400";

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

/** "--delta -5" -> -5, "--lines '[...]'" -> JSON, ids stay strings. */
function coerce(named: Record<string, string | true>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(named)) {
    if (v === true) out[k] = true;
    else if (/^(delta|advanceMs|advanceDays)$/.test(k)) out[k] = Number(v);
    else if (/^[[{]/.test(v)) out[k] = JSON.parse(v);
    else if (k === "tags") out[k] = v.split(",").map((t) => t.trim());
    else out[k] = v;
  }
  return out;
}

async function call(pathname: string, body: unknown): Promise<void> {
  const res = await fetch(`${base}${pathname}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!res) {
    console.error(
      `no dev store at ${base} (start one with npm run demo or npm run dev-store -- serve)`,
    );
    process.exit(2);
  }
  const text = await res.text();
  console.log(text);
  if (!res.ok) process.exit(1);
}

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
    process.on("SIGINT", () => void store.close().then(() => process.exit(0)));
    break;
  }
  case "event":
    if (!positional[0])
      throw new Error(
        "usage: event <order|fulfill|deliver|inventory|customer|collection|clock> [--flags]",
      );
    await call(`/_dev/events/${positional[0]}`, coerce(named));
    break;
  case "compliance":
    await call(`/_dev/compliance/${positional[0]}`, coerce(named));
    break;
  case "duplicates":
    await call("/_dev/webhooks/duplicates", { on: positional[0] === "on" });
    break;
  case "uninstall":
    await call("/_dev/uninstall", {});
    break;
  default:
    console.log(
      "usage: npm run dev-store -- serve | event <kind> | compliance <kind> | duplicates on|off | uninstall",
    );
    process.exit(command ? 1 : 0);
}
