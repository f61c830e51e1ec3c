import { describe, expect, it } from "vitest";
import orderStatusEn from "../tsunagu-order-status/locales/en.default.json";
import orderStatusJa from "../tsunagu-order-status/locales/ja.json";
import thankYouEn from "../tsunagu-thank-you/locales/en.default.json";
import thankYouJa from "../tsunagu-thank-you/locales/ja.json";
import { carrierLabel, carrierOf } from "./carriers";

const translate = (strings: object) => (key: string) =>
  key
    .split(".")
    .reduce<unknown>(
      (o, k) => (o as Record<string, unknown> | undefined)?.[k],
      strings,
    ) as string;

describe("carrierOf", () => {
  it("knows Shopify's tracking company names for carriers in Japan, both tracking-page languages", () => {
    expect(carrierOf("Yamato (JA)")).toBe("yamato");
    expect(carrierOf("Yamato (EN)")).toBe("yamato");
    expect(carrierOf("Sagawa (JA)")).toBe("sagawa");
    expect(carrierOf("Sagawa (EN)")).toBe("sagawa");
    expect(carrierOf("Japan Post (JA)")).toBe("japanPost");
    expect(carrierOf("Japan Post (EN)")).toBe("japanPost");
    expect(carrierOf("西濃運輸")).toBe("seino");
    expect(carrierOf("西濃スーパーエキスプレス")).toBe("seinoSuperExpress");
    expect(carrierOf("福山通運")).toBe("fukuyama");
    expect(carrierOf("日本通運")).toBe("nipponExpress");
    // Spacing and case as a hand-typed "Other" carrier might have them.
    expect(carrierOf(" yamato  (ja) ")).toBe("yamato");
  });

  it("leaves other names alone", () => {
    for (const name of ["DHL Express", "FedEx", "Yamato", "ヤマト便", ""])
      expect(carrierOf(name)).toBeNull();
  });
});

describe("carrierLabel", () => {
  it.each([
    ["thank-you", thankYouJa, thankYouEn],
    ["order-status", orderStatusJa, orderStatusEn],
  ])("names carriers as shoppers know them on the %s block", (_n, ja, en) => {
    const tJa = translate(ja);
    const tEn = translate(en);
    expect(carrierLabel("Yamato (JA)", tJa)).toBe("ヤマト運輸");
    expect(carrierLabel("Yamato (EN)", tEn)).toBe("Yamato Transport");
    expect(carrierLabel("Sagawa (JA)", tJa)).toBe("佐川急便");
    expect(carrierLabel("Sagawa (JA)", tEn)).toBe("Sagawa Express");
    expect(carrierLabel("Japan Post (EN)", tJa)).toBe("日本郵便");
    expect(carrierLabel("Japan Post (JA)", tEn)).toBe("Japan Post");
    expect(carrierLabel("西濃運輸", tEn)).toBe("Seino Transportation");
    expect(carrierLabel("福山通運", tEn)).toBe("Fukuyama Transporting");
    expect(carrierLabel("福山通運", tJa)).toBe("福山通運");
    for (const company of [
      "Yamato (JA)",
      "Sagawa (JA)",
      "Japan Post (JA)",
      "西濃運輸",
      "西濃スーパーエキスプレス",
      "福山通運",
      "日本通運",
    ]) {
      expect(carrierLabel(company, tJa)).toMatch(
        /^[\u3040-\u30ff\u4e00-\u9fff]+$/,
      );
      expect(carrierLabel(company, tEn)).toMatch(/^[A-Z][A-Za-z ]+$/);
    }
    expect(carrierLabel("DHL Express", tJa)).toBe("DHL Express");
    expect(carrierLabel("名鉄運輸", tEn)).toBe("名鉄運輸");
  });
});
