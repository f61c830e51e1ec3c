import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { env } from "../env.server";
import { scoreLinks, verifyLink } from "../surveys/email-link";
import { getSurvey } from "../surveys/surveys.server";
import { askPage } from "../surveys/ask-page";
import { emailPage } from "../surveys/email-page";
import { shopName } from "../shops/shops.server";

/** /survey/ask/<token>: the survey link of a follow-up message — the question with one signed link per score. */
export const loader = async ({ params }: LoaderFunctionArgs) => {
  const { SHOPIFY_API_SECRET, SHOPIFY_APP_URL } = env();
  const verified = verifyLink(params.token ?? "", SHOPIFY_API_SECRET);
  if (!verified.ok)
    // An expired link is still the app's own and says its language; a broken one, both.
    return emailPage(
      verified.error === "expired" ? (verified.locale ?? null) : null,
      {
        kind: "error",
        error: verified.error === "expired" ? "expired" : "invalid",
      },
      verified.error === "expired" ? 410 : 400,
    );
  const c = verified.claims;
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
  const links = scoreLinks({
    appUrl: SHOPIFY_APP_URL,
    secret: SHOPIFY_API_SECRET,
    shop: c.shop,
    survey: survey.id,
    kind: survey.kind,
    customer: c.customer,
    order: c.order,
    locale: c.locale,
    // The score links expire with the link that led here, never later.
    exp: c.exp,
  });
  return askPage({
    locale: c.locale,
    shop: await shopName(prisma, c.shop),
    kind: survey.kind,
    question:
      survey.question[lang] ?? survey.question.ja ?? survey.question.en ?? "",
    links,
  });
};
