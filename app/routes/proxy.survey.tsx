import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import prisma from "../db.server";
import { authenticateProxy, proxyError } from "../proxy/authenticate.server";
import { enforceStorefrontLimits } from "../proxy/limits.server";
import { validateAnswer } from "../surveys/definition";
import { getSurvey, recordResponse } from "../surveys/surveys.server";
import { thanksPage } from "../surveys/thanks-page";
import { storePath } from "../security/store-path";

const form = z.object({
  survey: z.string().regex(/^[a-z0-9]{8,40}$/),
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/)
    .default("ja"),
  score: z.string().max(3).optional(),
  choice: z.string().max(20).optional(),
  comment: z.string().max(5000).optional(),
  rid: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,40}$/)
    .optional(),
  // Honeypot: hidden from people, filled in by form-filling bots.
  website: z.string().max(200).optional(),
  back: z.string().max(500).optional(),
});

/**
 * POST /apps/tsunagu/survey: an answer from the storefront survey block, signed by Shopify's
 * proxy. JavaScript posts it and reads JSON; without JavaScript the form posts and gets a thank-you
 * page. A logged-in customer is linked; anonymous answers stay anonymous.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, session, loggedInCustomerId } =
    await authenticateProxy(request);
  if (!session) return proxyError(401, "app not installed on this shop");
  enforceStorefrontLimits(request, shop, "survey");
  if (Number(request.headers.get("content-length") ?? 0) > 16_000)
    return proxyError(413, "answer too large");
  const wantsJson = (request.headers.get("accept") ?? "").includes(
    "application/json",
  );
  let fields: Record<string, string>;
  try {
    fields = Object.fromEntries(
      [...(await request.formData())].filter(
        ([, v]) => typeof v === "string",
      ) as [string, string][],
    );
  } catch {
    return proxyError(400, "expected a form");
  }
  const parsed = form.safeParse(fields);
  if (!parsed.success)
    return proxyError(
      400,
      `invalid answer: ${parsed.error.issues[0].path.join(".")}`,
    );
  const f = parsed.data;
  const back = storePath(f.back);
  const reply = (
    status: number,
    outcome: "recorded" | "cooldown" | "invalid",
    error?: string,
  ) =>
    wantsJson
      ? new Response(
          JSON.stringify(
            error ? { error } : { ok: outcome === "recorded", outcome },
          ),
          {
            status,
            headers: { "Content-Type": "application/json; charset=utf-8" },
          },
        )
      : new Response(thanksPage({ locale: f.locale, outcome, back }), {
          status,
          headers: { "Content-Type": "application/liquid; charset=utf-8" },
        });
  // A filled honeypot is answered like a success, so the bot learns nothing, and nothing is kept.
  if (f.website) return reply(200, "recorded");
  const survey = await getSurvey(prisma, shop, f.survey);
  if (!survey || !survey.active || !survey.placements.includes("block"))
    return reply(404, "invalid", "unknown survey");
  const answer = validateAnswer(survey, f);
  if (!answer.ok) return reply(422, "invalid", `invalid ${answer.error}`);
  const { outcome } = await recordResponse(prisma, shop, survey, {
    channel: "block",
    ...answer.value,
    locale: f.locale,
    customerId: loggedInCustomerId,
    responseKey: f.rid ? `block:${f.rid}` : null,
  });
  if (outcome === "cooldown") return reply(409, "cooldown");
  return reply(200, "recorded");
};

export const loader = () => proxyError(405, "POST only");
