import type { MessageKey, Translate } from "../i18n/i18n";
import { withDetail } from "../i18n/with-detail";
import { coded, parseCoded } from "../i18n/coded";

/**
 * Why a customer sync failed, as stored in SyncRun.error: a code, or `code:detail` where the
 * detail is Shopify's own words (a bulk operation's status and error code, a user error). The
 * admin translates the code. Runs stored before codes existed hold English sentences; those are
 * shown as stored.
 */
export const SYNC_ERRORS = [
  "not_started",
  "export_failed",
  "truncated",
] as const;
export type SyncErrorCode = (typeof SYNC_ERRORS)[number];

export const syncError = (code: SyncErrorCode, detail?: string): string =>
  coded(code, detail);

/** `truncated`'s detail: lines received and lines Shopify said the file has. */
export const truncatedDetail = (lines: number, expected: number) =>
  `${lines}/${expected}`;

export function describeSyncError(t: Translate, stored: string): string {
  const parsed = parseCoded(stored, SYNC_ERRORS);
  if (!parsed) return stored;
  const { code, detail } = parsed;
  const key = `customers.sync.error.${code}` as MessageKey;
  if (code === "truncated") {
    const [lines = "?", expected = "?"] = detail.split("/");
    return t(key, { lines, expected });
  }
  return withDetail(t, t(key), detail);
}
