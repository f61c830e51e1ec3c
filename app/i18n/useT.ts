import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { translator, type Locale, type Translate } from "./i18n";

/** The admin's language, decided once by the app layout's loader from Shopify's `locale` parameter. */
export function useLocale(): Locale {
  return useRouteLoaderData<{ locale: Locale }>("routes/app")?.locale ?? "ja";
}

/** A stable translate function (effects that depend on it run once per language, not per render). */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
