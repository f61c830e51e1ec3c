import type { Translate } from "../i18n/i18n";

/** The survey form's question field for one language, named in the admin's language. */
export function questionLabel(t: Translate, locale: "ja" | "en"): string {
  return t("surveys.formQuestion", {
    locale: t(locale === "ja" ? "faq.localeName.ja" : "faq.localeName.en"),
  });
}
