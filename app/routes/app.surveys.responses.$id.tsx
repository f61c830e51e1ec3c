import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Layout,
  Link,
  Page,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import {
  getResponse,
  getSurvey,
  markFollowedUp,
  recentOrders,
} from "../surveys/surveys.server";
import { useLocale, useT, useShopFormats } from "../i18n/useT";
import { fulfillmentStatusLabel } from "../surveys/fulfillment-status";
import { languageName, type MessageKey } from "../i18n/i18n";

/** One answer to follow up: what the customer said, and their recent orders from the Admin API. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const response = await getResponse(prisma, session.shop, params.id!);
  if (!response) throw new Response("Not found", { status: 404 });
  const survey = await getSurvey(prisma, session.shop, response.surveyId);
  let customer: Awaited<ReturnType<typeof recentOrders>> = null;
  let ordersError = false;
  if (response.customerId) {
    try {
      customer = await recentOrders(admin.graphql, response.customerId);
    } catch {
      ordersError = true;
    }
  }
  return json({
    response,
    question: survey?.question ?? {},
    customer,
    ordersError,
  });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const done = form.get("done");
  if (done !== "true" && done !== "false")
    return json({ ok: false }, { status: 422 });
  if (
    !(await markFollowedUp(prisma, session.shop, params.id!, done === "true"))
  )
    throw new Response("Not found", { status: 404 });
  return json({ ok: true });
};

export default function FollowUp() {
  const {
    response: r,
    question,
    customer,
    ordersError,
  } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const fetcher = useFetcher<typeof action>();
  const date = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeZone: useShopFormats().timeZone,
  });
  const done = fetcher.formData
    ? fetcher.formData.get("done") === "true"
    : !!r.followedUpAt;
  const q = question[locale] ?? question.ja ?? question.en ?? "";
  const money = (m: { amount: string; currencyCode: string }) =>
    new Intl.NumberFormat(locale, {
      style: "currency",
      currency: m.currencyCode,
    }).format(Number(m.amount));
  return (
    <Page
      title={t("surveys.followUp")}
      backAction={{ content: t("surveys.title"), url: "/app/surveys" }}
    >
      <TitleBar title={t("surveys.followUp")} />
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="p" tone="subdued">
                {q}
              </Text>
              {r.score !== null && (
                <Text as="p" variant="headingLg">
                  {t("surveys.colScore")} {r.score}
                </Text>
              )}
              <Text as="p">{r.comment || t("surveys.noComment")}</Text>
              <InlineStack gap="200">
                {r.sentiment && (
                  <Badge
                    tone={
                      r.sentiment === "negative"
                        ? "critical"
                        : r.sentiment === "positive"
                          ? "success"
                          : undefined
                    }
                  >
                    {t(`surveys.sentiment.${r.sentiment}` as MessageKey)}
                  </Badge>
                )}
                {r.loyalty && (
                  <Badge tone="info">
                    {t(`surveys.loyalty.${r.loyalty}` as MessageKey)}
                  </Badge>
                )}
                <Text as="span" tone="subdued">
                  {[
                    t(`surveys.channel.${r.channel}` as MessageKey),
                    r.locale && languageName(r.locale, locale),
                    date.format(new Date(r.createdAt)),
                  ].join(" · ")}
                </Text>
              </InlineStack>
              <InlineStack>
                <Button
                  variant={done ? "secondary" : "primary"}
                  loading={fetcher.state !== "idle"}
                  onClick={() =>
                    fetcher.submit({ done: String(!done) }, { method: "post" })
                  }
                >
                  {done ? t("surveys.reopen") : t("surveys.markDone")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("surveys.recentOrders")}
              </Text>
              {!r.customerId ? (
                <Text as="p" tone="subdued">
                  {t("surveys.anonymous")}
                </Text>
              ) : ordersError ? (
                <Banner tone="warning">{t("surveys.ordersError")}</Banner>
              ) : !customer ? (
                <Text as="p" tone="subdued">
                  {t("surveys.customerGone")}
                </Text>
              ) : (
                <BlockStack gap="200">
                  <InlineStack gap="200">
                    <Link
                      url={`shopify:admin/customers/${r.customerId}`}
                      target="_top"
                    >
                      {t("surveys.openCustomer")}
                    </Link>
                    <Text as="span" tone="subdued">
                      {t("surveys.orderCount", {
                        count: customer.numberOfOrders,
                      })}
                    </Text>
                  </InlineStack>
                  <DataTable
                    columnContentTypes={[
                      "text",
                      "text",
                      "text",
                      "text",
                      "numeric",
                    ]}
                    headings={[
                      t("surveys.colOrder"),
                      t("surveys.colDate"),
                      t("surveys.colItems"),
                      t("surveys.colFulfillment"),
                      t("surveys.colTotal"),
                    ]}
                    rows={customer.orders.map((o) => [
                      <Link
                        key={o.id}
                        url={`shopify:admin/orders/${o.id}`}
                        target="_top"
                      >
                        {o.name}
                      </Link>,
                      date.format(new Date(o.processedAt)),
                      o.items
                        .map((i) => `${i.title} × ${i.quantity}`)
                        .join(", "),
                      fulfillmentStatusLabel(t, o.status),
                      money(o.total),
                    ])}
                  />
                </BlockStack>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
