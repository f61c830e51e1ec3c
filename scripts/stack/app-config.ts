import { readFileSync } from "node:fs";
import { parse } from "smol-toml";

/**
 * Local credentials shared by the dev store and the app in the demo and the tests. Not a secret:
 * it only works against the local dev store. A real deployment sets its own from the Partner
 * Dashboard (see README).
 */
export const DEV_API_SECRET = "tsunagu-local-dev-secret";

export function appClientId(tomlPath = "shopify.app.toml"): string {
  const toml = parse(readFileSync(tomlPath, "utf8")) as { client_id?: string };
  if (!toml.client_id) throw new Error(`${tomlPath} has no client_id`);
  return toml.client_id;
}
