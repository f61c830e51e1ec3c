import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { listEntries } from "../faq/entries.server";
import { faqCsv } from "../faq/csv-import";

/** The whole FAQ as CSV, in the format the import reads (UTF-8 with BOM for Excel). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const csv = faqCsv(await listEntries(prisma, session.shop));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="tsunagu-faq.csv"',
    },
  });
};
