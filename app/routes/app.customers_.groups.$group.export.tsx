import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { GROUP_KEYS, type GroupKey } from "../customers/groups";
import { getGroupSettings, groupCsv } from "../customers/groups.server";
import { shopTimeZone } from "../shops/shops.server";

/** CSV of every member of a group (UTF-8 with BOM so Excel reads Japanese names). */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const group = params.group as GroupKey;
  if (!GROUP_KEYS.includes(group))
    throw new Response("Not found", { status: 404 });
  const csv = await groupCsv(
    prisma,
    session.shop,
    group,
    await getGroupSettings(prisma, session.shop),
    { timeZone: await shopTimeZone(prisma, session.shop) },
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tsunagu-${group}.csv"`,
    },
  });
};
