import { carrierOf, type CarrierId } from "../../extensions/shared/carriers";

/**
 * Carriers by the names shoppers know them, for what the app writes itself (follow-up messages
 * and their preview). Which Shopify name is which carrier is decided once, in
 * extensions/shared/carriers.ts; the blocks read these same names from their locales (a test
 * keeps them equal).
 */
export const CARRIER_NAMES: Record<CarrierId, { ja: string; en: string }> = {
  yamato: { ja: "ヤマト運輸", en: "Yamato Transport" },
  sagawa: { ja: "佐川急便", en: "Sagawa Express" },
  japanPost: { ja: "日本郵便", en: "Japan Post" },
  seino: { ja: "西濃運輸", en: "Seino Transportation" },
  seinoSuperExpress: {
    ja: "西濃スーパーエキスプレス",
    en: "Seino Super Express",
  },
  fukuyama: { ja: "福山通運", en: "Fukuyama Transporting" },
  nipponExpress: { ja: "日本通運", en: "Nippon Express" },
};

/** `company` as Shopify sent it, named in `locale` ("ja", else English); unknown names unchanged. */
export function carrierName(company: string, locale: string): string {
  const id = carrierOf(company);
  if (!id) return company;
  return locale.toLowerCase().startsWith("ja")
    ? CARRIER_NAMES[id].ja
    : CARRIER_NAMES[id].en;
}
