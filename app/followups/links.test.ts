import { describe, expect, it } from "vitest";
import {
  previewUnsubscribeUrl,
  readUnsubscribeLink,
  readUnsubscribeToken,
  unsubscribeUrl,
} from "./links";

const SECRET = "test-secret";
const SHOP = "links.myshopify.com";
const token = (url: string) => url.split("/").pop()!;

describe("unsubscribe links", () => {
  const real = unsubscribeUrl(
    "https://app.example/",
    SECRET,
    SHOP,
    "501",
    "email",
    "m1",
    "ja",
  );
  const preview = previewUnsubscribeUrl(
    "https://app.example/",
    SECRET,
    SHOP,
    "line",
    "en",
  );

  it("of a preview have the real link's shape, and name no customer", () => {
    const shape = /^https:\/\/app\.example\/unsubscribe\/[\w-]+\.[\w-]{43}$/;
    expect(real).toMatch(shape);
    expect(preview).toMatch(shape);
    expect(readUnsubscribeLink(token(preview), SECRET)).toEqual({
      preview: true,
      claims: { shop: SHOP, channel: "line", locale: "en" },
    });
  });

  it("of a preview are never read as a customer's, which still are", () => {
    expect(readUnsubscribeToken(token(preview), SECRET)).toBeNull();
    expect(readUnsubscribeLink(token(real), SECRET)).toEqual({
      preview: false,
      claims: {
        shop: SHOP,
        customerId: "501",
        channel: "email",
        messageId: "m1",
        locale: "ja",
      },
    });
  });

  it("of either kind signed with another secret are refused", () => {
    for (const url of [
      previewUnsubscribeUrl(
        "https://app.example",
        "other",
        SHOP,
        "email",
        "ja",
      ),
      unsubscribeUrl("https://app.example", "other", SHOP, "501", "email"),
    ])
      expect(readUnsubscribeLink(token(url), SECRET)).toBeNull();
    expect(readUnsubscribeLink("not-a-token", SECRET)).toBeNull();
  });
});
