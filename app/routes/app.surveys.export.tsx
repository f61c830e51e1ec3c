import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { toCsv } from "../csv/csv";
import { shopTimeZone } from "../shops/shops.server";
import {
  COMMENTS_CSV_HEADER,
  commentsCsvRows,
} from "../surveys/surveys.server";

/** Comments as CSV (UTF-8 with BOM; a cell that a spreadsheet would run as a formula is text). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const pick = (name: string, allowed: string[]) => {
    const v = url.searchParams.get(name);
    return v && allowed.includes(v) ? v : undefined;
  };
  const rows = await commentsCsvRows(prisma, session.shop, {
    sentiment: pick("sentiment", ["positive", "neutral", "negative"]),
    loyalty: pick("loyalty", ["psychological", "behavioral", "none"]),
  });
  return new Response(
    toCsv(COMMENTS_CSV_HEADER, rows, await shopTimeZone(prisma, session.shop)),
    {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="tsunagu-comments.csv"',
      },
    },
  );
};
