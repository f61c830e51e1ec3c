import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { z } from "zod";

/** What the dev store needs from the app's shopify.app.toml, like Shopify reads it on deploy. */
const schema = z.object({
  client_id: z.string(),
  handle: z.string().default("tsunagu"),
  access_scopes: z.object({ scopes: z.string() }),
  webhooks: z.object({
    api_version: z.string(),
    subscriptions: z
      .array(
        z.object({
          topics: z.array(z.string()).optional(),
          compliance_topics: z.array(z.string()).optional(),
          uri: z.string(),
        }),
      )
      .default([]),
  }),
  app_proxy: z
    .object({ url: z.string(), subpath: z.string(), prefix: z.string() })
    .optional(),
});

export interface AppConfig {
  clientId: string;
  handle: string;
  scopes: string[];
  apiVersion: string;
  /** topic -> relative or absolute URI */
  subscriptions: { topic: string; uri: string; compliance: boolean }[];
  proxy?: { url: string; subpath: string; prefix: string };
}

export function readAppConfig(path: string): AppConfig {
  const toml = schema.parse(parse(readFileSync(path, "utf8")));
  return {
    clientId: toml.client_id,
    handle: toml.handle,
    scopes: toml.access_scopes.scopes
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    apiVersion: toml.webhooks.api_version,
    subscriptions: toml.webhooks.subscriptions.flatMap((s) => [
      ...(s.topics ?? []).map((topic) => ({
        topic,
        uri: s.uri,
        compliance: false,
      })),
      ...(s.compliance_topics ?? []).map((topic) => ({
        topic,
        uri: s.uri,
        compliance: true,
      })),
    ]),
    proxy: toml.app_proxy,
  };
}

export function absolute(uri: string, appUrl: string): string {
  return /^https?:\/\//.test(uri)
    ? uri
    : new URL(uri, appUrl.endsWith("/") ? appUrl : `${appUrl}/`)
        .toString()
        .replace(/\/(?=\/)/, "");
}
