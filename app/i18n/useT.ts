import { useRouteLoaderData } from "@remix-run/react";
import { translator, type Locale, type Translate } from "./i18n";

/** The admin's language, decided once by the app layout's loader from Shopify's `locale` parameter. */
export function useLocale(): Locale {
  return useRouteLoaderData<{ locale: Locale }>("routes/app")?.locale ?? "ja";
}

export function useT(): Translate {
  return translator(useLocale());
}
