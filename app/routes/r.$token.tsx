import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { env } from "../env.server";
import { verifyToken } from "../followups/links";
import { countClick } from "../followups/engine.server";
import { safeUrl } from "../followups/templates";
import { publicPage } from "../html/public-page";

/** /r/<token>: a link in a follow-up message. Counts the click, then goes on; signed, so never an open redirect. */
export const loader = async ({ params }: LoaderFunctionArgs) => {
  const parts = verifyToken(
    "click",
    params.token ?? "",
    env().SHOPIFY_API_SECRET,
  );
  const target = parts && parts.length === 3 ? safeUrl(String(parts[2])) : null;
  // The link says nothing about the reader's language: both.
  if (!parts || !target)
    return publicPage(
      "ja",
      "リンク / Link",
      '<p>このリンクは無効です。</p><p lang="en">This link is not valid.</p>',
      400,
    );
  await countClick(prisma, String(parts[0]), String(parts[1]));
  return new Response(null, {
    status: 302,
    headers: {
      Location: target,
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
};
