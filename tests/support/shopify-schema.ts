import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import type { ScopeItem } from "../contract/scopes";

/**
 * Shopify's published Admin API schema and its documented access scopes, from the data files of
 * @shopify/dev-mcp (pinned exactly in package.json). Located by path: the package's `exports`
 * hide its package.json.
 */
export function loadAdminSchema(version: string): { schema: GraphQLSchema; scopes: ScopeItem[] } {
  const file = path.join(process.cwd(), "node_modules", "@shopify", "dev-mcp", "dist", "data", `admin_${version}.json.gz`);
  const parsed = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as {
    data: IntrospectionQuery;
    offline_scopes: { items: ScopeItem[] };
  };
  return { schema: buildClientSchema(parsed.data), scopes: parsed.offline_scopes.items };
}
