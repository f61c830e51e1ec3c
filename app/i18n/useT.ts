import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { translator, type Locale, type Translate } from "./i18n";
import { DEFAULT_TIME_ZONE } from "../shops/clock";

/** The admin's language, decided once by the app layout's loader from Shopify's `locale` parameter. */
export function useLocale(): Locale {
  return useRouteLoaderData<{ locale: Locale }>("routes/app")?.locale ?? "ja";
}

/** The shop's time zone and currency, read once by the app layout's loader. */
export function useShopFormats(): { timeZone: string; currency: string } {
  const data = useRouteLoaderData<{ timeZone: string; currency: string }>(
    "routes/app",
  );
  return {
    timeZone: data?.timeZone ?? DEFAULT_TIME_ZONE,
    currency: data?.currency ?? "JPY",
  };
}

/** A stable translate function (effects that depend on it run once per language, not per render). */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
