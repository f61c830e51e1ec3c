import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Card, EmptyState, IndexTable, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import {
  GROUP_KEYS,
  MEMBERS_SHOWN,
  emptyGroupHint,
  membersShownKey,
  type GroupKey,
} from "../customers/groups";
import { getGroupSettings, groupMembers } from "../customers/groups.server";
import {
  LIST_KEYS,
  listMembers,
  type ListKey,
} from "../customers/lists.server";
import { getShopSettings } from "../shops/shops.server";
import { fullName } from "../customers/names";
import { DownloadButton } from "../components/DownloadButton";
import { EMPTY_STATE_IMAGE } from "../components/empty-state-image";
import { useLocale, useT, useShopFormats } from "../i18n/useT";
import type { MessageKey } from "../i18n/i18n";
import { DEFAULT_TIME_ZONE } from "../shops/clock";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const settings = await getGroupSettings(prisma, session.shop);
  // The five groups, and the lists behind the dashboard's numbers.
  if (LIST_KEYS.includes(params.group as ListKey)) {
    const shop = await getShopSettings(prisma, session.shop);
    const list = params.group as ListKey;
    return json({
      group: list,
      list: true,
      settings,
      members: await listMembers(prisma, session.shop, list, {
        timeZone: shop?.timezone ?? DEFAULT_TIME_ZONE,
        dormantDays: settings.dormantDays,
        take: MEMBERS_SHOWN,
      }),
    });
  }
  const group = params.group as GroupKey;
  if (!GROUP_KEYS.includes(group))
    throw new Response("Not found", { status: 404 });
  return json({
    group,
    list: false,
    settings,
    hint: emptyGroupHint(group, settings),
    members: await groupMembers(
      prisma,
      session.shop,
      group,
      settings,
      MEMBERS_SHOWN,
    ),
  });
};

export default function GroupMembers() {
  const data = useLoaderData<typeof loader>();
  const { group, list, settings, members } = data;
  const hint = "hint" in data ? data.hint : null;
  const t = useT();
  const locale = useLocale();
  const { timeZone, currency } = useShopFormats();
  const money = new Intl.NumberFormat(locale, { style: "currency", currency });
  const date = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeZone,
  });
  const title = t((list ? `lists.${group}` : `groups.${group}`) as MessageKey, {
    days: settings.dormantDays,
  });
  return (
    <Page
      title={title}
      backAction={
        list
          ? { content: t("dashboard.title"), url: "/app" }
          : { content: t("groups.back"), url: "/app/customers" }
      }
      secondaryActions={
        list || hint ? undefined : (
          <DownloadButton
            href={`/app/customers/groups/${group}/export`}
            filename={`tsunagu-${group}.csv`}
          >
            {t("groups.export")}
          </DownloadButton>
        )
      }
    >
      <TitleBar title={title} />
      <Card padding="0">
        {members.length === 0 && hint === "points" ? (
          <EmptyState
            heading={t("groups.unsupported.points")}
            action={{
              content: t("groups.emptyHint.pointsAction"),
              url: "/app/customers#points-source",
            }}
            image={EMPTY_STATE_IMAGE}
          >
            <p>{t("groups.emptyHint.points")}</p>
          </EmptyState>
        ) : members.length === 0 ? (
          <EmptyState heading={t("groups.empty")} image={EMPTY_STATE_IMAGE} />
        ) : (
          <>
            <div style={{ padding: "12px 16px" }}>
              <Text as="p" tone="subdued">
                {t(membersShownKey(members.length), { count: members.length })}
              </Text>
            </div>
            <IndexTable
              resourceName={{
                singular: t("groups.memberResource.singular"),
                plural: t("groups.memberResource.plural"),
              }}
              itemCount={members.length}
              selectable={false}
              headings={[
                { title: t("groups.columns.customer") },
                { title: t("groups.columns.orders"), alignment: "end" },
                { title: t("groups.columns.spent"), alignment: "end" },
                { title: t("groups.columns.lastOrder") },
              ]}
            >
              {members.map((m, i) => (
                <IndexTable.Row
                  id={m.customerId}
                  key={m.customerId}
                  position={i}
                >
                  <IndexTable.Cell>
                    <Text as="span" fontWeight="semibold">
                      {fullName(m.firstName, m.lastName) || m.customerId}
                    </Text>{" "}
                    <Text as="span" tone="subdued">
                      {m.email ?? ""}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {m.ordersCount}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {money.format(Number(m.amountSpent))}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {m.lastOrderAt ? date.format(new Date(m.lastOrderAt)) : "—"}
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </>
        )}
      </Card>
    </Page>
  );
}
