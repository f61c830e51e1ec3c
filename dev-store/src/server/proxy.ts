import type { IncomingMessage } from "node:http";
import { absolute, type AppConfig } from "./app-config";
import { proxySignature } from "./crypto";

/**
 * Shopify's app proxy: https://<shop>/<prefix>/<subpath>/rest is forwarded to the app's proxy URL
 * + /rest with shop, logged_in_customer_id, path_prefix, timestamp and signature added to the query.
 */
export function proxyTarget(
  config: AppConfig,
  appUrl: string,
  pathname: string,
  search: URLSearchParams,
  opts: { shop: string; customerId: string | null; secret: string },
): string | null {
  if (!config.proxy) return null;
  const prefix = `/${config.proxy.prefix}/${config.proxy.subpath}`;
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return null;
  const rest = pathname.slice(prefix.length);
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    if (
      [
        "shop",
        "logged_in_customer_id",
        "path_prefix",
        "timestamp",
        "signature",
      ].includes(key)
    )
      continue;
    const all = search.getAll(key);
    params[key] = all.length > 1 ? all : all[0];
  }
  Object.assign(params, {
    shop: opts.shop,
    logged_in_customer_id: opts.customerId ?? "",
    path_prefix: prefix,
    timestamp: String(Math.floor(Date.now() / 1000)),
  });
  const signature = proxySignature(params, opts.secret);
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    for (const one of Array.isArray(v) ? v : [v]) query.append(k, one);
  query.append("signature", signature);
  return `${absolute(config.proxy.url, appUrl).replace(/\/$/, "")}${rest}?${query}`;
}

export async function readBody(
  req: IncomingMessage,
  limit = 1_000_000,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export class BodyTooLarge extends Error {}
