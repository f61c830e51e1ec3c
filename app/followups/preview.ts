import { pickLocale } from "../tutorials/definition";
import { tutorialLinks, type TutorialReach } from "../tutorials/values";
import type { Templates } from "./flows.server";

/**
 * What a follow-up preview cannot take from the preview order, and says so under the messages:
 * tracking comes with a fulfilment (an example is shown), the order's products may have no
 * tutorial (one in the previewed language is shown as an example, or none exists), the shop may
 * ask no survey by email (the link is empty, and real sends of the message are skipped), and the
 * survey and unsubscribe links are a preview's.
 */
export type PreviewNote =
  | "exampleTracking"
  | "exampleTutorial"
  | "noTutorial"
  | "noSurvey"
  | "surveyPreview"
  | "unsubscribePreview";

/** The flow as the preview reads it: saved, or as being edited (unchecked). */
export interface PreviewFlow {
  channels: string[];
  steps: { templates: Templates }[];
}

/**
 * The tutorial links of a message in `locale`: the preview order's, as a real send would show
 * them; else, as an example, the shop's first tutorial written in that language (any first one
 * when none is).
 */
export function previewTutorialLinks(
  tutorials: TutorialReach[],
  productIds: string[],
  locale: string,
): {
  links: { title: string; url: string }[];
  note: "exampleTutorial" | "noTutorial" | null;
} {
  const links = tutorialLinks(tutorials, productIds, locale);
  if (links.length) return { links, note: null };
  const lang = locale.toLowerCase().split("-")[0];
  const example =
    tutorials.find((t) => t.locales[lang as keyof TutorialReach["locales"]]) ??
    tutorials[0];
  const chosen = example && pickLocale(example.locales, locale);
  return chosen
    ? { links: [chosen], note: "exampleTutorial" }
    : { links: [], note: "noTutorial" };
}
