import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  EmptyState,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { useEffect, useId, useRef, useState } from "react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { attachGap, dismissGap, gapReport } from "../faq/events.server";
import { entryChoicesByLocale } from "../faq/entries.server";
import { draftEntryHref, parseGapAction } from "../faq/gap-actions";
import { requestPublish } from "../faq/publish.server";
import { useLocale, useT, useShopFormats } from "../i18n/useT";
import type { MessageKey } from "../i18n/i18n";
import { EMPTY_STATE_IMAGE } from "../components/empty-state-image";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [gaps, entries] = await Promise.all([
    gapReport(prisma, session.shop),
    entryChoicesByLocale(prisma, session.shop),
  ]);
  return json({ gaps, entries });
};

type ActionData =
  | { ok: true; done: "attached"; question: string }
  | { ok: true; done: "dismissed" }
  | { ok: false; error: MessageKey };

const ATTACH_ERRORS: Record<
  Exclude<Awaited<ReturnType<typeof attachGap>>, { ok: true }>["reason"],
  MessageKey
> = {
  entry: "faq.gapsGone",
  gap: "faq.gapsBadRequest",
  full: "faq.gapsFull",
  private: "faq.gapsPrivate",
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = parseGapAction(await request.formData());
  if (!parsed.ok)
    return json<ActionData>(
      { ok: false, error: "faq.gapsBadRequest" },
      { status: 400 },
    );
  const { gap } = parsed;
  if (gap.intent === "dismiss") {
    if (!(await dismissGap(prisma, session.shop, gap)))
      return json<ActionData>(
        { ok: false, error: "faq.gapsBadRequest" },
        { status: 404 },
      );
    return json<ActionData>({ ok: true, done: "dismissed" });
  }
  const result = await attachGap(prisma, session.shop, gap);
  if (!result.ok)
    return json<ActionData>(
      { ok: false, error: ATTACH_ERRORS[result.reason] },
      {
        status:
          result.reason === "entry" || result.reason === "gap" ? 404 : 409,
      },
    );
  await requestPublish(prisma, session.shop);
  return json<ActionData>({
    ok: true,
    done: "attached",
    question: result.question,
  });
};

export default function FaqGaps() {
  const { gaps, entries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const [shown, setShown] = useState<ActionData | undefined>();
  const t = useT();
  const date = new Intl.DateTimeFormat(useLocale(), {
    dateStyle: "medium",
    timeZone: useShopFormats().timeZone,
  });
  // A new result replaces the banner; dismissing it hides that result only.
  const banner = result && result !== shown ? result : undefined;
  return (
    <Page
      title={t("faq.gapsTitle")}
      backAction={{ content: t("faq.title"), url: "/app/faq" }}
    >
      <TitleBar title={t("faq.gapsTitle")} />
      <Layout>
        {banner && (
          <Layout.Section>
            <Banner
              tone={banner.ok ? "success" : "critical"}
              onDismiss={() => setShown(banner)}
            >
              {banner.ok
                ? banner.done === "attached"
                  ? t("faq.gapsAttached", { question: banner.question })
                  : t("faq.gapsDismissed")
                : t(banner.error)}
            </Banner>
          </Layout.Section>
        )}
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
                    "numeric",
                    "text",
                    "text",
                  ]}
                  headings={[
                    t("faq.gapsAsked"),
                    t("faq.previewLocale"),
                    t("faq.gapsShoppers"),
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
                    g.shoppers,
                    g.count,
                    g.empty,
                    date.format(new Date(g.lastAt)),
                    // Keyed by the group: when a row above is dealt with, the next row's
                    // choice must not inherit that row's.
                    <GapActions
                      key={`${g.locale}\u0000${g.key}`}
                      gapKey={g.key}
                      locale={g.locale}
                      examples={g.examples}
                      entries={entries[g.locale] ?? []}
                      suggested={g.suggested?.entryId}
                    />,
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

/** Per group: add it to the entry that answers it, draft a new entry from it, or dismiss it. */
function GapActions(props: {
  gapKey: string;
  locale: string;
  examples: string[];
  entries: { id: string; question: string }[];
  suggested?: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const suggested = props.entries.some((e) => e.id === props.suggested)
    ? props.suggested
    : undefined;
  const [entryId, setEntryId] = useState(suggested ?? "");
  const busy =
    navigation.state === "submitting" &&
    navigation.formData?.get("key") === props.gapKey &&
    navigation.formData?.get("locale") === props.locale;
  // The entry list is rendered only for a row being added (a shop with hundreds of entries and
  // a hundred rows would otherwise send tens of thousands of options), or when one is suggested.
  const [choosing, setChoosing] = useState(Boolean(suggested));
  const selectId = useId();
  // The opener is replaced by the list: focus moves to the list, not to the top of the page.
  const focusOnOpen = useRef(false);
  useEffect(() => {
    if (choosing && focusOnOpen.current) {
      focusOnOpen.current = false;
      document.getElementById(selectId)?.focus();
    }
  }, [choosing, selectId]);
  const draft = draftEntryHref({
    question: props.examples[0] ?? "",
    language: props.locale,
    gap: props.gapKey,
  });
  // One row of actions: add to an entry, draft one, or dismiss (the least of them, so tertiary).
  const actions = (
    <InlineStack gap="200" blockAlign="center" wrap={false}>
      {!choosing && (
        <Button
          onClick={() => {
            setChoosing(true);
            focusOnOpen.current = true;
          }}
          disabled={!props.entries.length}
        >
          {t("faq.gapsAttachOpen")}
        </Button>
      )}
      <Button url={draft}>{t("faq.gapsDraft")}</Button>
      <Form method="post">
        <input type="hidden" name="key" value={props.gapKey} />
        <input type="hidden" name="locale" value={props.locale} />
        <input type="hidden" name="intent" value="dismiss" />
        <Button submit variant="tertiary">
          {t("faq.gapsDismiss")}
        </Button>
      </Form>
    </InlineStack>
  );
  if (!choosing) return actions;
  return (
    <BlockStack gap="200">
      <Form method="post">
        <input type="hidden" name="key" value={props.gapKey} />
        <input type="hidden" name="locale" value={props.locale} />
        <input type="hidden" name="intent" value="attach" />
        <InlineStack gap="200" blockAlign="end" wrap={false}>
          <div style={{ minWidth: 200, maxWidth: 280 }}>
            <Select
              id={selectId}
              label={t("faq.gapsAnsweredBy")}
              name="entryId"
              value={entryId}
              onChange={setEntryId}
              disabled={!props.entries.length}
              helpText={
                suggested && entryId === suggested
                  ? t("faq.gapsSuggested")
                  : undefined
              }
              options={[
                {
                  label: props.entries.length
                    ? t("faq.gapsChoose")
                    : t("faq.gapsNoEntries"),
                  value: "",
                },
                ...props.entries.map((e) => ({
                  label: e.question,
                  value: e.id,
                })),
              ]}
            />
          </div>
          <Button submit disabled={!entryId} loading={busy}>
            {t("faq.gapsAttach")}
          </Button>
        </InlineStack>
      </Form>
      {actions}
    </BlockStack>
  );
}
