import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  useFetcher,
  useLoaderData,
  useNavigate,
  useRevalidator,
} from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { RowLink } from "../components/RowLink";
import { ClampedText } from "../components/ClampedText";
import { EMPTY_STATE_IMAGE } from "../components/empty-state-image";
import { useEffect } from "react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import {
  addStarterEntries,
  getFaqSettings,
  listEntries,
} from "../faq/entries.server";
import { publishPending, requestPublish } from "../faq/publish.server";
import { describePublishError } from "../faq/publish-errors";
import { SearchPreview } from "../faq/SearchPreview";
import { STARTER_ENTRIES, isStarterAnswer } from "../faq/starter";
import { useLocale, useT, useShopFormats } from "../i18n/useT";
import { languageList } from "../i18n/i18n";
import { DownloadButton } from "../components/DownloadButton";
import { displayOrder } from "../faq/display-order";
import { skipRevalidateOnSavedDrop } from "../components/saved-notice";
import { useSavedToast } from "../components/useSavedToast";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [entries, settings, pending] = await Promise.all([
    listEntries(prisma, session.shop),
    getFaqSettings(prisma, session.shop),
    publishPending(prisma, session.shop),
  ]);
  return json({
    entries: entries.map(({ translations, ...e }) => ({
      ...e,
      translations: translations.map(
        ({ locale, question, category, answer }) => ({
          locale,
          question,
          category,
          // Still a starter's text: its 【】 / [ ] are to be filled in before shoppers read it.
          unfilled: isStarterAnswer(answer),
        }),
      ),
    })),
    settings,
    pending,
    starterCount: STARTER_ENTRIES.length,
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "starter") {
    // Drafts only: nothing reaches the storefront until the merchant fills in and publishes.
    const added = await addStarterEntries(prisma, session.shop);
    return json({ ok: true, added });
  }
  if (intent !== "publish") return json({ ok: false }, { status: 422 });
  await requestPublish(prisma, session.shop, 0);
  return json({ ok: true });
};

export const shouldRevalidate = skipRevalidateOnSavedDrop;

export default function FaqList() {
  const { entries, settings, pending, starterCount } =
    useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const publish = useFetcher<typeof action>();
  const starter = useFetcher<typeof action>();
  const revalidator = useRevalidator();
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: useShopFormats().timeZone,
  });
  const busy = pending || publish.state !== "idle";
  useSavedToast(t("faq.formSaved"));

  // While a publish is queued, look again every two seconds so the status settles by itself.
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(
      () => revalidator.state === "idle" && revalidator.revalidate(),
      2000,
    );
    return () => clearInterval(timer);
  }, [pending, revalidator]);

  const info = settings.publishedInfo
    ? (JSON.parse(settings.publishedInfo) as {
        entries: number;
        locales: string[];
      })
    : null;
  // Question and category in the admin's language when the entry has it, else its first.
  const primary = (e: (typeof entries)[number]) =>
    e.translations.find((x) => x.locale === locale) ?? e.translations[0];
  const primaryQuestion = (e: (typeof entries)[number]) =>
    primary(e)?.question ?? e.handle;
  const categoryOf = (e: (typeof entries)[number]) =>
    primary(e)?.category ?? "";
  // In the order shoppers see them (drafts where they would appear): categories as the
  // storefront orders them, uncategorised last, then the merchant's 表示順.
  const sorted = displayOrder(
    entries.map((e) => ({ ...e, category: categoryOf(e) })),
  );
  const rate = (e: (typeof entries)[number]) =>
    e.helpful + e.notHelpful
      ? t("faq.helpfulRate", {
          rate: Math.round((e.helpful / (e.helpful + e.notHelpful)) * 100),
          votes: e.helpful + e.notHelpful,
        })
      : t("faq.noVotes");

  return (
    <Page
      title={t("faq.title")}
      primaryAction={{ content: t("faq.new"), url: "/app/faq/new" }}
      secondaryActions={[
        {
          content: t("faq.publish"),
          loading: busy,
          disabled: busy,
          onAction: () =>
            publish.submit({ intent: "publish" }, { method: "post" }),
        },
        { content: t("faq.import"), url: "/app/faq/import" },
        { content: t("faq.gaps"), url: "/app/faq/gaps" },
        { content: t("faq.synonyms"), url: "/app/faq/settings" },
      ]}
    >
      <TitleBar title={t("faq.title")} />
      <Layout>
        <Layout.Section>
          {settings.publishError ? (
            <Banner tone="critical">
              {describePublishError(t, settings.publishError)}
            </Banner>
          ) : busy ? (
            <Banner tone="info">{t("faq.publishQueued")}</Banner>
          ) : settings.publishedAt && info ? (
            <Banner tone="success">
              {t("faq.publishedAt", {
                time: dateTime.format(new Date(settings.publishedAt)),
                // A publish with nothing shown yet (only drafts) has no languages to list.
                info:
                  info.entries && info.locales.length
                    ? t("faq.publishedInfo", {
                        entries: info.entries,
                        locales: languageList(info.locales, locale),
                      })
                    : t("faq.publishedEmpty"),
              })}
            </Banner>
          ) : (
            <Banner tone="warning">{t("faq.neverPublished")}</Banner>
          )}
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            {entries.length === 0 ? (
              <EmptyState
                heading={t("faq.emptyHeading")}
                action={{ content: t("faq.new"), url: "/app/faq/new" }}
                secondaryAction={{
                  content: t("faq.import"),
                  url: "/app/faq/import",
                }}
                image={EMPTY_STATE_IMAGE}
              >
                <BlockStack gap="300" inlineAlign="center">
                  <p>{t("faq.emptyBody")}</p>
                  <starter.Form method="post">
                    <input type="hidden" name="intent" value="starter" />
                    <Button
                      submit
                      variant="plain"
                      loading={starter.state !== "idle"}
                    >
                      {t("faq.starter")}
                    </Button>
                  </starter.Form>
                  <Text as="p" tone="subdued" variant="bodySm">
                    {t("faq.starterHelp", { count: starterCount })}
                  </Text>
                </BlockStack>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{
                  singular: t("faq.resource.singular"),
                  plural: t("faq.resource.plural"),
                }}
                itemCount={entries.length}
                selectable={false}
                headings={[
                  { title: t("faq.colQuestion") },
                  { title: t("faq.colCategory") },
                  { title: t("faq.colLanguages") },
                  { title: t("faq.colStatus") },
                  { title: t("faq.colViews"), alignment: "end" },
                  { title: t("faq.colHelpful"), alignment: "end" },
                ]}
              >
                {sorted.map((e, i) => (
                  <IndexTable.Row
                    id={e.id}
                    key={e.id}
                    position={i}
                    onClick={() => navigate(`/app/faq/${e.id}`)}
                  >
                    <IndexTable.Cell>
                      <RowLink to={`/app/faq/${e.id}`}>
                        <Text as="span" fontWeight="semibold">
                          <ClampedText text={primaryQuestion(e)} />
                        </Text>
                      </RowLink>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {categoryOf(e) || t("faq.uncategorised")}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <InlineStack gap="100">
                        {e.translations.map((x) => (
                          <Badge key={x.locale}>{x.locale}</Badge>
                        ))}
                      </InlineStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <InlineStack gap="100">
                        {e.published ? (
                          <Badge tone="success">
                            {t("faq.statusPublished")}
                          </Badge>
                        ) : (
                          <Badge>{t("faq.statusDraft")}</Badge>
                        )}
                        {e.translations.some((x) => x.unfilled) && (
                          <Badge tone={e.published ? "critical" : "attention"}>
                            {t("faq.statusUnfilled")}
                          </Badge>
                        )}
                      </InlineStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" alignment="end" numeric>
                        {e.views}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" alignment="end" numeric>
                        {rate(e)}
                      </Text>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <SearchPreview />
            <Card>
              <BlockStack gap="200">
                <Text as="p" tone="subdued">
                  {t("faq.autoPublish")}
                </Text>
                <DownloadButton
                  href="/app/faq/export"
                  filename="tsunagu-faq.csv"
                >
                  {t("faq.export")}
                </DownloadButton>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
