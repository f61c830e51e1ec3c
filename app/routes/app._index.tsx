import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { getDashboard, recordSnapshot } from "../dashboard/metrics.server";
import { requestStatsRebuild } from "../dashboard/stats.server";
import { getGroupSettings } from "../customers/groups.server";
import { getShopSettings } from "../shops/shops.server";
import { MonthBars, Spark } from "../components/charts.client";
import { chartLinks } from "../components/chart-styles";
import { useLocale, useT } from "../i18n/useT";
import type { MessageKey } from "../i18n/i18n";
import { useEffect, useState } from "react";
import { DEFAULT_TIME_ZONE } from "../shops/clock";
import { monthsThatFit } from "../dashboard/chart-fit";
import { useWidth } from "../components/useWidth";

export const links = chartLinks;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [settings, shop] = await Promise.all([
    getGroupSettings(prisma, session.shop),
    getShopSettings(prisma, session.shop),
  ]);
  const dashboard = await getDashboard(
    prisma,
    session.shop,
    settings,
    shop?.timezone ?? DEFAULT_TIME_ZONE,
  );
  if (dashboard.recalculating) await requestStatsRebuild(prisma, session.shop);
  else await recordSnapshot(prisma, session.shop, dashboard);
  return json(dashboard);
};

export default function Dashboard() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: 1,
  });
  const buyers = d.active + d.dormant;
  // People first: each number is a count of customers or orders, linking to the people behind it.
  const series = (
    key:
      "fans" | "active" | "dormant" | "churned" | "recovered" | "repeatOrders",
  ) => d.trend.map((m) => m[key]);
  const tiles: {
    label: MessageKey;
    value: number;
    to: string;
    trend: (number | null)[];
    /** A count of this month so far, not a standing number: its trend ends last month. */
    soFar?: true;
  }[] = [
    {
      label: "dashboard.fans",
      value: d.fans,
      to: "/app/customers/groups/fans",
      trend: series("fans"),
    },
    {
      label: "dashboard.active",
      value: d.active,
      to: "/app/customers/groups/active",
      trend: series("active"),
    },
    {
      label: "dashboard.dormant",
      value: d.dormant,
      to: "/app/customers/groups/dormant",
      trend: series("dormant"),
    },
    {
      label: "dashboard.churned",
      value: d.churnedThisMonth,
      soFar: true,
      to: "/app/customers/groups/churned",
      trend: series("churned"),
    },
    {
      label: "dashboard.recovered",
      value: d.recoveredThisMonth,
      soFar: true,
      to: "/app/customers/groups/recovered",
      trend: series("recovered"),
    },
    {
      label: "dashboard.repeatOrders",
      value: d.repeatOrdersThisMonth,
      soFar: true,
      to: "/app/customers/groups/repeat",
      trend: series("repeatOrders"),
    },
  ];
  const trendOf = (tile: (typeof tiles)[number]) =>
    tile.soFar ? tile.trend.slice(0, -1) : tile.trend;
  // The charts measure the page: draw them once the page is live in the browser.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const month = new Intl.DateTimeFormat(locale, { month: "short" });
  // A phone's card is too narrow for twelve labelled months: show as many recent ones as fit.
  const [chartBox, chartWidth] = useWidth<HTMLDivElement>();
  const months = d.trend.slice(-monthsThatFit(chartWidth, d.trend.length));
  const monthBars = (key: "orders" | "repeatOrders") =>
    months.map((m) => ({
      key: month.format(new Date(`${m.month}-15T00:00:00Z`)),
      value: m[key],
    }));
  const trendTitle = t("dashboard.trend", { months: months.length });
  // This month's counts are partial: say which days they cover, and end the tiles' trend lines
  // with the last whole month instead of a dip that is only the month not being over.
  const day = new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
  const today = day.format(new Date(`${d.today}T00:00:00Z`));
  const soFar = t("dashboard.soFar", {
    range: d.today.endsWith("-01")
      ? today
      : t("dashboard.range", {
          from: day.format(new Date(`${d.today.slice(0, 7)}-01T00:00:00Z`)),
          to: today,
        }),
  });
  return (
    <Page title={t("dashboard.title")} subtitle={t("dashboard.subtitle")}>
      <TitleBar title={t("dashboard.title")} />
      <Layout>
        {d.deadJobs > 0 && (
          <Layout.Section>
            <Banner tone="warning">
              <BlockStack gap="100">
                <Text as="p">
                  {t("dashboard.jobsDead", { count: d.deadJobs })}
                </Text>
                <Link to="/app/settings">{t("dashboard.jobsDeadOpen")}</Link>
              </BlockStack>
            </Banner>
          </Layout.Section>
        )}
        {d.recalculating && (
          <Layout.Section>
            <Banner tone="info">{t("dashboard.recalculating")}</Banner>
          </Layout.Section>
        )}
        {d.customers === 0 && !d.recalculating && (
          <Layout.Section>
            <Card>
              <Text as="p">{t("dashboard.empty")}</Text>
            </Card>
          </Layout.Section>
        )}
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="400">
            {tiles.map((tile) => (
              <Card key={tile.label}>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingSm" tone="subdued">
                    {t(tile.label)}
                  </Text>
                  <BlockStack gap="050">
                    <Text as="p" variant="heading2xl">
                      {number.format(tile.value)}
                    </Text>
                    {tile.soFar && (
                      <Text as="p" variant="bodySm" tone="subdued">
                        {soFar}
                      </Text>
                    )}
                  </BlockStack>
                  <div style={{ minHeight: 48 }}>
                    {trendOf(tile).filter((v) => v !== null).length < 2 ? (
                      // A line needs two months; say so instead of leaving a gap.
                      <Text as="p" variant="bodySm" tone="subdued">
                        {t("dashboard.trendSoon")}
                      </Text>
                    ) : (
                      hydrated && (
                        <Spark
                          values={trendOf(tile)}
                          label={`${t(tile.label)} · ${t(tile.soFar ? "dashboard.trendTileWhole" : "dashboard.trendTile")}`}
                        />
                      )
                    )}
                  </div>
                  <Link to={tile.to}>{t("dashboard.view")}</Link>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {trendTitle}
              </Text>
              <InlineStack gap="200" blockAlign="baseline">
                <Text as="p" tone="subdued">
                  {t("dashboard.ordersThisMonth", {
                    count: number.format(d.ordersThisMonth),
                  })}
                </Text>
                <Text as="p" variant="bodySm" tone="subdued">
                  {soFar}
                </Text>
              </InlineStack>
              <div ref={chartBox} style={{ minHeight: 300 }}>
                {hydrated && chartWidth > 0 && (
                  <MonthBars
                    label={trendTitle}
                    series={[
                      {
                        name: t("dashboard.trendOrders"),
                        data: monthBars("orders"),
                      },
                      {
                        name: t("dashboard.trendRepeat"),
                        data: monthBars("repeatOrders"),
                      },
                    ]}
                  />
                )}
              </div>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {t("dashboard.rates")}
              </Text>
              <Text as="p">
                {t("dashboard.repeatRate", {
                  rate: percent.format(buyers ? d.fans / buyers : 0),
                })}
              </Text>
              <Text as="p">
                {t("dashboard.dormantRate", {
                  rate: percent.format(buyers ? d.dormant / buyers : 0),
                })}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
