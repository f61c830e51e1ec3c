import { describe, expect, it } from "vitest";
import orderStatusEn from "../../extensions/tsunagu-order-status/locales/en.default.json";
import orderStatusJa from "../../extensions/tsunagu-order-status/locales/ja.json";
import thankYouEn from "../../extensions/tsunagu-thank-you/locales/en.default.json";
import thankYouJa from "../../extensions/tsunagu-thank-you/locales/ja.json";
import { carrierName } from "./carrier-names";

describe("carrierName", () => {
  it("names the carriers Shopify lists for Japan as shoppers know them, in the message's language", () => {
    expect(carrierName("Yamato (JA)", "ja")).toBe("ヤマト運輸");
    expect(carrierName("Yamato (JA)", "en")).toBe("Yamato Transport");
    expect(carrierName("Sagawa (EN)", "ja")).toBe("佐川急便");
    expect(carrierName("Sagawa (JA)", "en-US")).toBe("Sagawa Express");
    expect(carrierName("Japan Post (JA)", "ja-JP")).toBe("日本郵便");
    expect(carrierName("Japan Post (EN)", "en")).toBe("Japan Post");
    expect(carrierName("日本通運", "en")).toBe("Nippon Express");
  });

  it("leaves names it does not know as they are", () => {
    expect(carrierName("DHL Express", "ja")).toBe("DHL Express");
    expect(carrierName("クロネコ便", "en")).toBe("クロネコ便");
  });

  it("says what the thank-you and order-status blocks say", () => {
    expect(orderStatusJa.tracking.carrier).toEqual(thankYouJa.tracking.carrier);
    expect(orderStatusEn.tracking.carrier).toEqual(thankYouEn.tracking.carrier);
    expect(carrierName("Sagawa (EN)", "ja")).toBe(
      thankYouJa.tracking.carrier.sagawa,
    );
    expect(carrierName("Sagawa (EN)", "en")).toBe(
      thankYouEn.tracking.carrier.sagawa,
    );
  });
});
