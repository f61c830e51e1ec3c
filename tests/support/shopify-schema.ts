import type { GraphQLSchema } from "graphql";
import {
  loadAdminSchema as load,
  type ScopeItem,
} from "../../dev-store/src/schema";

/** Shopify's published Admin schema and documented scopes (the same loader the dev store uses). */
export function loadAdminSchema(version: string): {
  schema: GraphQLSchema;
  scopes: ScopeItem[];
} {
  const { schema, scopeItems } = load(version);
  return { schema, scopes: scopeItems };
}
