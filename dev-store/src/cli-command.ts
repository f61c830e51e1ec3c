/** Where the dev store's event commands go unless `DEV_STORE_URL` says otherwise. */
export const DEFAULT_DEV_STORE_URL = "http://127.0.0.1:4400";

/**
 * The command line that runs `args` against the dev store at `storeUrl`: with `DEV_STORE_URL`
 * in front whenever the store is not at the default address, or the printed command would talk
 * to another store (or to none).
 */
export function devStoreCommand(storeUrl: string, args: string): string {
  const at = new URL(storeUrl).origin;
  const prefix =
    at === new URL(DEFAULT_DEV_STORE_URL).origin ? "" : `DEV_STORE_URL=${at} `;
  return `${prefix}npm run dev-store -- ${args}`;
}
