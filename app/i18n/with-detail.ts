import type { Translate } from "./i18n";

/**
 * A translated sentence followed by what an outside system said, in parentheses ("…でした
 * (SMTP: Timeout)"): the merchant reads their language, support still sees the exact cause.
 */
export function withDetail(
  t: Translate,
  message: string,
  detail: string | null | undefined,
): string {
  const d = detail?.trim();
  return d ? t("error.withDetail", { message, detail: d }) : message;
}
