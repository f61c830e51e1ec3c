import type { MessageKey, Translate } from "../i18n/i18n";
import { parseCoded } from "../i18n/coded";
import { withDetail } from "../i18n/with-detail";
import { NOT_CONNECTED } from "../shops/connection";

/**
 * The settings page's failed background tasks, in the merchant's words: what the task was, and
 * why it failed where the app knows the reason (otherwise a sentence saying so, with the error as
 * it was raised, which is what support needs).
 */
const TASKS: Record<string, string> = {
  webhook: "webhook",
  "customer-sync-apply": "customerSync",
  "customer-sync-retry": "customerSync",
  "customer-refresh": "customerRefresh",
  "stats.rebuild": "stats",
  "faq.publish": "faqPublish",
  "followup.send": "followup",
  "survey.analyze": "surveyAnalyze",
  "surveys.publish": "surveysPublish",
  "tutorials.collection": "tutorialsCollection",
  "tutorials.publish": "tutorialsPublish",
};

export function describeTask(t: Translate, type: string): string {
  const name = TASKS[type];
  return name ? t(`settings.task.${name}` as MessageKey) : type;
}

export function describeTaskError(t: Translate, stored: string): string {
  return parseCoded(stored, [NOT_CONNECTED])
    ? t("settings.taskError.notConnected")
    : withDetail(t, t("settings.taskError.unknown"), stored);
}
