import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import { describeTask, describeTaskError } from "./jobs";
import { ShopNotConnected } from "../shops/connection";
import { FAQ_PUBLISH_JOB } from "../faq/publish-status";
import { FOLLOWUP_JOB } from "../followups/engine.server";

describe("failed background tasks on the settings page", () => {
  const ja = translator("ja");
  const en = translator("en");

  it("are named in the merchant's language, unknown ones as they are", () => {
    expect(describeTask(ja, FAQ_PUBLISH_JOB)).toBe("FAQのストアへの公開");
    expect(describeTask(en, FOLLOWUP_JOB)).toBe("Sending a follow-up");
    expect(describeTask(en, "something.new")).toBe("something.new");
  });

  it("say what to do when Shopify stopped accepting the app, and show other errors as raised, after a sentence", () => {
    const stored = new ShopNotConnected("s.myshopify.com").message;
    expect(describeTaskError(ja, stored)).toMatch(
      /このアプリを開くと接続し直し/,
    );
    expect(describeTaskError(en, stored)).toMatch(
      /Opening the app connects it again/,
    );
    expect(describeTaskError(en, "SMTP unreachable")).toBe(
      "Stopped on an unexpected error. If retrying does not help, send this to support (SMTP unreachable)",
    );
    expect(describeTaskError(ja, "HTTP 500 Internal Server Error")).toMatch(
      /^予期しないエラーで止まりました。.+HTTP 500 Internal Server Error.$/,
    );
  });
});
