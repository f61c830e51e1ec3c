import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { env } from "../env.server";
import { readAskToken, scoreLinks } from "../surveys/email-link";
import { getSurvey } from "../surveys/surveys.server";
import { askPage } from "../surveys/ask-page";
import { emailPage } from "../surveys/email-page";
import { shopName } from "../shops/shops.server";

/**
 * /survey/ask/<token>: the survey link of a follow-up message — the question with one signed link
 * per score; for the link of a follow-up's preview or test email, the same page with none.
 */
export const loader = async ({ params }: LoaderFunctionArgs) => {
  const { SHOPIFY_API_SECRET, SHOPIFY_APP_URL } = env();
  const read = readAskToken(params.token ?? "", SHOPIFY_API_SECRET);
  if (!read.ok)
    // An expired link is still the app's own and says its language; a broken one, both.
    return emailPage(
      read.error === "expired" ? (read.locale ?? null) : null,
      {
        kind: "error",
        error: read.error === "expired" ? "expired" : "invalid",
      },
      read.error === "expired" ? 410 : 400,
    );
  const c = read.claims;
  const survey = await getSurvey(prisma, c.shop, c.survey);
  if (
    !survey ||
    !survey.active ||
    (survey.kind !== "nps" && survey.kind !== "csat")
  )
    return emailPage(
      c.locale ?? null,
      { kind: "error", error: "ended" },
      404,
      await shopName(prisma, c.shop),
    );
  const lang = c.locale === "en" ? "en" : "ja";
  return askPage({
    locale: c.locale,
    shop: await shopName(prisma, c.shop),
    kind: survey.kind,
    question:
      survey.question[lang] ?? survey.question.ja ?? survey.question.en ?? "",
    links: read.preview
      ? null
      : scoreLinks({
          appUrl: SHOPIFY_APP_URL,
          secret: SHOPIFY_API_SECRET,
          shop: c.shop,
          survey: survey.id,
          kind: survey.kind,
          customer: read.claims.customer,
          order: read.claims.order,
          locale: read.claims.locale,
          // The score links expire with the link that led here, never later.
          exp: read.claims.exp,
        }),
  });
};
