import { createReadStream, existsSync, readFileSync } from "node:fs";
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DevStoreCore, StorefrontProduct } from "../contract";
import { createDevStore } from "../store";
import type { State } from "../state";
import { adminPage } from "./admin-page";
import { readAppConfig } from "./app-config";
import {
  checkoutToken,
  customerAccountToken,
  queryHmac,
  sessionToken,
} from "./crypto";
import {
  bundleTarget,
  discoverUiTargets,
  orderStatusMain,
  thankYouMain,
} from "./checkout-preview";
import { outboxPage } from "./outbox";
import type { ReceivedMail } from "../smtp-sink";
import { runEvent } from "./events-api";
import { OAuth } from "./oauth";
import {
  type AppBlock,
  layout,
  homeMain,
  pageMain,
  productMain,
  renderBlocks,
} from "./preview";
import { BodyTooLarge, proxyTarget, readBody } from "./proxy";
import {
  WebhookDelivery,
  type DeliveryRecord,
  type WebhookOptions,
} from "./webhooks";
import { complianceEvent } from "./compliance";
import { placeholderSvg } from "./images";

export interface StartOptions {
  port: number;
  host?: string;
  appUrl: string;
  apiKey: string;
  apiSecret: string;
  appTomlPath: string;
  extensionsDir: string;
  core?: DevStoreCore & { state: State };
  webhooks?: WebhookOptions;
  /** The local SMTP server's mails, shown at /_dev/outbox. */
  outbox?: { mails: ReceivedMail[] };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const SHIM = path.resolve(here, "../../public/app-bridge.js");

/** Starts the dev store's HTTP server: Shopify's endpoints for one shop, plus the dev tools. */
export async function startDevStore(opts: StartOptions): Promise<{
  url: string;
  core: DevStoreCore & { state: State };
  close(): Promise<void>;
  deliveries(): DeliveryRecord[];
  webhooks: WebhookDelivery;
}> {
  const host = opts.host ?? "127.0.0.1";
  const config = readAppConfig(opts.appTomlPath);
  let url = `http://${host}:${opts.port}`;
  let core = opts.core;
  // Created once the port (and so the store's base URL) is known; requests only come after that.
  const live = {} as { oauth: OAuth; webhooks: WebhookDelivery };
  const appOrigin = new URL(opts.appUrl).origin;

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error("[dev-store]", error);
      if (!res.headersSent)
        send(res, 500, { error: "internal error in the dev store" });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const u = new URL(req.url ?? "/", url);
    const p = u.pathname;
    const method = req.method ?? "GET";
    let m: RegExpExecArray | null;

    if (p === "/" && method === "GET") return sendHtml(res, indexPage(url));
    if (p === "/_dev/health")
      return send(res, 200, { ok: true, shop: core!.shop });

    if (
      (m = /^\/admin\/api\/([\w-]+)\/graphql\.json$/.exec(p)) &&
      method === "POST"
    ) {
      const token = live.oauth.lookup(
        req.headers["x-shopify-access-token"] as string | undefined,
      );
      if (!token)
        return send(res, 401, {
          errors:
            "[API] Invalid API key or access token (unrecognized login or wrong password)",
        });
      const body = await json(req, res);
      if (body === undefined) return;
      const { query, variables, operationName } = (body ?? {}) as {
        query?: unknown;
        variables?: unknown;
        operationName?: unknown;
      };
      if (typeof query !== "string")
        return send(res, 400, {
          errors: { query: "Required parameter missing or invalid" },
        });
      const result = await core!.execute({
        version: m[1],
        query,
        variables:
          variables && typeof variables === "object"
            ? (variables as Record<string, unknown>)
            : null,
        operationName: typeof operationName === "string" ? operationName : null,
        scopes: token.scopes,
        bucketKey: `${core!.shop}:${opts.apiKey}`,
      });
      return send(res, result.status, result.body, {
        "X-Shopify-API-Version": m[1],
      });
    }

    if (p === "/admin/oauth/access_token" && method === "POST") {
      const raw = await readBody(req);
      const type = String(req.headers["content-type"] ?? "");
      let body: unknown;
      try {
        body = type.includes("application/x-www-form-urlencoded")
          ? Object.fromEntries(new URLSearchParams(raw.toString("utf8")))
          : JSON.parse(raw.toString("utf8") || "{}");
      } catch {
        return send(res, 400, {
          error: "invalid_request",
          error_description: "Malformed body",
        });
      }
      const result = live.oauth.accessToken(body);
      return send(res, result.status, result.body);
    }
    if (p === "/admin/oauth/authorize" && method === "GET") {
      const result = live.oauth.authorizeRedirect(u.searchParams);
      if (result.location) return redirect(res, result.location);
      return send(res, result.status, { error: result.error });
    }

    if (p === "/admin" || /^\/store\/[\w-]+\/apps\/[\w-]+/.test(p)) {
      const locale = u.searchParams.get("locale") === "en" ? "en" : "ja";
      return sendHtml(
        res,
        adminPage({
          shopName: core!.shopName,
          appName: locale === "ja" ? "つなぐ" : "Tsunagu",
          frameSrc: frameSrc(locale),
          appOrigin,
          locale,
        }),
      );
    }
    if (p === "/admin/_session-token" && method === "POST") {
      return send(res, 200, {
        token: sessionToken({
          shop: core!.shop,
          apiKey: opts.apiKey,
          secret: opts.apiSecret,
        }),
      });
    }
    if (p === "/admin/_resources" && method === "GET") {
      // What App Bridge's resource picker answers for each type (a subset of its fields).
      const type = u.searchParams.get("type") ?? "product";
      if (type === "collection") return send(res, 200, core!.listCollections());
      if (type !== "product")
        return send(res, 422, { error: `unsupported resource type "${type}"` });
      return send(
        res,
        200,
        core!.listProducts({ first: 250 }).map((x) => ({
          id: x.id,
          title: x.title,
          handle: x.handle,
          vendor: x.vendor,
          variants: x.variants,
        })),
      );
    }
    if (p === "/cdn/app-bridge.js") {
      res.writeHead(200, {
        "Content-Type": "application/javascript; charset=utf-8",
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "no-cache",
      });
      return void res.end(readFileSync(SHIM));
    }
    if ((m = /^\/_bulk\/(\d+)\.jsonl$/.exec(p))) {
      const stream = core!.openBulkResult(m[1]);
      if (!stream) return send(res, 404, { error: "no such result" });
      res.writeHead(200, { "Content-Type": "application/jsonl" });
      return void stream.pipe(res);
    }
    if ((m = /^\/_img\/([\w-]+)\.svg$/.exec(p))) {
      res.writeHead(200, {
        "Content-Type": "image/svg+xml",
        "Cache-Control": "max-age=3600",
      });
      return void res.end(placeholderSvg(m[1], core!.state));
    }

    if (p === "/_dev/outbox" && method === "GET")
      return sendHtml(res, outboxPage(opts.outbox?.mails ?? []));
    if (p === "/_dev/outbox.json" && method === "GET")
      return send(res, 200, {
        mails: (opts.outbox?.mails ?? []).map(({ raw, ...m }) => ({
          ...m,
          size: raw.length,
        })),
      });
    if (p === "/_dev/webhooks" && method === "GET")
      return send(res, 200, {
        duplicate: live.webhooks.duplicate,
        deliveries: live.webhooks.log.slice(-200),
      });
    if (p === "/_dev/webhooks/duplicates" && method === "POST") {
      const body = (await json(req, res)) as { on?: unknown } | undefined;
      if (body === undefined) return;
      if (typeof body?.on !== "boolean")
        return send(res, 422, { errors: { on: ["must be true or false"] } });
      live.webhooks.duplicate = body.on;
      return send(res, 200, { duplicate: live.webhooks.duplicate });
    }
    if ((m = /^\/_dev\/events\/(\w+)$/.exec(p)) && method === "POST") {
      const body = await json(req, res);
      if (body === undefined) return;
      const result = await runEvent(core!, m[1], body);
      return send(res, result.status, result.body);
    }
    // Shopify stops accepting the app's tokens without an uninstall (a revoked token; also what a
    // dev store started afresh over the app's old database amounts to).
    if (p === "/_dev/revoke-tokens" && method === "POST") {
      live.oauth.revokeAll();
      return send(res, 200, { revoked: true });
    }
    if (p === "/_dev/uninstall" && method === "POST") {
      live.oauth.revokeAll();
      live.webhooks.deliver({
        topic: "app/uninstalled",
        payload: {
          id: 1,
          name: core!.shopName,
          domain: core!.shop,
          myshopify_domain: core!.shop,
        },
        eventId: crypto.randomUUID(),
        triggeredAt: new Date().toISOString(),
      });
      return send(res, 200, { uninstalled: true });
    }
    if ((m = /^\/_dev\/compliance\/([\w-]+)$/.exec(p)) && method === "POST") {
      const body = await json(req, res);
      if (body === undefined) return;
      const event = complianceEvent(core!, m[1], body);
      if ("error" in event)
        return send(res, event.status, { error: event.error });
      return send(res, 202, {
        deliveries: live.webhooks.deliver(event).map((d) => d.webhookId),
      });
    }

    const forward = proxyTarget(config, opts.appUrl, p, u.searchParams, {
      shop: core!.shop,
      customerId: customerCookie(req),
      secret: opts.apiSecret,
    });
    if (forward) return proxy(req, res, forward);

    if (p.startsWith("/storefront")) return storefront(req, res, u);
    return send(res, 404, { error: "Not Found" });
  }

  function frameSrc(locale: string): string {
    const params: Record<string, string> = {
      embedded: "1",
      host: Buffer.from(
        `admin.shopify.com/store/${core!.shop.replace(".myshopify.com", "")}`,
      ).toString("base64url"),
      id_token: sessionToken({
        shop: core!.shop,
        apiKey: opts.apiKey,
        secret: opts.apiSecret,
      }),
      locale,
      session: crypto.randomUUID().replace(/-/g, ""),
      shop: core!.shop,
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    params.hmac = queryHmac(params, opts.apiSecret);
    return `${opts.appUrl}/app?${new URLSearchParams(params)}`;
  }

  async function proxy(
    req: IncomingMessage,
    res: ServerResponse,
    target: string,
  ) {
    let body: Buffer | undefined;
    try {
      body =
        req.method === "GET" || req.method === "HEAD"
          ? undefined
          : await readBody(req, 256_000);
    } catch (e) {
      if (e instanceof BodyTooLarge)
        return send(res, 413, { error: "request body too large" });
      throw e;
    }
    const headers: Record<string, string> = {
      "User-Agent": String(req.headers["user-agent"] ?? "dev-store"),
      Accept: String(req.headers.accept ?? "*/*"),
    };
    if (req.headers["content-type"])
      headers["Content-Type"] = String(req.headers["content-type"]);
    // Shopify forwards the shopper's address so the app can rate-limit per IP.
    headers["X-Forwarded-For"] = req.socket.remoteAddress ?? "127.0.0.1";
    const upstream = await fetch(target, {
      method: req.method,
      headers,
      body: body ? new Uint8Array(body) : undefined,
      redirect: "manual",
    }).catch(() => null);
    if (!upstream) return send(res, 502, { error: "the app did not answer" });
    const type =
      upstream.headers.get("content-type") ?? "application/octet-stream";
    const text = Buffer.from(await upstream.arrayBuffer());
    if (type.startsWith("application/liquid")) {
      const locale = localeOf(new URL(req.url ?? "/", url), req);
      return sendHtml(
        res,
        layout({
          shopName: core!.shopName,
          locale,
          customerId: customerCookie(req),
          head: "",
          body: "",
          main: text.toString("utf8").replace(/\{%\s*layout none\s*%\}/, ""),
          path: "/storefront",
        }),
        upstream.status,
      );
    }
    res.writeHead(upstream.status, {
      "Content-Type": type,
      ...(upstream.headers.get("location")
        ? { Location: upstream.headers.get("location")! }
        : {}),
    });
    res.end(text);
  }

  async function storefront(req: IncomingMessage, res: ServerResponse, u: URL) {
    const p = u.pathname;
    const locale = localeOf(u, req);
    if (u.searchParams.has("locale"))
      res.setHeader("Set-Cookie", `dev_locale=${locale}; Path=/; SameSite=Lax`);
    const customerId = customerCookie(req);
    let m: RegExpExecArray | null;
    if (p === "/storefront/_login") {
      const id = core!.sampleCustomerIds(1)[0];
      res.writeHead(302, {
        "Set-Cookie": `dev_customer=${id}; Path=/; SameSite=Lax`,
        Location: `/storefront?locale=${locale}`,
      });
      return void res.end();
    }
    if (p === "/storefront/_logout") {
      res.writeHead(302, {
        "Set-Cookie": "dev_customer=; Path=/; Max-Age=0",
        Location: `/storefront?locale=${locale}`,
      });
      return void res.end();
    }
    if (p === "/storefront/_checkout-token" && req.method === "POST") {
      return send(res, 200, {
        token: checkoutToken({
          shop: core!.shop,
          apiKey: opts.apiKey,
          secret: opts.apiSecret,
          customerId,
        }),
      });
    }
    if (p === "/storefront/_customer-account-token" && req.method === "POST") {
      // The order-status page is seen as the order's customer (customer accounts need a login).
      const order = core!.state.orderById.get(
        Number(u.searchParams.get("order")),
      );
      if (!order?.customerId)
        return send(res, 404, {
          error: "no such order with a customer account",
        });
      return send(res, 200, {
        token: customerAccountToken({
          shop: core!.shop,
          apiKey: opts.apiKey,
          secret: opts.apiSecret,
          customerId: order.customerId,
        }),
      });
    }
    if ((m = /^\/storefront\/ui-ext\/([\w-]+)\/([\w.-]+)\.js$/.exec(p))) {
      const t = discoverUiTargets(opts.extensionsDir).find(
        (x) => x.extension === m![1] && x.target === m![2],
      );
      if (!t) return send(res, 404, { error: "no such extension target" });
      try {
        const code = await bundleTarget(t);
        res.writeHead(200, {
          "Content-Type": "application/javascript; charset=utf-8",
          "Cache-Control": "no-store",
        });
        return void res.end(code);
      } catch (e) {
        return send(res, 500, {
          error: `bundling failed: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    }
    // The pages that run the app's UI extensions: thank-you (checkout) and order status (customer accounts).
    const preview = (orderId: string) => {
      const productionOrigin = new URL(
        /application_url\s*=\s*"([^"]+)"/.exec(
          readFileSync(opts.appTomlPath, "utf8"),
        )?.[1] ?? opts.appUrl,
      ).origin;
      return {
        state: core!.state,
        orderId: Number(orderId),
        locale,
        targets: discoverUiTargets(opts.extensionsDir),
        extensionsDir: opts.extensionsDir,
        appOrigin,
        productionOrigin,
      };
    };
    if ((m = /^\/storefront\/thank-you\/(\d+)$/.exec(p))) {
      const main = thankYouMain(preview(m[1]));
      if (!main) return send(res, 404, { error: "no such order" });
      return sendHtml(
        res,
        layout({
          shopName: core!.shopName,
          locale,
          customerId,
          head: "",
          body: "",
          main,
          path: p,
        }),
      );
    }
    if ((m = /^\/storefront\/orders\/(\d+)\/status$/.exec(p))) {
      const main = orderStatusMain(preview(m[1]));
      if (!main)
        return send(res, 404, {
          error: "no such order with a customer account",
        });
      return sendHtml(
        res,
        layout({
          shopName: core!.shopName,
          locale,
          customerId,
          head: "",
          body: "",
          main,
          path: p,
        }),
      );
    }
    if ((m = /^\/storefront\/ext\/([\w-]+)\/assets\/([\w.-]+)$/.exec(p))) {
      const file = path.join(opts.extensionsDir, m[1], "assets", m[2]);
      if (!existsSync(file)) return send(res, 404, { error: "no such asset" });
      const type = m[2].endsWith(".js")
        ? "application/javascript"
        : m[2].endsWith(".css")
          ? "text/css"
          : "application/octet-stream";
      res.writeHead(200, { "Content-Type": `${type}; charset=utf-8` });
      return void createReadStream(file).pipe(res);
    }
    const blocks = async (
      target: AppBlock["target"],
      product?: StorefrontProduct,
    ) =>
      renderBlocks({
        core: core!,
        extensionsDir: opts.extensionsDir,
        locale,
        target,
        product,
        customerId,
        path: p,
      });
    const page = async (main: string) =>
      sendHtml(
        res,
        layout({
          shopName: core!.shopName,
          locale,
          customerId,
          head: await blocks("head"),
          body: await blocks("body"),
          main,
          path: p,
        }),
      );
    if (p === "/storefront" || p === "/storefront/")
      return page(homeMain(core!.listProducts({ first: 24 }), locale));
    if ((m = /^\/storefront\/products\/([\w-]+)$/.exec(p))) {
      const product = core!.productByHandle(m[1]);
      if (!product) return send(res, 404, { error: "no such product" });
      return page(
        productMain(product, locale, await blocks("section", product)),
      );
    }
    if ((m = /^\/storefront\/pages\/([\w-]+)$/.exec(p))) {
      return page(pageMain(m[1], locale, await blocks("section")));
    }
    return send(res, 404, { error: "Not Found" });
  }

  await new Promise<void>((resolve) => server.listen(opts.port, host, resolve));
  url = `http://${host}:${(server.address() as AddressInfo).port}`;
  core ??= createDevStore({ baseUrl: url });
  live.oauth = new OAuth({
    shop: core.shop,
    apiKey: opts.apiKey,
    apiSecret: opts.apiSecret,
    scopes: config.scopes,
  });
  live.webhooks = new WebhookDelivery(config, {
    appUrl: opts.appUrl,
    shop: core.shop,
    apiSecret: opts.apiSecret,
    ...opts.webhooks,
  });
  const { webhooks } = live;
  const unsubscribe = core.onWebhook((event) => webhooks.deliver(event));
  return {
    url,
    core,
    webhooks,
    deliveries: () => webhooks.log,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        webhooks.stop();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The storefront's language: ?locale= where given, else the one the shopper last chose, which
 * the store remembers as Shopify does (a link without it, such as the FAQ search page's way
 * back, stays in that language).
 */
function localeOf(u: URL, req?: IncomingMessage): "ja" | "en" {
  const asked = u.searchParams.get("locale");
  if (asked !== null) return asked === "en" ? "en" : "ja";
  return /(?:^|;\s*)dev_locale=en(?:;|$)/.test(
    String(req?.headers.cookie ?? ""),
  )
    ? "en"
    : "ja";
}

function customerCookie(req: IncomingMessage): string | null {
  const m = /(?:^|;\s*)dev_customer=(\d+)/.exec(
    String(req.headers.cookie ?? ""),
  );
  return m ? m[1] : null;
}

async function json(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<unknown | undefined> {
  try {
    const raw = (await readBody(req)).toString("utf8");
    return raw ? JSON.parse(raw) : {};
  } catch (e) {
    send(res, e instanceof BodyTooLarge ? 413 : 400, {
      error:
        e instanceof BodyTooLarge ? "body too large" : "body is not valid JSON",
    });
    return undefined;
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, html: string, status = 200) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
  res.end(html);
}

function redirect(res: ServerResponse, location: string) {
  res.writeHead(302, { Location: location });
  res.end();
}

function indexPage(url: string): string {
  return `<!doctype html><meta charset="utf-8"><title>Tsunagu dev store</title><body style="font-family:system-ui;max-width:40rem;margin:3rem auto">
<h1>Tsunagu dev store</h1><ul>
<li><a href="${url}/admin?locale=ja">Shopify admin with the app (日本語)</a></li>
<li><a href="${url}/admin?locale=en">Shopify admin with the app (English)</a></li>
<li><a href="${url}/storefront">Storefront preview</a></li>
<li><a href="${url}/_dev/webhooks">Webhook deliveries</a></li>
<li><a href="${url}/_dev/outbox">Email outbox (local SMTP server)</a></li></ul></body>`;
}
