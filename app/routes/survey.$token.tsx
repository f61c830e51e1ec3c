import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { env } from "../env.server";
import { RateLimiter, clientIp } from "../proxy/rate-limit";
import { MAX_COMMENT, scoreRange } from "../surveys/definition";
import { emailResponseKey, verifyLink } from "../surveys/email-link";
import { emailPage, type PageState } from "../surveys/email-page";
import {
  addComment,
  getSurvey,
  linkAnswer,
  recordResponse,
} from "../surveys/surveys.server";
import { shopName } from "../shops/shops.server";

/**
 * GET /survey/<token>: a one-click score link from a follow-up email. The click records the
 * score (first click wins; replays, other scores from the same email and an answer the order already
 * gave on the thank-you page change nothing) and offers the comment form, which posts back to the
 * same link.
 */
const limiter = new RateLimiter(30, 1);

const html = (status: number, locale: string | null, state: PageState) =>
  emailPage(locale, state, status);

async function resolve(request: Request, token: string) {
  // Turned away before the link is read: its language is not known yet, so both.
  if (!limiter.take(clientIp(request)))
    return { error: html(429, null, { kind: "error", error: "tooMany" }) };
  const verified = verifyLink(token, env().SHOPIFY_API_SECRET);
  if (!verified.ok)
    return {
      // An expired link is still the app's own and says its language; a forged or broken one
      // says nothing trustworthy, so both languages.
      error: html(
        verified.error === "expired"
          ? 410
          : verified.error === "forged"
            ? 403
            : 400,
        verified.locale ?? null,
        {
          kind: "error",
          error: verified.error === "expired" ? "expired" : "invalid",
        },
      ),
    };
  const c = verified.claims;
  const installed = await prisma.session.findFirst({
    where: { shop: c.shop, isOnline: false },
    select: { id: true },
  });
  const survey = installed ? await getSurvey(prisma, c.shop, c.survey) : null;
  const range = survey ? scoreRange(survey.kind) : null;
  if (
    !survey ||
    !survey.placements.includes("email") ||
    !range ||
    c.score < range[0] ||
    c.score > range[1]
  )
    return { error: html(404, c.locale, { kind: "error", error: "invalid" }) };
  // From here the page is the shop's: its name heads it, in the link's language.
  const shop = await shopName(prisma, c.shop);
  const page = (status: number, state: PageState) =>
    emailPage(c.locale, state, status, shop);
  return { claims: c, survey, page };
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const r = await resolve(request, params.token ?? "");
  if ("error" in r) return r.error;
  const { claims: c, survey, page } = r;
  const key = emailResponseKey(c);
  // The order may have been answered already, here or on the thank-you page: that answer stands.
  const existing = await linkAnswer(prisma, c);
  let fresh = false;
  let score = existing?.score ?? null;
  let comment = existing?.comment ?? "";
  if (!existing) {
    if (!survey.active) return page(404, { kind: "error", error: "invalid" });
    // The window keys on the customer; an order-bound link stands for its order alone.
    const outcome = await recordResponse(
      prisma,
      c.shop,
      { id: survey.id, cooldownDays: c.order ? 0 : survey.cooldownDays },
      {
        channel: "email",
        score: c.score,
        choice: null,
        comment: "",
        locale: c.locale,
        customerId: c.customer,
        orderId: c.order,
        responseKey: key,
      },
    );
    fresh = outcome.outcome === "recorded";
    if (fresh) score = c.score;
    else {
      const row = await linkAnswer(prisma, c);
      score = row?.score ?? null;
      comment = row?.comment ?? "";
    }
  }
  return page(200, {
    kind: "answered",
    fresh,
    score,
    question:
      survey.question[c.locale] ??
      survey.question.ja ??
      survey.question.en ??
      "",
    canComment: survey.followUp && !comment && score !== null,
    commented: !!comment,
  });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const r = await resolve(request, params.token ?? "");
  if ("error" in r) return r.error;
  const { claims: c, survey, page } = r;
  const question =
    survey.question[c.locale] ?? survey.question.ja ?? survey.question.en ?? "";
  let text = "";
  try {
    const form = await request.formData();
    const v = form.get("comment");
    text = typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : "";
  } catch {
    return page(400, { kind: "error", error: "invalid" });
  }
  const row = await linkAnswer(prisma, c);
  if (!row?.responseKey) return page(404, { kind: "error", error: "invalid" });
  if (text.length > MAX_COMMENT)
    return page(422, {
      kind: "answered",
      fresh: false,
      score: row.score,
      question,
      canComment: true,
      commented: false,
      error: "commentTooLong",
    });
  if (!survey.followUp || !text)
    return page(422, {
      kind: "answered",
      fresh: false,
      score: row.score,
      question,
      canComment: survey.followUp,
      commented: false,
    });
  const added = await addComment(prisma, c.shop, row.responseKey, text);
  return page(added ? 200 : 409, {
    kind: "answered",
    // Just after sending a comment: thanks, not "you already answered", which reads as a refusal.
    fresh: added,
    score: row.score,
    question,
    canComment: false,
    commented: true,
  });
};
