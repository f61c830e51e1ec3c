import en from "../../extensions/tsunagu-thank-you/locales/en.default.json";
import ja from "../../extensions/tsunagu-thank-you/locales/ja.json";
import { carrierLabel } from "../../extensions/shared/carriers";

/**
 * Carriers by the names shoppers know them, for what the app writes itself (follow-up messages
 * and their preview): the thank-you block's own words, so a message and the page after checkout
 * name a parcel's carrier alike. Which Shopify name is which carrier is decided once, in
 * extensions/shared/carriers.ts.
 */
export function carrierName(company: string, locale: string): string {
  const { carrier } = (locale.toLowerCase().startsWith("ja") ? ja : en)
    .tracking as { carrier: Record<string, string> };
  return carrierLabel(
    company,
    (key) => carrier[key.replace("tracking.carrier.", "")] ?? company,
  );
}
