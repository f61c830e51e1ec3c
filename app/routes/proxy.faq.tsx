import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import prisma from "../db.server";
import { authenticateProxy, proxyError } from "../proxy/authenticate.server";
import { enforceStorefrontLimits } from "../proxy/limits.server";
import { previewSearch } from "../faq/preview.server";
import { resultsPage } from "../faq/results-page";
import { storePath } from "../security/store-path";

const params = z.object({
  q: z.string().trim().max(200).default(""),
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/)
    .default("ja"),
  /** The page the block's form was on (request.path), to link back to; checked by storePath. */
  back: z.string().max(500).optional(),
});

/** GET /apps/tsunagu/faq?q=: search results for shoppers without JavaScript (published entries only). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, session } = await authenticateProxy(request);
  if (!session) return proxyError(401, "app not installed on this shop");
  enforceStorefrontLimits(request, shop, "faq-search");
  const parsed = params.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!parsed.success)
    return proxyError(
      400,
      "q must be at most 200 characters, locale a language code and back a path",
    );
  const { q, locale } = parsed.data;
  const back = parsed.data.back ? storePath(parsed.data.back) : undefined;
  const result = q ? await previewSearch(prisma, shop, q, locale, true) : null;
  const settings = await prisma.faqSettings.findUnique({
    where: { shop },
    select: { contactUrl: true },
  });
  const hits = (result?.hits ?? []).slice(0, 5).map((h) => ({
    question: h.question,
    answer: result!.answers.get(h.id) ?? "",
  }));
  return new Response(
    resultsPage({
      query: q,
      locale,
      hits,
      weak: Boolean(result?.weak),
      contactUrl: settings?.contactUrl ?? "",
      back,
    }),
    { headers: { "Content-Type": "application/liquid; charset=utf-8" } },
  );
};
