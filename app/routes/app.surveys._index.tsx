import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useNavigate, useSubmit } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Card,
  DataTable,
  EmptyState,
  IndexTable,
  InlineGrid,
  InlineStack,
  Layout,
  List,
  Page,
  Select,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { chartLinks } from "../components/chart-styles";
import { RowLink } from "../components/RowLink";
import { ClampedText } from "../components/ClampedText";
import { useEffect, useState } from "react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import {
  commentsFeed,
  followUpItems,
  listSurveys,
  productTitles,
  surveyDashboard,
  voiceByProduct,
} from "../surveys/surveys.server";
import { useLocale, useT, useShopFormats } from "../i18n/useT";
import { languageName, type MessageKey } from "../i18n/i18n";
import { DownloadButton } from "../components/DownloadButton";
import { MonthBars } from "../components/charts.client";
import { EMPTY_STATE_IMAGE } from "../components/empty-state-image";
import { skipRevalidateOnSavedDrop } from "../components/saved-notice";
import { useSavedToast } from "../components/useSavedToast";
import { noResponseSteps } from "../surveys/no-responses";

const SENTIMENTS = ["positive", "neutral", "negative"] as const;
const LOYALTIES = ["psychological", "behavioral", "none"] as const;

export const links = chartLinks;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const url = new URL(request.url);
  const sentiment = SENTIMENTS.find(
    (s) => s === url.searchParams.get("sentiment"),
  );
  const loyalty = LOYALTIES.find((s) => s === url.searchParams.get("loyalty"));
  const [dashboard, surveys, comments, followUps, products] = await Promise.all(
    [
      surveyDashboard(prisma, session.shop),
      listSurveys(prisma, session.shop),
      commentsFeed(prisma, session.shop, { sentiment, loyalty, take: 50 }),
      followUpItems(prisma, session.shop, 20),
      voiceByProduct(prisma, session.shop),
    ],
  );
  const top = products.slice(0, 15);
  let titles: Record<string, string> = {};
  try {
    titles = await productTitles(
      admin.graphql,
      top.map((p) => p.productId),
    );
  } catch {
    // Titles are a nicety; the counts stand without them.
  }
  return json({
    dashboard,
    surveys,
    comments: comments.map((c) => ({
      ...c,
      cues: c.cues
        ? (JSON.parse(c.cues) as { cues: string[]; names: string[] })
        : null,
    })),
    followUps,
    products: top.map((p) => ({ ...p, title: titles[p.productId] ?? null })),
    filter: { sentiment: sentiment ?? "", loyalty: loyalty ?? "" },
  });
};

export const shouldRevalidate = skipRevalidateOnSavedDrop;

export default function SurveysDashboard() {
  const {
    dashboard: d,
    surveys,
    comments,
    followUps,
    products,
    filter,
  } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const submit = useSubmit();
  const number = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeZone: useShopFormats().timeZone,
  });
  // "2026年12月" / "Dec 2026": a two-digit year read as a day ("26年12月", "Dec 26").
  const month = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
  });
  useSavedToast(t("surveys.saved"));
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const question = (q: Record<string, string>) =>
    q[locale] ?? q.ja ?? q.en ?? Object.values(q)[0] ?? "";
  const channel = (c: string) =>
    ["block", "thankyou", "email"].includes(c)
      ? t(`surveys.channel.${c}` as MessageKey)
      : c;
  const npsText = (nps: number | null) =>
    nps === null ? "—" : (nps > 0 ? "+" : "") + String(nps);
  const countRows = (rows: typeof d.byChannel, label: (k: string) => string) =>
    rows.map((r) => [
      label(r.key),
      number.format(r.responses),
      number.format(r.promoters),
      number.format(r.passives),
      number.format(r.detractors),
      npsText(r.nps),
    ]);
  const countHeadings = [
    t("surveys.responses"),
    t("surveys.promoters"),
    t("surveys.passives"),
    t("surveys.detractors"),
    "NPS",
  ];
  const share = (n: number, total: number) =>
    total ? `${Math.round((n / total) * 100)}%` : "—";
  const exportQuery = new URLSearchParams(
    Object.entries(filter).filter(([, v]) => v),
  ).toString();

  // Nothing answered in the 12 months the statistics cover: say what to do instead of empty axes.
  const noResponses = d.total === 0;
  const steps = noResponseSteps(surveys);

  if (surveys.length === 0)
    return (
      <Page title={t("surveys.title")}>
        <TitleBar title={t("surveys.title")} />
        <Card>
          <EmptyState
            heading={t("surveys.emptyHeading")}
            action={{ content: t("surveys.new"), url: "/app/surveys/new" }}
            image={EMPTY_STATE_IMAGE}
          >
            <p>{t("surveys.emptyBody")}</p>
          </EmptyState>
        </Card>
      </Page>
    );

  return (
    <Page
      title={t("surveys.title")}
      primaryAction={{ content: t("surveys.new"), url: "/app/surveys/new" }}
    >
      <TitleBar title={t("surveys.title")} />
      <Layout>
        {/* What the merchant manages first; what customers answered below it. */}
        <Layout.Section>
          <Card padding="0">
            <Box padding="400">
              <Text as="h2" variant="headingMd">
                {t("surveys.list")}
              </Text>
            </Box>
            <IndexTable
              resourceName={{
                singular: t("surveys.resource"),
                plural: t("surveys.resources"),
              }}
              itemCount={surveys.length}
              selectable={false}
              headings={[
                { title: t("surveys.colQuestion") },
                { title: t("surveys.formKind") },
                { title: t("surveys.formWhere") },
                { title: t("surveys.colStatus") },
              ]}
            >
              {surveys.map((s, i) => (
                <IndexTable.Row
                  id={s.id}
                  key={s.id}
                  position={i}
                  onClick={() => navigate(`/app/surveys/${s.id}`)}
                >
                  <IndexTable.Cell>
                    <RowLink to={`/app/surveys/${s.id}`}>
                      <ClampedText text={question(s.question)} />
                    </RowLink>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {t(`surveys.kind.${s.kind}`)}
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {s.placements.map(channel).join(", ")}
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {s.active ? (
                      <Badge tone="success">{t("surveys.active")}</Badge>
                    ) : (
                      <Badge>{t("surveys.inactive")}</Badge>
                    )}
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          </Card>
        </Layout.Section>
        {noResponses ? (
          <Layout.Section>
            <Card>
              <EmptyState
                heading={t("surveys.noResponses.heading")}
                image={EMPTY_STATE_IMAGE}
                action={
                  steps.includes("email")
                    ? {
                        content: t("surveys.noResponses.openFollowups"),
                        url: "/app/followups",
                      }
                    : undefined
                }
              >
                <BlockStack gap="200">
                  <p>{t("surveys.noResponses.body")}</p>
                  <List type="number">
                    {steps.map((step) => (
                      <List.Item key={step}>
                        {t(`surveys.noResponses.${step}`)}
                      </List.Item>
                    ))}
                  </List>
                </BlockStack>
              </EmptyState>
            </Card>
          </Layout.Section>
        ) : (
          <Layout.Section>
            <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
              {(
                [
                  ["surveys.responses", d.nps.responses],
                  ["surveys.promoters", d.nps.promoters],
                  ["surveys.passives", d.nps.passives],
                  ["surveys.detractors", d.nps.detractors],
                ] as const
              ).map(([label, value]) => (
                <Card key={label}>
                  <BlockStack gap="100">
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
            <Box paddingBlockStart="200">
              <Text as="p" tone="subdued">
                {d.nps.nps === null
                  ? t("surveys.npsNone")
                  : t("surveys.nps", { nps: npsText(d.nps.nps) })}{" "}
                · {t("surveys.allAnswers", { count: number.format(d.total) })}
              </Text>
            </Box>
          </Layout.Section>
        )}
        {followUps.length > 0 && (
          <Layout.Section>
            <Card padding="0">
              <Box padding="400">
                <Text as="h2" variant="headingMd">
                  {t("surveys.followUps", { count: followUps.length })}
                </Text>
              </Box>
              <IndexTable
                resourceName={{
                  singular: t("surveys.followUpResource.singular"),
                  plural: t("surveys.followUpResource.plural"),
                }}
                itemCount={followUps.length}
                selectable={false}
                headings={[
                  { title: t("surveys.colDate") },
                  { title: t("surveys.colScore") },
                  { title: t("surveys.comments") },
                  { title: t("surveys.colChannel") },
                ]}
              >
                {followUps.map((f, i) => (
                  <IndexTable.Row
                    id={f.id}
                    key={f.id}
                    position={i}
                    onClick={() => navigate(`/app/surveys/responses/${f.id}`)}
                  >
                    <IndexTable.Cell>
                      <RowLink to={`/app/surveys/responses/${f.id}`}>
                        {date.format(new Date(f.createdAt))}
                      </RowLink>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{f.score ?? "—"}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <ClampedText text={f.comment || "—"} lines={1} />
                    </IndexTable.Cell>
                    <IndexTable.Cell>{channel(f.channel)}</IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            </Card>
          </Layout.Section>
        )}
        {!noResponses && (
          <>
            <Layout.Section>
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {t("surveys.byMonth")}
                  </Text>
                  <div style={{ minHeight: 300 }}>
                    {hydrated && (
                      <MonthBars
                        label={t("surveys.byMonth")}
                        series={(
                          ["promoters", "passives", "detractors"] as const
                        ).map((k) => ({
                          name: t(`surveys.${k}`),
                          data: d.byMonth.map((m) => ({
                            key: month.format(
                              new Date(`${m.key}-15T00:00:00Z`),
                            ),
                            value: m[k],
                          })),
                        }))}
                      />
                    )}
                  </div>
                </BlockStack>
              </Card>
            </Layout.Section>
            <Layout.Section>
              {/* Full width each: six columns in half a page squeezed the names to a letter a line. */}
              <BlockStack gap="400">
                <CountsCard
                  title={t("surveys.byChannel")}
                  headings={[t("surveys.colChannel"), ...countHeadings]}
                  rows={countRows(d.byChannel, channel)}
                />
                <CountsCard
                  title={t("surveys.byLocale")}
                  headings={[t("surveys.colLanguage"), ...countHeadings]}
                  rows={countRows(d.byLocale, (k) => languageName(k, locale))}
                />
              </BlockStack>
            </Layout.Section>
          </>
        )}
        {/* Older answers (before the 12 months above) may still be here; nothing is, say nothing. */}
        {(!noResponses || products.length > 0) && (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("surveys.byProduct")}
                </Text>
                <Text as="p" tone="subdued">
                  {t("surveys.byProductHelp")}
                </Text>
                {products.length === 0 ? (
                  <Text as="p">{t("surveys.byProductEmpty")}</Text>
                ) : (
                  <DataTable
                    columnContentTypes={[
                      "text",
                      "numeric",
                      "numeric",
                      "numeric",
                      "numeric",
                      "numeric",
                      "numeric",
                    ]}
                    headings={[
                      t("surveys.colProduct"),
                      t("surveys.responses"),
                      t("surveys.promoters"),
                      t("surveys.detractors"),
                      t("surveys.loyalty.psychologicalShort"),
                      t("surveys.loyalty.behavioralShort"),
                      t("surveys.loyalty.noneShort"),
                    ]}
                    rows={products.map((p) => {
                      const analysed =
                        p.loyalty.psychological +
                        p.loyalty.behavioral +
                        p.loyalty.none;
                      return [
                        p.title ??
                          t("surveys.productDeleted", { id: p.productId }),
                        number.format(p.responses),
                        number.format(p.promoters),
                        number.format(p.detractors),
                        share(p.loyalty.psychological, analysed),
                        share(p.loyalty.behavioral, analysed),
                        share(p.loyalty.none, analysed),
                      ];
                    })}
                  />
                )}
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
        {(!noResponses || comments.length > 0 || exportQuery !== "") && (
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    {t("surveys.comments")}
                  </Text>
                  <DownloadButton
                    href={`/app/surveys/export${exportQuery ? `?${exportQuery}` : ""}`}
                    filename="tsunagu-comments.csv"
                  >
                    {t("surveys.commentsExport")}
                  </DownloadButton>
                </InlineStack>
                <Form
                  method="get"
                  onChange={(e) => submit(e.currentTarget, { replace: true })}
                >
                  <InlineStack gap="300">
                    <Select
                      label={t("surveys.sentiment")}
                      name="sentiment"
                      value={filter.sentiment}
                      options={[
                        { label: t("surveys.filterAll"), value: "" },
                        ...SENTIMENTS.map((s) => ({
                          label: t(`surveys.sentiment.${s}`),
                          value: s,
                        })),
                      ]}
                      onChange={() => undefined}
                    />
                    <Select
                      label={t("surveys.loyalty")}
                      name="loyalty"
                      value={filter.loyalty}
                      options={[
                        { label: t("surveys.filterAll"), value: "" },
                        ...LOYALTIES.map((s) => ({
                          label: t(`surveys.loyalty.${s}`),
                          value: s,
                        })),
                      ]}
                      onChange={() => undefined}
                    />
                  </InlineStack>
                </Form>
                {comments.length === 0 ? (
                  <Text as="p" tone="subdued">
                    {t("surveys.commentsEmpty")}
                  </Text>
                ) : (
                  <BlockStack gap="300">
                    {comments.map((c) => (
                      <Box
                        key={c.id}
                        borderBlockStartWidth="025"
                        borderColor="border"
                        paddingBlockStart="300"
                      >
                        <BlockStack gap="100">
                          <Text as="p">{c.comment}</Text>
                          <InlineStack gap="200" blockAlign="center">
                            {c.sentiment ? (
                              <Badge
                                tone={
                                  c.sentiment === "positive"
                                    ? "success"
                                    : c.sentiment === "negative"
                                      ? "critical"
                                      : undefined
                                }
                              >
                                {t(
                                  `surveys.sentiment.${c.sentiment}` as MessageKey,
                                )}
                              </Badge>
                            ) : (
                              <Badge>{t("surveys.analysing")}</Badge>
                            )}
                            {c.loyalty && (
                              <Badge tone="info">
                                {t(
                                  `surveys.loyalty.${c.loyalty}` as MessageKey,
                                )}
                              </Badge>
                            )}
                            <Text as="span" tone="subdued" variant="bodySm">
                              {[
                                c.score !== null
                                  ? `${t("surveys.colScore")} ${c.score}`
                                  : null,
                                channel(c.channel),
                                c.locale && languageName(c.locale, locale),
                                date.format(new Date(c.createdAt)),
                              ]
                                .filter(Boolean)
                                .join(" · ")}
                            </Text>
                          </InlineStack>
                          {c.cues &&
                            c.cues.cues.length + c.cues.names.length > 0 && (
                              <Text as="p" tone="subdued" variant="bodySm">
                                {t("surveys.why", {
                                  cues: [...c.cues.names, ...c.cues.cues]
                                    .slice(0, 6)
                                    .join(", "),
                                })}
                              </Text>
                            )}
                        </BlockStack>
                      </Box>
                    ))}
                  </BlockStack>
                )}
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}

/** A card of response counts, one row per channel or language. */
function CountsCard({
  title,
  headings,
  rows,
}: {
  title: string;
  headings: string[];
  rows: (string | number)[][];
}) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        <DataTable
          columnContentTypes={[
            "text",
            ...headings.slice(1).map(() => "numeric" as const),
          ]}
          headings={headings}
          rows={rows}
        />
      </BlockStack>
    </Card>
  );
}
