import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import {
  describePublishError,
  PUBLISH_ERRORS,
  PublishError,
  storedPublishError,
} from "./publish-errors";
import { ShopNotConnected } from "../shops/connection";

describe("FAQ publish errors shown in the admin", () => {
  const ja = translator("ja");
  const en = translator("en");

  it("are stored as a code with Shopify's words as detail", () => {
    expect(storedPublishError(new PublishError("contended"))).toBe("contended");
    expect(
      storedPublishError(new PublishError("shopify", "Value is too long")),
    ).toBe("shopify:Value is too long");
    expect(storedPublishError(new Error("fetch failed\n    at x"))).toBe(
      "failed:fetch failed",
    );
    expect(storedPublishError(new ShopNotConnected("s.myshopify.com"))).toBe(
      "not_connected",
    );
    expect(describePublishError(ja, "not_connected")).toMatch(
      /このアプリを開くと接続し直し/,
    );
  });

  it("are translated from their code, with the detail in parentheses", () => {
    expect(describePublishError(ja, "contended")).toBe(
      "公開中にほかの公開がストアのFAQを5回変更したため、公開をやめました。もう一度公開してください。",
    );
    expect(describePublishError(en, "contended")).toBe(
      "Other publishes changed the storefront FAQ five times during this one, so it stopped. Publish again.",
    );
    expect(describePublishError(ja, "shopify:Value is too long")).toBe(
      "Shopify がストアのFAQを受け付けなかったため、公開できませんでした。もう一度公開してください。(Value is too long)",
    );
    for (const code of PUBLISH_ERRORS)
      for (const t of [ja, en])
        expect(describePublishError(t, code), code).not.toMatch(/faq\.|[{}]|:/);
  });

  it("shows a sentence stored before codes after the usual words", () => {
    expect(describePublishError(ja, "Other publishes changed…")).toBe(
      "公開できませんでした: Other publishes changed…",
    );
  });
});
