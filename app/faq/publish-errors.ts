import type { MessageKey, Translate } from "../i18n/i18n";
import { withDetail } from "../i18n/with-detail";
import { coded, parseCoded } from "../i18n/coded";
import { ShopNotConnected } from "../shops/connection";

/**
 * Why the last FAQ publish failed, as stored in FaqSettings.publishError: a code, or
 * `code:detail` where the detail is Shopify's own words (a GraphQL or user error). The admin
 * translates the code. Errors stored before codes existed hold English sentences; those are
 * shown after "Publishing failed:" as before.
 */
export const PUBLISH_ERRORS = [
  /** Other publishes kept replacing the manifest while this one tried to switch to its own. */
  "contended",
  /** Shopify answered with errors (GraphQL errors, metafield user errors). */
  "shopify",
  /** Shopify no longer accepted the app's token; it is renewed when the merchant opens the app. */
  "not_connected",
  /** Anything else (network, an unexpected answer). */
  "failed",
] as const;
export type PublishErrorCode = (typeof PUBLISH_ERRORS)[number];

export class PublishError extends Error {
  constructor(
    readonly code: PublishErrorCode,
    readonly detail = "",
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "PublishError";
  }
}

/** What to store for a failed publish. */
export function storedPublishError(error: unknown): string {
  const { code, detail } =
    error instanceof PublishError
      ? error
      : error instanceof ShopNotConnected
        ? { code: "not_connected" as const, detail: "" }
        : {
            code: "failed" as const,
            detail: (error instanceof Error ? error.message : String(error))
              .split("\n")[0]
              .slice(0, 200),
          };
  return coded(code, detail).slice(0, 500);
}

export function describePublishError(t: Translate, stored: string): string {
  const parsed = parseCoded(stored, PUBLISH_ERRORS);
  if (!parsed) return t("faq.publishError", { error: stored });
  return withDetail(
    t,
    t(`faq.publishFailed.${parsed.code}` as MessageKey),
    parsed.detail,
  );
}
