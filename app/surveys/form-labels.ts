import { languageName, type Locale, type Translate } from "../i18n/i18n";

/** The survey form's question field for one language, named in the admin's language. */
export function questionLabel(
  t: Translate,
  admin: Locale,
  locale: "ja" | "en",
): string {
  return t("surveys.formQuestion", { locale: languageName(locale, admin) });
}
