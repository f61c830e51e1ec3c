import { GraphQLError } from "graphql";
import { bulkMode } from "./bulk-mode";

/** Shopify's pagination: first or last required, at most 250, opaque cursors. */
export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export const MAX_PAGE = 250;

export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify({ last_id: key }), "utf8").toString(
    "base64url",
  );
}

function decodeCursor(cursor: string): string | number {
  try {
    const value = JSON.parse(
      Buffer.from(cursor, "base64url").toString("utf8"),
    ) as { last_id?: string | number };
    if (value.last_id === undefined) throw new Error();
    return value.last_id;
  } catch {
    throw new GraphQLError(`Invalid cursor for current pagination sort.`, {
      extensions: { code: "BAD_REQUEST" },
    });
  }
}

export function checkPageArgs(args: PageArgs): number {
  const { first, last } = args;
  if (first == null && last == null && bulkMode.getStore()) return Infinity;
  if (first == null && last == null)
    throw new GraphQLError("you must provide one of first or last");
  if (first != null && last != null)
    throw new GraphQLError("providing both first and last is not supported");
  const size = (first ?? last)!;
  if (size < 0)
    throw new GraphQLError(
      `${first != null ? "first" : "last"} must be positive`,
    );
  if (size > MAX_PAGE)
    throw new GraphQLError(
      `The maximum number of items that can be returned is ${MAX_PAGE}.`,
      { extensions: { code: "MAX_PAGE_SIZE_EXCEEDED" } },
    );
  return size;
}

/** Builds a connection over an already filtered and sorted list; `key` identifies an item in cursors. */
export function connection<T, V>(
  items: T[],
  args: PageArgs,
  key: (item: T) => string | number,
  view: (item: T) => V,
) {
  checkPageArgs(args);
  const list = args.reverse ? [...items].reverse() : items;
  let start = 0;
  let end = list.length;
  if (args.after) {
    const k = decodeCursor(args.after);
    const at = list.findIndex((i) => key(i) === k);
    start = at + 1;
  }
  if (args.before) {
    const k = decodeCursor(args.before);
    const at = list.findIndex((i) => key(i) === k);
    if (at >= 0) end = at;
  }
  let slice = list.slice(start, end);
  let hasNextPage = end < list.length;
  let hasPreviousPage = start > 0;
  if (args.first != null) {
    hasNextPage = slice.length > args.first || hasNextPage;
    slice = slice.slice(0, args.first);
  } else if (args.last != null) {
    hasPreviousPage = slice.length > args.last || hasPreviousPage;
    slice = slice.slice(Math.max(0, slice.length - args.last));
  }
  const edges = slice.map((item) => ({
    cursor: encodeCursor(key(item)),
    node: view(item),
  }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
