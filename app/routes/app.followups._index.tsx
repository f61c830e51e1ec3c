import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  IndexTable,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { RowLink } from "../components/RowLink";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import {
  ensurePresets,
  listFlows,
  setFlowEnabled,
} from "../followups/flows.server";
import { flowStats } from "../followups/stats.server";
import {
  deadLetters,
  recentMessages,
  retryDeadLetter,
  upcomingMessages,
} from "../followups/admin.server";
import { describeReason } from "../followups/reasons";
import type { MessageKey } from "../i18n/i18n";
import { flowDisplayName } from "../followups/preset-names";
import { useLocale, useT, useShopFormats } from "../i18n/useT";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  await ensurePresets(prisma, session.shop);
  const [flows, stats, messages, upcoming, dead, settings] = await Promise.all([
    listFlows(prisma, session.shop),
    flowStats(prisma, session.shop),
    recentMessages(prisma, session.shop),
    upcomingMessages(prisma, session.shop),
    deadLetters(prisma, session.shop),
    prisma.channelSettings.findUnique({
      where: { shop: session.shop },
      select: { smtpHost: true, lineToken: true, twilioSid: true },
    }),
  ]);
  return json({
    flows: flows.map((f) => ({
      id: f.id,
      preset: f.preset,
      name: f.name,
      trigger: f.trigger,
      delays: f.steps.map((s) => s.delayMinutes),
      channels: f.channels,
      marketing: f.marketing,
      enabled: f.enabled,
      stats: stats.get(f.id) ?? null,
    })),
    messages,
    upcoming,
    dead,
    channels: {
      email: Boolean(settings?.smtpHost || process.env.FOLLOWUP_SMTP_URL),
      line: Boolean(settings?.lineToken),
      sms: Boolean(settings?.twilioSid),
    },
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const id = String(form.get("id") ?? "");
  if (form.get("intent") === "toggle") {
    const enabled = form.get("enabled") === "true";
    if (!(await setFlowEnabled(prisma, session.shop, id, enabled)))
      return json({ ok: false }, { status: 404 });
    return json({ ok: true });
  }
  if (form.get("intent") === "retry")
    return json({ ok: await retryDeadLetter(prisma, session.shop, id) });
  return json({ ok: false }, { status: 422 });
};

const STATUS_TONE: Record<
  string,
  "success" | "critical" | "warning" | "info" | undefined
> = {
  sent: "success",
  failed: "critical",
  uncertain: "warning",
  sending: "info",
  skipped: undefined,
};

export default function FollowUps() {
  const { flows, messages, upcoming, dead, channels } =
    useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const fetcher = useFetcher<typeof action>();
  const time = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: useShopFormats().timeZone,
  });
  const flowName = new Map(flows.map((f) => [f.id, flowDisplayName(t, f)]));
  const delay = (minutes: number) =>
    minutes === 0
      ? t("followups.delayNone")
      : minutes % 1440 === 0
        ? t("followups.delayDays", { days: minutes / 1440 })
        : t("followups.delayHours", { hours: Math.round(minutes / 60) });
  return (
    <Page
      title={t("followups.title")}
      secondaryActions={[
        { content: t("followups.cycles.title"), url: "/app/followups/cycles" },
        {
          content: t("followups.channelSettings"),
          url: "/app/followups/settings",
        },
      ]}
    >
      <TitleBar title={t("followups.title")} />
      <Layout>
        <Layout.Section>
          <Text as="p" tone="subdued">
            {t("followups.intro")}{" "}
            {t("followups.channelsReady", {
              list:
                (["email", "line", "sms"] as const)
                  .filter((c) => channels[c])
                  .map((c) => t(`followups.channel.${c}`))
                  .join(" / ") || "—",
            })}
          </Text>
        </Layout.Section>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            {flows.map((f) => (
              <Card key={f.id}>
                <BlockStack gap="200">
                  <InlineStack align="space-between" blockAlign="center">
                    <Text as="h2" variant="headingMd">
                      {flowName.get(f.id)}
                    </Text>
                    {f.enabled ? (
                      <Badge tone="success">{t("followups.on")}</Badge>
                    ) : (
                      <Badge>{t("followups.off")}</Badge>
                    )}
                  </InlineStack>
                  <Text as="p" tone="subdued">
                    {t(`followups.trigger.${f.trigger}` as MessageKey)} ·{" "}
                    {f.delays.map(delay).join(" → ")} ·{" "}
                    {f.channels
                      .map((c) => t(`followups.channel.${c}` as MessageKey))
                      .join(" → ")}{" "}
                    ·{" "}
                    {f.marketing
                      ? t("followups.marketing")
                      : t("followups.transactional")}
                  </Text>
                  <Text as="p">
                    {t("followups.stats", {
                      scheduled: f.stats?.scheduled ?? 0,
                      sent: f.stats?.sent ?? 0,
                      failed:
                        (f.stats?.failed ?? 0) + (f.stats?.uncertain ?? 0),
                      skipped: f.stats?.skipped ?? 0,
                      clicks: f.stats?.clicks ?? 0,
                      unsubscribed: f.stats?.unsubscribed ?? 0,
                      answers: f.stats?.surveyAnswers ?? 0,
                    })}
                  </Text>
                  <InlineStack gap="200">
                    <Button
                      onClick={() =>
                        fetcher.submit(
                          {
                            intent: "toggle",
                            id: f.id,
                            enabled: String(!f.enabled),
                          },
                          { method: "post" },
                        )
                      }
                      variant={f.enabled ? "secondary" : "primary"}
                    >
                      {f.enabled
                        ? t("followups.turnOff")
                        : t("followups.turnOn")}
                    </Button>
                    <Button url={`/app/followups/${f.id}`}>
                      {t("followups.edit")}
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        {dead.length > 0 && (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("followups.dead", { count: dead.length })}
                </Text>
                {dead.map((d) => (
                  <InlineStack
                    key={d.id}
                    align="space-between"
                    blockAlign="center"
                  >
                    <Text as="span" tone="critical">
                      {describeReason(t, d.lastError ?? "")}
                    </Text>
                    <Button
                      onClick={() =>
                        fetcher.submit(
                          { intent: "retry", id: d.id },
                          { method: "post" },
                        )
                      }
                    >
                      {t("followups.retry")}
                    </Button>
                  </InlineStack>
                ))}
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <Box padding="400">
              <Text as="h2" variant="headingMd">
                {t("followups.outbox")}
              </Text>
            </Box>
            {messages.length === 0 ? (
              <Box padding="400">
                <Text as="p" tone="subdued">
                  {t("followups.outboxEmpty")}
                </Text>
              </Box>
            ) : (
              <IndexTable
                resourceName={{
                  singular: t("followups.outboxResource.singular"),
                  plural: t("followups.outboxResource.plural"),
                }}
                itemCount={messages.length}
                selectable={false}
                headings={[
                  { title: t("followups.colTime") },
                  { title: t("followups.colFlow") },
                  { title: t("followups.colOrder") },
                  { title: t("followups.colTo") },
                  { title: t("followups.colSubject") },
                  { title: t("followups.colStatus") },
                ]}
              >
                {messages.map((m, i) => (
                  <IndexTable.Row
                    id={m.id}
                    key={m.id}
                    position={i}
                    onClick={() => navigate(`/app/followups/${m.flowId}`)}
                  >
                    <IndexTable.Cell>
                      <RowLink to={`/app/followups/${m.flowId}`}>
                        {time.format(new Date(m.sentAt ?? m.updatedAt))}
                      </RowLink>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {flowName.get(m.flowId) ?? "—"}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {m.orderName ?? m.orderId ?? "—"}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <BlockStack gap="0">
                        {m.customerName && (
                          <Text as="span">{m.customerName}</Text>
                        )}
                        <Text
                          as="span"
                          tone={m.customerName ? "subdued" : undefined}
                          variant={m.customerName ? "bodySm" : undefined}
                        >
                          {m.channel
                            ? `${t(`followups.channel.${m.channel}` as MessageKey)} · ${m.recipient ?? ""}`
                            : m.customerName
                              ? t("followups.noChannel")
                              : "—"}
                        </Text>
                      </BlockStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" truncate>
                        {m.subject ?? ""}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <InlineStack gap="100">
                        <Badge tone={STATUS_TONE[m.status]}>
                          {t(`followups.status.${m.status}` as MessageKey)}
                        </Badge>
                        {m.error && m.status !== "sent" ? (
                          <Text as="span" tone="subdued" variant="bodySm">
                            {describeReason(t, m.error)}
                          </Text>
                        ) : null}
                      </InlineStack>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
        {upcoming.length > 0 && (
          <Layout.Section>
            <Card>
              <BlockStack gap="100">
                <Text as="h2" variant="headingMd">
                  {t("followups.upcoming")}
                </Text>
                {upcoming.map((u) => (
                  <Text as="p" key={u.id}>
                    {time.format(new Date(u.scheduledAt))} ·{" "}
                    {flowName.get(u.flowId) ?? "—"} ·{" "}
                    {t("followups.forOrder", {
                      order: u.orderName ?? u.orderId ?? "—",
                    })}
                  </Text>
                ))}
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}
