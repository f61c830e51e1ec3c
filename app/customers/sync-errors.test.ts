import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import {
  describeSyncError,
  SYNC_ERRORS,
  syncError,
  truncatedDetail,
} from "./sync-errors";

describe("customer sync errors shown in the admin", () => {
  const ja = translator("ja");
  const en = translator("en");

  it("are translated from their code, with Shopify's words kept in parentheses", () => {
    const failed = syncError("export_failed", "failed, internal_server_error");
    expect(describeSyncError(ja, failed)).toBe(
      "Shopify が顧客データの書き出しを完了できませんでした。しばらくしてからもう一度同期してください。(failed, internal_server_error)",
    );
    expect(describeSyncError(en, failed)).toBe(
      "Shopify could not finish exporting your customers. Sync again later. (failed, internal_server_error)",
    );
    expect(describeSyncError(en, syncError("export_failed"))).toBe(
      "Shopify could not finish exporting your customers. Sync again later.",
    );
    expect(
      describeSyncError(ja, syncError("truncated", truncatedDetail(12, 40))),
    ).toBe(
      "Shopify から受け取ったファイルが途中で切れていたため(40行中12行)、何も保存しませんでした。もう一度同期してください。",
    );
    for (const code of SYNC_ERRORS) {
      expect(describeSyncError(ja, code), code).not.toContain("customers.sync");
      expect(describeSyncError(en, code), code).not.toContain("customers.sync");
      expect(describeSyncError(ja, code), code).not.toMatch(/[{}]/);
    }
  });

  it("shows sentences stored before codes as they are", () => {
    for (const old of [
      "bulk operation is FAILED",
      "result file is truncated: 3 of 9 lines; nothing was applied",
      "unknown_code",
    ])
      expect(describeSyncError(ja, old)).toBe(old);
  });
});
