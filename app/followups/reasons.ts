import type { MessageKey, Translate } from "../i18n/i18n";
import { coded, parseCoded } from "../i18n/coded";

/**
 * Why a message was skipped, failed or needs checking, as stored in FlowMessage.error and in a
 * follow-up job's lastError: a code, or `code:detail` where the detail is the provider's own words
 * (shown as they are). The admin translates the code. Rows stored before codes existed hold English
 * sentences; those are shown as stored.
 */
export const REASONS = [
  "flow_off",
  "step_removed",
  "ordered_again",
  "no_channel",
  "guest",
  "no_template",
  "already_answered",
  "no_tutorials",
  "no_survey",
  "worker_stopped",
  "uncertain",
  "send_failed",
  "message_missing",
] as const;
export type Reason = (typeof REASONS)[number];

export const reason = (code: Reason, detail?: string): string =>
  coded(code, detail);

export const parseReason = (stored: string) => parseCoded(stored, REASONS);

/** The reason in the admin's language; an old stored sentence as it is. */
export function describeReason(t: Translate, stored: string): string {
  const r = parseReason(stored);
  if (!r) return stored;
  const detail =
    r.code === "no_template" && ["email", "line", "sms"].includes(r.detail)
      ? t(`followups.channel.${r.detail}` as MessageKey)
      : r.detail;
  return t(`followups.reason.${r.code}` as MessageKey, { detail });
}
