import type { LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { GROUP_KEYS, type GroupKey } from "../customers/groups";
import { getGroupSettings, groupCsv } from "../customers/groups.server";
import { getShopSettings } from "../shops/shops.server";
import { DEFAULT_TIME_ZONE } from "../shops/clock";

/** CSV of every member of a group (UTF-8 with BOM so Excel reads Japanese names). */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const group = params.group as GroupKey;
  if (!GROUP_KEYS.includes(group))
    throw new Response("Not found", { status: 404 });
  const shop = await getShopSettings(prisma, session.shop);
  const csv = await groupCsv(
    prisma,
    session.shop,
    group,
    await getGroupSettings(prisma, session.shop),
    {
      timeZone: shop?.timezone ?? DEFAULT_TIME_ZONE,
      currency: shop?.currency ?? "JPY",
    },
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tsunagu-${group}.csv"`,
    },
  });
};
