import { AsyncLocalStorage } from "node:async_hooks";

/** Inside a bulk operation connections need no `first`/`last` and return every item. */
export const bulkMode = new AsyncLocalStorage<true>();
