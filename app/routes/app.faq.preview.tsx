import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { previewSearch } from "../faq/preview.server";

const params = z.object({
  q: z.string().trim().min(1).max(200),
  locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/),
});

/** GET /app/faq/preview?q=&locale=: the ranking a shopper would get, with why each entry matched. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = params.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!parsed.success)
    return json(
      { error: "q (1–200 characters) and locale are required" },
      { status: 400 },
    );
  const { answers: _answers, ...result } = await previewSearch(
    prisma,
    session.shop,
    parsed.data.q,
    parsed.data.locale,
  );
  return json(result);
};
