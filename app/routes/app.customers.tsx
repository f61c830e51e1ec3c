import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
} from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineStack,
  Layout,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { useEffect } from "react";
import { z } from "zod";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { latestSync, startCustomerSync } from "../customers/sync.server";
import { describeSyncError } from "../customers/sync-errors";
import {
  getGroupSettings,
  groupCounts,
  pushSegments,
  saveGroupSettings,
  segmentLinks,
} from "../customers/groups.server";
import { validateSettings } from "../customers/groups";
import { GroupsCard } from "../customers/GroupsCard";
import { useLocale, useShopFormats, useT } from "../i18n/useT";
import type { MessageKey } from "../i18n/i18n";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const settings = await getGroupSettings(prisma, session.shop);
  const [sync, customers, counts, links] = await Promise.all([
    latestSync(prisma, session.shop),
    prisma.customer.count({ where: { shop: session.shop } }),
    groupCounts(prisma, session.shop, settings),
    segmentLinks(prisma, session.shop),
  ]);
  return json({ sync, customers, settings, counts, links });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const form = Object.fromEntries(await request.formData());
  const intent = z
    .enum(["sync", "save-groups", "push-segments"])
    .safeParse(form.intent);
  if (!intent.success)
    return json({ ok: false, intent: null, errors: {} }, { status: 422 });
  if (intent.data === "sync") {
    const run = await startCustomerSync(prisma, session.shop, admin.graphql);
    return json({
      ok: true,
      intent: intent.data,
      started: run.started,
      errors: {},
    });
  }
  if (intent.data === "save-groups") {
    const { errors, value } = validateSettings({
      dormantDays: form.dormantDays,
      pointsSource: form.pointsSource,
      engagedTags: form.engagedTags,
    });
    if (Object.keys(errors).length)
      return json({ ok: false, intent: intent.data, errors }, { status: 422 });
    await saveGroupSettings(prisma, session.shop, value);
    return json({ ok: true, intent: intent.data, errors: {} });
  }
  await pushSegments(
    prisma,
    session.shop,
    admin.graphql,
    await getGroupSettings(prisma, session.shop),
  );
  return json({ ok: true, intent: intent.data, errors: {} });
};

const ACTIVE = new Set(["running", "downloading", "applying"]);

export default function Customers() {
  const { sync, customers, settings, counts, links } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const t = useT();
  const locale = useLocale();
  const { timeZone } = useShopFormats();
  const number = new Intl.NumberFormat(locale);
  const active = sync ? ACTIVE.has(sync.status) : false;

  // While a sync runs, refresh its progress every two seconds.
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(
      () => revalidator.state === "idle" && revalidator.revalidate(),
      2000,
    );
    return () => clearInterval(timer);
  }, [active, revalidator]);
  useEffect(() => {
    if (!result?.ok) return;
    if (result.intent === "sync" && "started" in result && result.started)
      window.shopify?.toast.show(t("customers.sync.started"));
    if (result.intent === "save-groups")
      window.shopify?.toast.show(t("groups.saved"));
    if (result.intent === "push-segments")
      window.shopify?.toast.show(t("groups.pushed"));
  }, [result, t]);

  const progress =
    sync && sync.objectCount > 0
      ? Math.round((sync.linesApplied / sync.objectCount) * 100)
      : 0;
  return (
    <Page title={t("customers.title")}>
      <TitleBar title={t("customers.title")} />
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  {t("customers.sync.title")}
                </Text>
                {sync && (
                  <Badge
                    tone={
                      sync.status === "completed"
                        ? "success"
                        : sync.status === "failed"
                          ? "critical"
                          : "info"
                    }
                  >
                    {t(`customers.sync.status.${sync.status}` as MessageKey)}
                  </Badge>
                )}
              </InlineStack>
              <Text as="p" tone="subdued">
                {t("customers.sync.help")}
              </Text>
              <Text as="p">{`${t("customers.total")}: ${number.format(customers)}`}</Text>
              {!sync && <Text as="p">{t("customers.sync.never")}</Text>}
              {sync?.status === "failed" && sync.error && (
                <Banner tone="critical">
                  {describeSyncError(t, sync.error)}
                </Banner>
              )}
              {active && (
                <BlockStack gap="100">
                  <ProgressBar
                    progress={sync?.status === "applying" ? progress : 5}
                    size="small"
                    animated
                  />
                  {sync && sync.objectCount > 0 && (
                    <Text as="p" tone="subdued">
                      {t("customers.sync.progress", {
                        done: number.format(sync.linesApplied),
                        total: number.format(sync.objectCount),
                      })}
                    </Text>
                  )}
                </BlockStack>
              )}
              {sync?.status === "completed" && (
                <Text as="p">
                  {t("customers.sync.counts", {
                    customers: number.format(sync.customers),
                    orders: number.format(sync.orders),
                  })}
                  {sync.finishedAt
                    ? ` · ${t("customers.sync.finishedAt", { date: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(sync.finishedAt)) })}`
                    : ""}
                </Text>
              )}
              <Form method="post">
                <input type="hidden" name="intent" value="sync" />
                <Button
                  submit
                  disabled={active}
                  loading={navigation.state === "submitting"}
                >
                  {t("customers.sync.button")}
                </Button>
              </Form>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <GroupsCard
            settings={settings}
            counts={counts}
            links={links}
            errors={
              result && !result.ok && result.intent === "save-groups"
                ? (result.errors as Record<string, string>)
                : undefined
            }
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
