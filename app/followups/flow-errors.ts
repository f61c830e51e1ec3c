import type { MessageKey, Translate } from "../i18n/i18n";
import { withDetail } from "../i18n/with-detail";
import type { FlowFieldError } from "./flows.server";

/**
 * The flow editor's field errors in the admin's language: each `message` is a code under
 * `followups.error.`, filled in with its `params` (a template error's line, column and what is
 * wrong); a detail (what the mail server answered) follows in parentheses.
 */
const CODES = [
  "name",
  "trigger",
  "delay",
  "delayTooLong",
  "conditions",
  "minTotal",
  "productsTooMany",
  "productsUnreadable",
  "collectionsTooMany",
  "collectionsUnreadable",
  "choice",
  "subject",
  "channels",
  "steps",
  "collectionsMissing",
  "collectionsTooLarge",
  "collectionsLookup",
  "missing",
  "unsubscribe",
  "templateSyntax",
  "templateUnclosedOutput",
  "templateUnclosedTag",
  "templateUnclosedBlock",
  "templateUnknownTag",
  "templateUnknownFilter",
  "templateVariable",
  "templateTooLong",
  "templateTooHeavy",
  // The test email (field "to").
  "email",
  "no-smtp",
  "no-template",
  "too-many-tests",
  "send-failed",
] as const;
export type FlowErrorCode = (typeof CODES)[number];

export function describeFlowError(t: Translate, e: FlowFieldError): string {
  const known = (CODES as readonly string[]).includes(e.message);
  return known
    ? withDetail(
        t,
        t(`followups.error.${e.message}` as MessageKey, e.params),
        e.detail,
      )
    : withDetail(t, t("error.generic"), e.message);
}
