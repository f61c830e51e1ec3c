import type { PrismaClient } from "@prisma/client";
import type { EngineDeps } from "./engine.server";
import type { StoredFlow } from "./flows.server";
import { unsubscribeUrl } from "./links";
import { renderTemplate, type TemplateContext } from "./templates";
import { listTutorials, tutorialLinks } from "../tutorials/tutorials.server";
import { reachedProducts } from "../tutorials/values";
import { fullName } from "../customers/names";
import { shopDisplayName } from "../shops/display-name";
import { carrierName } from "../tracking/carrier-names";

export interface PreviewMessage {
  /** Index of the step in the flow (0 = first). */
  step: number;
  channel: string;
  locale: string;
  subject: string | null;
  body: string;
}

/**
 * A flow's messages, every step, rendered with a real order of the shop (preview) or sent to a
 * test address: the same context as a real send, with links that work but are not counted.
 */
export async function runFollowupPreview(
  db: PrismaClient,
  shop: string,
  flow: Pick<StoredFlow, "steps" | "channels" | "preset">,
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
  const shopRow = await db.shop.findUnique({
    where: { shop },
    select: { name: true },
  });
  const context: TemplateContext = {
    shop_name: shopDisplayName(shopRow?.name, shop),
    first_name: customer?.firstName ?? "",
    last_name: customer?.lastName ?? "",
    full_name: fullName(customer?.firstName, customer?.lastName),
    order_name: order?.name ?? "",
    tracking_links: [],
    // The tutorials of the preview order's products, else the shop's first tutorial as an example.
    tutorial_links: await previewTutorials(
      db,
      shop,
      order?.productIds ?? "",
      order?.locale ?? "ja",
    ),
    survey_link: `${deps.appUrl.replace(/\/$/, "")}/survey/ask/preview`,
    unsubscribe_link: customer
      ? unsubscribeUrl(
          deps.appUrl,
          deps.secret,
          shop,
          customer.customerId,
          "email",
        )
      : `${deps.appUrl}/unsubscribe/preview`,
  };
  const out: PreviewMessage[] = [];
  for (const [step, { templates }] of flow.steps.entries()) {
    for (const channel of flow.channels) {
      for (const [locale, t] of Object.entries(templates[channel] ?? {})) {
        if (!t.body?.trim()) continue;
        // A sample parcel, its carrier named in this language as a real send names it.
        const localized: TemplateContext = {
          ...context,
          tracking_links: [
            {
              title: `${carrierName("Yamato (JA)", locale)} 0000-0000-0000`,
              url: "https://track.example/preview",
            },
          ],
        };
        try {
          out.push({
            step,
            channel,
            locale,
            subject: t.subject
              ? await renderTemplate(t.subject, "text", localized)
              : null,
            body: await renderTemplate(
              t.body,
              channel === "email" ? "html" : "text",
              localized,
            ),
          });
        } catch (error) {
          out.push({
            step,
            channel,
            locale,
            subject: null,
            body: `⚠ ${error instanceof Error ? error.message : String(error)}`,
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
  };
}

async function previewTutorials(
  db: PrismaClient,
  shop: string,
  productIds: string,
  lang: string,
) {
  const all = await listTutorials(db, shop);
  const links = tutorialLinks(all, productIds.split(",").filter(Boolean), lang);
  return links.length || !all[0]
    ? links
    : tutorialLinks(
        all.slice(0, 1),
        reachedProducts(all[0]).map((p) => p.id),
        lang,
      );
}
