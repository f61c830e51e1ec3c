import type { Translate } from "../i18n/i18n";
import { withDetail } from "../i18n/with-detail";

/** A download's failure: the answer's HTTP status when there was one, else the browser's error. */
export function downloadErrorMessage(
  t: Translate,
  failure: { status: number } | unknown,
): string {
  const detail =
    failure && typeof failure === "object" && "status" in failure
      ? `HTTP ${String(failure.status)}`
      : failure instanceof Error
        ? failure.message
        : String(failure);
  return withDetail(t, t("error.download"), detail);
}
