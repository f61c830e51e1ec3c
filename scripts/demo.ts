/**
 * `npm run demo`: the dev store with its seeded shop, the app built and running against it,
 * the job worker inside the app process. Prints where to click. Ctrl-C stops everything.
 *
 *   PORT=3000 DEV_STORE_PORT=4400 npm run demo [-- --no-build] [-- --duplicates]
 */
import { devStoreCommand } from "../dev-store/src/cli-command";
import { startStack } from "./stack/start";

const args = new Set(process.argv.slice(2));
const appPort = Number(process.env.PORT ?? 3000);
const devStorePort = Number(process.env.DEV_STORE_PORT ?? 4400);
const databaseUrl = process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite";
const verbose = args.has("--verbose");

const stack = await startStack({
  appPort,
  devStorePort,
  databaseUrl,
  build: !args.has("--no-build"),
  duplicates: args.has("--duplicates"),
  // The clock switch: one day of follow-up delays passes in 10 seconds (--real-time to turn off).
  timeScale: args.has("--real-time") ? 1 : 8640,
  log: (line) => {
    if (
      verbose ||
      !line.startsWith("[app]") ||
      /error|warn|listening/i.test(line)
    )
      console.log(line);
  },
});

// A short story so the app has something to show: three orders arrive, one is shipped and delivered.
let lastOrder: string | null = null;
if (!args.has("--no-story")) {
  const event = (kind: string, body: unknown = {}) =>
    fetch(`${stack.devStoreUrl}/_dev/events/${kind}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  for (let i = 0; i < 3; i++) {
    const res = await event("order");
    if (res.ok)
      lastOrder =
        String(((await res.json()) as { orderId: string }).orderId)
          .split("/")
          .pop() ?? null;
  }
  await event("fulfill");
  await event("deliver");
}

// The printed commands carry DEV_STORE_URL when DEV_STORE_PORT moved the store, or they would
// talk to the default port.
const cli = (command: string) => devStoreCommand(stack.devStoreUrl, command);
console.log(`
Tsunagu demo is running (shop ${stack.shop}).

  Shopify admin with the app (日本語)   ${stack.adminUrl("ja")}
  Shopify admin with the app (English)  ${stack.adminUrl("en")}
  Storefront preview                    ${stack.storefrontUrl}
  Storefront FAQ page (after you add entries in the admin's FAQ section)
                                        ${stack.storefrontUrl}/pages/faq?locale=ja
  Storefront survey block               ${stack.storefrontUrl}/pages/survey?locale=ja
  Thank-you page (checkout extension)   ${lastOrder ? `${stack.storefrontUrl}/thank-you/${lastOrder}?locale=ja` : "(create an order first)"}
    (create a survey in the admin's アンケート section first; its page shows email score links)
  Order-status page (customer account)  ${lastOrder ? `${stack.storefrontUrl}/orders/${lastOrder}/status?locale=ja` : "(create an order first)"}
    (attach tutorials in the admin's チュートリアル section; fulfil the order to see its tracking)
  Email outbox (local SMTP server)      ${stack.outboxUrl}
    (turn on flows in the admin's フォローアップ section, then create, fulfil and deliver an order:
     ${cli("event order")} / event fulfill / event deliver; one day of delays = 10 s)
  Dev store (event API, webhook log)    ${stack.devStoreUrl}/_dev/webhooks
  App                                   ${stack.appUrl}

Drive a story from another terminal, e.g.:
  ${cli("event order")}
Ctrl-C stops everything.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log("\nstopping...");
  await stack.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
