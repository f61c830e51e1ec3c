/**
 * The Admin API client the app's server modules take: `admin.graphql` of
 * @shopify/shopify-app-remix, or a test's stand-in that answers like it.
 */
export type GraphQL = (
  query: string,
  options?: { variables?: Record<string, unknown> },
) => Promise<Response>;
