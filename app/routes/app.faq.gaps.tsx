import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  DataTable,
  EmptyState,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { gapReport } from "../faq/events.server";
import { useLocale, useT } from "../i18n/useT";
import { EMPTY_STATE_IMAGE } from "../components/empty-state-image";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json({ gaps: await gapReport(prisma, session.shop) });
};

export default function FaqGaps() {
  const { gaps } = useLoaderData<typeof loader>();
  const t = useT();
  const date = new Intl.DateTimeFormat(useLocale(), { dateStyle: "medium" });
  return (
    <Page
      title={t("faq.gapsTitle")}
      backAction={{ content: t("faq.title"), url: "/app/faq" }}
    >
      <TitleBar title={t("faq.gapsTitle")} />
      <Layout>
        <Layout.Section>
          <Card padding={gaps.length ? "0" : undefined}>
            {gaps.length === 0 ? (
              <EmptyState
                heading={t("faq.gapsTitle")}
                image={EMPTY_STATE_IMAGE}
              >
                <p>{t("faq.gapsEmpty")}</p>
              </EmptyState>
            ) : (
              <BlockStack>
                <div style={{ padding: "var(--p-space-400)" }}>
                  <Text as="p" tone="subdued">
                    {t("faq.gapsHelp")}
                  </Text>
                </div>
                <DataTable
                  columnContentTypes={[
                    "text",
                    "text",
                    "numeric",
                    "numeric",
                    "text",
                    "text",
                  ]}
                  headings={[
                    t("faq.gapsAsked"),
                    t("faq.previewLocale"),
                    t("faq.gapsCount"),
                    t("faq.gapsNoResult"),
                    t("faq.gapsLast"),
                    "",
                  ]}
                  rows={gaps.map((g) => [
                    <BlockStack key="q" gap="100">
                      {g.examples.map((x) => (
                        <Text as="span" key={x}>
                          {x}
                        </Text>
                      ))}
                    </BlockStack>,
                    <Badge key="l">{g.locale}</Badge>,
                    g.count,
                    g.empty,
                    date.format(new Date(g.lastAt)),
                    <Button
                      key="d"
                      url={`/app/faq/new?${new URLSearchParams({ question: g.examples[0], locale: g.locale })}`}
                    >
                      {t("faq.gapsDraft")}
                    </Button>,
                  ])}
                />
              </BlockStack>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
