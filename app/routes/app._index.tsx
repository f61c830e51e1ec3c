import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { getSummary } from "../dashboard/summary.server";
import { useLocale, useT } from "../i18n/useT";
import type { MessageKey } from "../i18n/i18n";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json(await getSummary(prisma, session.shop));
};

export default function Dashboard() {
  const summary = useLoaderData<typeof loader>();
  const t = useT();
  const number = new Intl.NumberFormat(useLocale());
  const tiles: [MessageKey, number][] = [
    ["dashboard.customers", summary.customers],
    ["dashboard.repeatCustomers", summary.repeatCustomers],
    ["dashboard.orders", summary.orders],
    ["dashboard.webhooks", summary.webhooks],
  ];
  return (
    <Page title={t("dashboard.title")} subtitle={t("dashboard.subtitle")}>
      <TitleBar title={t("dashboard.title")} />
      <Layout>
        {summary.deadJobs > 0 && (
          <Layout.Section>
            <Banner tone="warning">{t("dashboard.jobsDead", { count: summary.deadJobs })}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
            {tiles.map(([label, value]) => (
              <Card key={label}>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingSm" tone="subdued">
                    {t(label)}
                  </Text>
                  <Text as="p" variant="heading2xl">
                    {number.format(value)}
                  </Text>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        {summary.customers === 0 && summary.orders === 0 && (
          <Layout.Section>
            <Card>
              <Text as="p">{t("dashboard.empty")}</Text>
            </Card>
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}
