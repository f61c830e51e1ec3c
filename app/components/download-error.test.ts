import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import { downloadErrorMessage } from "./download-error";

describe("a failed download's toast", () => {
  it("says so in the admin's language, with the HTTP status as detail", () => {
    expect(downloadErrorMessage(translator("ja"), { status: 500 })).toBe(
      "ファイルをダウンロードできませんでした。もう一度お試しください。(HTTP 500)",
    );
    expect(downloadErrorMessage(translator("en"), { status: 404 })).toBe(
      "The file could not be downloaded. Please try again. (HTTP 404)",
    );
  });

  it("keeps the browser's words when no answer came", () => {
    expect(
      downloadErrorMessage(translator("ja"), new TypeError("Failed to fetch")),
    ).toBe(
      "ファイルをダウンロードできませんでした。もう一度お試しください。(Failed to fetch)",
    );
  });
});
