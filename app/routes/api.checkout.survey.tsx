import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import prisma from "../db.server";
import { RECONNECT, whileConnected } from "../shopify.server";
import { NOT_CONNECTED } from "../shops/connection";
import { extensionRequest } from "../security/extension-request.server";
import { checkoutTokenParam } from "../security/checkout-buyer";
import { RateLimiter } from "../proxy/rate-limit";
import { validateAnswer } from "../surveys/definition";
import {
  asksOnThankYou,
  checkoutOrder,
  isBuyersOrder,
  thankYouKey,
  thankYouSurvey,
} from "../surveys/checkout.server";
import { getSurvey, recordResponse } from "../surveys/surveys.server";

/**
 * The thank-you page extension's backend, authenticated by the checkout session token
 * (`authenticate.public.checkout`). GET: the one question to ask for this order. POST: the answer,
 * linked to the order (and its customer) as read from the Admin API. Only the checkout's own buyer
 * (by the page's checkout token) or the logged-in customer the order belongs to is answered.
 */
const limiter = new RateLimiter(60, 2);
const orderId = z.string().regex(/^\d{1,20}$/);
const locale = z.string().regex(/^[a-zA-Z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/);

const context = (request: Request) =>
  extensionRequest(request, "checkout", limiter);

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const c = await context(request);
  if (!c.ok) return c.response;
  const { shop, sub, cors, fail } = c;
  const url = new URL(request.url);
  const id = orderId.safeParse(url.searchParams.get("order"));
  const lang = locale.safeParse(url.searchParams.get("locale") ?? "ja");
  const checkout = checkoutTokenParam
    .nullable()
    .safeParse(url.searchParams.get("checkout"));
  if (!id.success || !lang.success || !checkout.success)
    return fail(400, "order and locale required, checkout a checkout token");
  const order = await whileConnected(shop, (g) => checkoutOrder(g, id.data));
  if (order === NOT_CONNECTED) return fail(503, RECONNECT);
  if (!order) return fail(404, "unknown order");
  if (!isBuyersOrder(order, { sub, checkoutToken: checkout.data }))
    return fail(404, "unknown order"); // as for a missing one, so ids cannot be probed
  const survey = await thankYouSurvey(prisma, shop, order, lang.data);
  const l = lang.data.toLowerCase().split("-")[0];
  const pick = (labels: Record<string, string>) =>
    labels[l] ??
    labels[lang.data] ??
    // The extension's own words fall back to English for other languages: so does the question.
    labels.en ??
    labels.ja ??
    Object.values(labels)[0] ??
    "";
  return cors(
    Response.json({
      survey: survey && {
        id: survey.id,
        kind: survey.kind,
        question: pick(survey.question),
        choices: survey.choices.map((c) => ({
          value: c.value,
          label: pick(c.labels),
        })),
        followUp: survey.followUp,
      },
    }),
  );
};

const answer = z
  .object({
    survey: z.string().regex(/^[a-z0-9]{8,40}$/),
    order: orderId,
    checkout: checkoutTokenParam.optional(),
    locale,
    score: z.number().int().nullable().optional(),
    choice: z.string().max(20).nullable().optional(),
    comment: z.string().max(5000).optional(),
  })
  .strict();

export const action = async ({ request }: ActionFunctionArgs) => {
  const c = await context(request);
  if (!c.ok) return c.response;
  const { shop, sub, cors, fail } = c;
  if (Number(request.headers.get("content-length") ?? 0) > 16_000)
    return fail(413, "answer too large");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return fail(400, "expected JSON");
  }
  const parsed = answer.safeParse(body);
  if (!parsed.success)
    return fail(
      400,
      `invalid answer: ${parsed.error.issues[0].path.join(".") || parsed.error.issues[0].message}`,
    );
  const a = parsed.data;
  const survey = await getSurvey(prisma, shop, a.survey);
  if (!survey || !survey.active || !survey.placements.includes("thankyou"))
    return fail(404, "unknown survey");
  const valid = validateAnswer(survey, {
    score: a.score == null ? null : String(a.score),
    choice: a.choice ?? null,
    comment: a.comment ?? "",
  });
  if (!valid.ok) return fail(422, `invalid ${valid.error}`);
  const order = await whileConnected(shop, (g) => checkoutOrder(g, a.order));
  if (order === NOT_CONNECTED) return fail(503, RECONNECT);
  if (!order) return fail(404, "unknown order");
  if (!isBuyersOrder(order, { sub, checkoutToken: a.checkout ?? null }))
    return fail(404, "unknown order"); // as for a missing one, so ids cannot be probed
  // Only a question this page could have asked for this order (audience, language).
  if (!asksOnThankYou(survey, order, a.locale))
    return fail(404, "unknown survey");
  const { outcome } = await recordResponse(
    prisma,
    shop,
    { id: survey.id, cooldownDays: 0 },
    {
      channel: "thankyou",
      ...valid.value,
      locale: a.locale.toLowerCase().split("-")[0],
      customerId: order.customerId,
      orderId: order.orderId,
      responseKey: thankYouKey(survey.id, order.orderId),
    },
  );
  return cors(Response.json({ ok: true, outcome }));
};
