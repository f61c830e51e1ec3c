import type { PrismaClient } from "@prisma/client";
import type { EngineDeps } from "./engine.server";
import { previewUnsubscribeUrl } from "./links";
import {
  renderTemplate,
  templateErrorOf,
  usesVariable,
  type TemplateContext,
} from "./templates";
import { templateFieldError, type FlowFieldError } from "./flows.server";
import { listTutorials } from "../tutorials/tutorials.server";
import { fullName } from "../customers/names";
import { previewAskUrl } from "../surveys/email-link";
import { emailFollowupSurvey } from "../surveys/surveys.server";
import {
  previewTutorialLinks,
  type PreviewFlow,
  type PreviewNote,
} from "./preview";
import { shopDisplayName } from "../shops/display-name";
import { carrierName } from "../tracking/carrier-names";

export interface PreviewMessage {
  /** Index of the step in the flow (0 = first). */
  step: number;
  channel: string;
  locale: string;
  subject: string | null;
  body: string;
  /** Why it could not be rendered (the editor says it in the merchant's language); body is then empty. */
  error: FlowFieldError | null;
}

/**
 * A flow's messages, every step, rendered with a real order of the shop (preview) or sent to a
 * test address: the same context as a real send, in each message's language, with links that
 * work but are not counted. The survey and unsubscribe links are a preview's: the real pages,
 * marked as previews, that record nothing, so a click in a test email answers no survey and
 * unsubscribes no customer. `flow` is the saved flow or the texts being edited. What the order
 * cannot supply is an example or a preview's, and `notes` says which.
 */
export async function runFollowupPreview(
  db: PrismaClient,
  shop: string,
  flow: PreviewFlow,
  deps: Pick<EngineDeps, "appUrl" | "secret">,
) {
  const order = await db.order.findFirst({
    where: { shop, customerId: { not: null } },
    orderBy: { processedAt: "desc" },
  });
  const customer = order?.customerId
    ? await db.customer.findFirst({
        where: { shop, customerId: order.customerId },
      })
    : null;
  const [shopRow, tutorials, survey] = await Promise.all([
    db.shop.findUnique({ where: { shop }, select: { name: true } }),
    listTutorials(db, shop),
    emailFollowupSurvey(db, shop),
  ]);
  const productIds = order?.productIds.split(",").filter(Boolean) ?? [];
  const notes = new Set<PreviewNote>();
  const contextFor = (locale: string, channel: string) => {
    const tutorial = previewTutorialLinks(tutorials, productIds, locale);
    const context: TemplateContext = {
      shop_name: shopDisplayName(shopRow?.name, shop),
      first_name: customer?.firstName ?? "",
      last_name: customer?.lastName ?? "",
      full_name: fullName(customer?.firstName, customer?.lastName),
      order_name: order?.name ?? "",
      // A sample parcel, its carrier named in this language as a real send names it.
      tracking_links: [
        {
          title: `${carrierName("Yamato (JA)", locale)} 0000-0000-0000`,
          url: "https://track.example/preview",
        },
      ],
      tutorial_links: tutorial.links,
      // A real send's link is the customer's own; this one opens the same page as a preview.
      survey_link: survey
        ? previewAskUrl({
            appUrl: deps.appUrl,
            secret: deps.secret,
            shop,
            survey: survey.id,
            locale,
          })
        : "",
      // Never the preview customer's own: a click in a test email must not unsubscribe them.
      unsubscribe_link: previewUnsubscribeUrl(
        deps.appUrl,
        deps.secret,
        shop,
        channel,
        locale,
      ),
    };
    return { context, tutorialNote: tutorial.note };
  };
  const out: PreviewMessage[] = [];
  for (const [step, { templates }] of flow.steps.entries()) {
    for (const channel of flow.channels) {
      for (const [locale, t] of Object.entries(templates[channel] ?? {})) {
        if (!t.body?.trim()) continue;
        const { context, tutorialNote } = contextFor(locale, channel);
        if (usesVariable(t, "tracking_links")) notes.add("exampleTracking");
        if (usesVariable(t, "tutorial_links") && tutorialNote)
          notes.add(tutorialNote);
        if (usesVariable(t, "survey_link"))
          notes.add(survey ? "surveyPreview" : "noSurvey");
        if (usesVariable(t, "unsubscribe_link"))
          notes.add("unsubscribePreview");
        try {
          out.push({
            step,
            channel,
            locale,
            subject: t.subject
              ? await renderTemplate(t.subject, "text", context)
              : null,
            body: await renderTemplate(
              t.body,
              channel === "email" ? "html" : "text",
              context,
            ),
            error: null,
          });
        } catch (error) {
          out.push({
            step,
            channel,
            locale,
            subject: null,
            body: "",
            error: templateFieldError("preview", templateErrorOf(error)),
          });
        }
      }
    }
  }
  return {
    order: order
      ? { name: order.name, customer: customer?.firstName ?? null }
      : null,
    messages: out,
    notes: [...notes],
  };
}
