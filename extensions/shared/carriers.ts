/**
 * Carriers by the names shoppers know them. Shopify sends `FulfillmentTrackingInfo.company` as
 * named in its documented list of tracking companies: "Yamato (JA)", "Sagawa (EN)", "Japan Post
 * (JA)" (the suffix is the language of the carrier's tracking page, not of a different carrier),
 * and, for shops in Japan, 西濃運輸, 福山通運 and the like in Japanese only. Names not listed here
 * (DHL Express, FedEx, a merchant's own "ヤマト便"...) are shown as sent.
 * Pure: the app (follow-up messages) and both UI extensions use it.
 */
export type CarrierId =
  | "yamato"
  | "sagawa"
  | "japanPost"
  | "seino"
  | "seinoSuperExpress"
  | "fukuyama"
  | "nipponExpress";

const SHOPIFY_NAMES: Record<string, CarrierId> = {
  "yamato (ja)": "yamato",
  "yamato (en)": "yamato",
  "sagawa (ja)": "sagawa",
  "sagawa (en)": "sagawa",
  "japan post (ja)": "japanPost",
  "japan post (en)": "japanPost",
  西濃運輸: "seino",
  西濃スーパーエキスプレス: "seinoSuperExpress",
  福山通運: "fukuyama",
  日本通運: "nipponExpress",
};

/** The carrier Shopify's tracking company name stands for, or null for a name it does not list. */
export function carrierOf(company: string): CarrierId | null {
  return (
    SHOPIFY_NAMES[company.trim().replace(/\s+/g, " ").toLowerCase()] ?? null
  );
}

/**
 * The extensions' locale key of a carrier's name. Written out, not built, so the locale test
 * finds every one of them.
 */
const KEYS: Record<CarrierId, string> = {
  yamato: "tracking.carrier.yamato",
  sagawa: "tracking.carrier.sagawa",
  japanPost: "tracking.carrier.japanPost",
  seino: "tracking.carrier.seino",
  seinoSuperExpress: "tracking.carrier.seinoSuperExpress",
  fukuyama: "tracking.carrier.fukuyama",
  nipponExpress: "tracking.carrier.nipponExpress",
};

/** The carrier's name through the extension's strings; an unknown company as Shopify sent it. */
export function carrierLabel(
  company: string,
  translate: (key: string) => string,
): string {
  const id = carrierOf(company);
  return id ? translate(KEYS[id]) : company;
}
