import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { getDataRequestReport } from "../settings/settings.server";

/** Download of a customers/data_request report, for the merchant to send to the customer. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const report = await getDataRequestReport(
    prisma,
    session.shop,
    params.id ?? "",
  );
  if (!report) throw new Response("Not found", { status: 404 });
  return new Response(report.report, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="tsunagu-customer-${report.customerId}.json"`,
    },
  });
};
