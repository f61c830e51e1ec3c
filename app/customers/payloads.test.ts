import { describe, expect, it } from "vitest";
import {
  customerPayload,
  normaliseTags,
  orderPayload,
  tagList,
} from "./payloads";

describe("webhook payload parsing", () => {
  it("accepts a customers/update payload with Japanese names and numeric ids", () => {
    const parsed = customerPayload.parse({
      id: 7012345678901,
      email: "hanako@example.jp",
      first_name: "花子",
      tags: "vip, ニュースレター, vip",
      state: "enabled",
      email_marketing_consent: {
        state: "subscribed",
        opt_in_level: "single_opt_in",
      },
      updated_at: "2026-11-20T10:00:00+09:00",
      unknown_field: 1,
    });
    expect(parsed.id).toBe("7012345678901");
    expect(parsed.tags).toBe(",vip,ニュースレター,");
    expect(parsed.first_name).toBe("花子");
  });

  it("leaves out what a 2025-01+ customer payload does not carry, so the stored values stay", () => {
    const parsed = customerPayload.parse({
      id: 7012345678901,
      email: "taro@example.jp",
      state: "enabled",
      updated_at: "2026-11-20T10:00:00+09:00",
    });
    expect(parsed.tags).toBeUndefined();
    expect(parsed.locale).toBeUndefined();
    expect(parsed.email_marketing_consent).toBeUndefined();
    // Sent but empty is not the same as not sent.
    expect(customerPayload.parse({ id: 1, tags: "", locale: null }).tags).toBe(
      "",
    );
    expect(
      customerPayload.parse({ id: 1, tags: "", locale: null }).locale,
    ).toBeNull();
  });

  it("rejects an order without a valid total or currency", () => {
    const base = {
      id: 1,
      name: "#1001",
      created_at: "2026-11-20T10:00:00Z",
      total_price: "3980",
      currency: "JPY",
    };
    expect(orderPayload.safeParse(base).success).toBe(true);
    expect(
      orderPayload.safeParse({ ...base, total_price: "abc" }).success,
    ).toBe(false);
    expect(orderPayload.safeParse({ ...base, currency: "YEN!" }).success).toBe(
      false,
    );
  });

  it("stores tags so that a tag is found exactly", () => {
    expect(normaliseTags("")).toBe("");
    expect(tagList(normaliseTags(" a ,b,a"))).toEqual(["a", "b"]);
  });
});
