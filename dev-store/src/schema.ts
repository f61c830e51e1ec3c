import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import {
  buildClientSchema,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";

/**
 * Shopify's published Admin API schemas and access-scope data, as shipped in the data files of
 * @shopify/dev-mcp (pinned exactly). Located by path: the package's `exports` hide package.json.
 */
export interface ScopeItem {
  type: "type" | "field";
  typeName: string;
  fieldName?: string;
  offlineScopes: string[];
}

export interface AdminSchema {
  version: string;
  schema: GraphQLSchema;
  /** "Type.field" or "Type" -> any one of these scopes is required. */
  scopes: Map<string, string[]>;
  scopeItems: ScopeItem[];
}

function dataDir(): string {
  let dir = process.cwd();
  for (;;) {
    const candidate = path.join(
      dir,
      "node_modules",
      "@shopify",
      "dev-mcp",
      "dist",
      "data",
    );
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error("@shopify/dev-mcp data files not found; run npm install");
    dir = parent;
  }
}

export function availableAdminVersions(): string[] {
  return readdirSync(dataDir())
    .map((f) => /^admin_(\d{4}-\d{2}|unstable)\.json\.gz$/.exec(f)?.[1])
    .filter((v): v is string => Boolean(v))
    .sort();
}

const cache = new Map<string, AdminSchema>();

export function loadAdminSchema(version: string): AdminSchema {
  const hit = cache.get(version);
  if (hit) return hit;
  const file = path.join(dataDir(), `admin_${version}.json.gz`);
  if (!existsSync(file))
    throw new Error(`no published Admin schema for version ${version}`);
  const parsed = JSON.parse(
    gunzipSync(readFileSync(file)).toString("utf8"),
  ) as {
    data: IntrospectionQuery;
    offline_scopes: { items: ScopeItem[] };
  };
  const scopes = new Map<string, string[]>();
  for (const item of parsed.offline_scopes.items) {
    if (!item.offlineScopes.length) continue;
    scopes.set(
      item.type === "field"
        ? `${item.typeName}.${item.fieldName}`
        : item.typeName,
      item.offlineScopes,
    );
  }
  const loaded = {
    version,
    schema: buildClientSchema(parsed.data),
    scopes,
    scopeItems: parsed.offline_scopes.items,
  };
  cache.set(version, loaded);
  return loaded;
}
