import { reachSummary } from "../tutorials/reach-summary";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  EmptyState,
  IndexTable,
  Layout,
  Page,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { RowLink } from "../components/RowLink";
import { useEffect, useState } from "react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import {
  assignTutorials,
  CollectionsNotFound,
  listTutorials,
  PublishError,
  TutorialsTooFull,
  TutorialsWouldBeEmpty,
} from "../tutorials/tutorials.server";
import {
  CollectionLookupError,
  CollectionTooLarge,
} from "../tutorials/collections.server";
import { parseBulkForm } from "../tutorials/assign";
import { pickLocale } from "../tutorials/definition";
import { pickProducts } from "../components/product-picker";
import { pickCollections } from "../components/collection-picker";
import { useLocale, useT, useShopFormats } from "../i18n/useT";
import { languageList } from "../i18n/i18n";
import { EMPTY_STATE_IMAGE } from "../components/empty-state-image";

/** The shop's tutorials: which products show which video or article. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const tutorials = await listTutorials(prisma, session.shop);
  // The list shows collections by name and size; their product lists stay on the server.
  return json({
    tutorials: tutorials.map((x) => ({
      ...x,
      collections: x.collections.map(({ id, title, products }) => ({
        id,
        title,
        products: products.length,
      })),
    })),
  });
};

type BulkError =
  | "invalid"
  | "notFound"
  | "collectionsNotFound"
  | "tooLarge"
  | "wouldEmpty"
  | "tooFull"
  | "publishFailed";
const fail = (
  error: BulkError,
  status: number,
  extra: { ids?: string[]; reason?: string } = {},
) =>
  json(
    {
      ok: false as const,
      error,
      ids: extra.ids ?? [],
      reason: extra.reason ?? "",
    },
    { status },
  );

/** Bulk actions on the selected tutorials: add products or collections, or remove some. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const parsed = parseBulkForm(
    Object.fromEntries(
      [...(await request.formData())].map(([k, v]) => [k, String(v)]),
    ),
  );
  if (!parsed.ok) return fail("invalid", 422, { reason: parsed.reason });
  try {
    const result = await assignTutorials(
      prisma,
      admin.graphql,
      session.shop,
      parsed.ids,
      parsed.change,
    );
    if (!result) return fail("notFound", 404);
    return json({ ok: true as const, ...result });
  } catch (error) {
    if (error instanceof CollectionsNotFound)
      return fail("collectionsNotFound", 422, { ids: error.ids });
    if (error instanceof CollectionTooLarge)
      return fail("tooLarge", 422, { ids: [error.collectionId] });
    if (error instanceof TutorialsWouldBeEmpty)
      return fail("wouldEmpty", 422, { ids: error.ids });
    if (error instanceof TutorialsTooFull)
      return fail("tooFull", 422, { ids: error.ids });
    if (error instanceof PublishError || error instanceof CollectionLookupError)
      return fail("publishFailed", 502, { reason: error.message });
    throw error;
  }
};

export default function TutorialsPage() {
  const { tutorials } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const shopify = useAppBridge();
  const fetcher = useFetcher<typeof action>();
  const {
    selectedResources,
    allResourcesSelected,
    handleSelectionChange,
    clearSelection,
  } = useIndexResourceState(tutorials);
  const [notice, setNotice] = useState<{
    tone: "critical" | "info";
    text: string;
  } | null>(null);
  const date = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeZone: useShopFormats().timeZone,
  });
  const titleOf = (id: string) =>
    pickLocale(tutorials.find((x) => x.id === id)?.locales ?? {}, locale)
      ?.title ?? id;
  const busy = fetcher.state !== "idle";

  useEffect(() => {
    const r = fetcher.data;
    if (!r || fetcher.state !== "idle") return;
    if (r.ok) {
      shopify.toast.show(
        r.tutorials
          ? t("tutorials.bulk.done", {
              tutorials: r.tutorials,
              products: r.products,
            })
          : t("tutorials.bulk.unchanged"),
      );
      clearSelection();
      setNotice(
        r.stillReached
          ? {
              tone: "info",
              text: t("tutorials.bulk.stillReached", { count: r.stillReached }),
            }
          : null,
      );
      return;
    }
    const titles = r.ids.map(titleOf).join(locale === "ja" ? "、" : ", ");
    const text = {
      invalid: t("tutorials.bulk.invalid", { reason: r.reason }),
      notFound: t("tutorials.bulk.notFound"),
      collectionsNotFound: t("tutorials.bulk.collectionsNotFound"),
      tooLarge: t("tutorials.bulk.tooLarge"),
      wouldEmpty: t("tutorials.bulk.wouldEmpty", { titles }),
      tooFull: t("tutorials.bulk.tooFull", { titles }),
      publishFailed: t("tutorials.publishFailed", { reason: r.reason }),
    }[r.error];
    setNotice({ tone: "critical", text });
    // Only a new answer is announced; titleOf and clearSelection change with every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.data, fetcher.state]);

  const submit = (fields: {
    intent: string;
    products?: unknown[];
    collections?: unknown[];
  }) => {
    setNotice(null);
    fetcher.submit(
      {
        intent: fields.intent,
        ids: JSON.stringify(selectedResources),
        products: JSON.stringify(fields.products ?? []),
        collections: JSON.stringify(fields.collections ?? []),
      },
      { method: "post" },
    );
  };
  // The pickers open with nothing ticked: what is picked is added to (or removed from) every selected tutorial.
  const addProducts = async () => {
    const picked = await pickProducts(shopify, [], "add");
    if (picked?.length) submit({ intent: "add-products", products: picked });
  };
  const addCollections = async () => {
    const picked = await pickCollections(shopify, []);
    if (picked?.length)
      submit({ intent: "add-collections", collections: picked });
  };
  const removeProducts = async () => {
    const picked = await pickProducts(shopify, []);
    if (picked?.length) submit({ intent: "remove", products: picked });
  };
  const removeCollections = async () => {
    const picked = await pickCollections(shopify, []);
    if (picked?.length) submit({ intent: "remove", collections: picked });
  };

  return (
    <Page
      title={t("tutorials.title")}
      subtitle={t("tutorials.subtitle")}
      primaryAction={{ content: t("tutorials.add"), url: "/app/tutorials/new" }}
    >
      <TitleBar title={t("tutorials.title")} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {notice && (
              <Banner tone={notice.tone} onDismiss={() => setNotice(null)}>
                {notice.text}
              </Banner>
            )}
            <Card padding="0">
              {tutorials.length === 0 ? (
                <EmptyState
                  heading={t("tutorials.empty.heading")}
                  action={{
                    content: t("tutorials.add"),
                    url: "/app/tutorials/new",
                  }}
                  image={EMPTY_STATE_IMAGE}
                >
                  <p>{t("tutorials.empty.body")}</p>
                </EmptyState>
              ) : (
                <IndexTable
                  resourceName={{
                    singular: t("tutorials.resource.singular"),
                    plural: t("tutorials.resource.plural"),
                  }}
                  itemCount={tutorials.length}
                  selectedItemsCount={
                    allResourcesSelected ? "All" : selectedResources.length
                  }
                  onSelectionChange={handleSelectionChange}
                  loading={busy}
                  promotedBulkActions={[
                    {
                      content: t("tutorials.bulk.addProducts"),
                      onAction: addProducts,
                      disabled: busy,
                    },
                    {
                      content: t("tutorials.bulk.addCollections"),
                      onAction: addCollections,
                      disabled: busy,
                    },
                    {
                      title: t("tutorials.bulk.remove"),
                      actions: [
                        {
                          content: t("tutorials.bulk.removeProducts"),
                          onAction: removeProducts,
                          disabled: busy,
                        },
                        {
                          content: t("tutorials.bulk.removeCollections"),
                          onAction: removeCollections,
                          disabled: busy,
                        },
                      ],
                    },
                  ]}
                  headings={[
                    { title: t("tutorials.column.title") },
                    { title: t("tutorials.column.kind") },
                    { title: t("tutorials.column.languages") },
                    { title: t("tutorials.column.products") },
                    { title: t("tutorials.column.updated") },
                  ]}
                >
                  {tutorials.map((x, i) => (
                    <IndexTable.Row
                      id={x.id}
                      key={x.id}
                      position={i}
                      selected={selectedResources.includes(x.id)}
                      onClick={() => navigate(`/app/tutorials/${x.id}`)}
                    >
                      <IndexTable.Cell>
                        <RowLink to={`/app/tutorials/${x.id}`}>
                          <Text as="span" fontWeight="semibold">
                            {pickLocale(x.locales, locale)?.title ?? "—"}
                          </Text>
                        </RowLink>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Badge tone={x.kind === "video" ? "info" : undefined}>
                          {t(
                            x.kind === "video"
                              ? "tutorials.kind.video"
                              : "tutorials.kind.article",
                          )}
                        </Badge>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        {languageList(Object.keys(x.locales), locale)}
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        {reachSummary(
                          t,
                          x.products.map((p) => p.title),
                          x.collections,
                        )}
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        {date.format(new Date(x.updatedAt))}
                      </IndexTable.Cell>
                    </IndexTable.Row>
                  ))}
                </IndexTable>
              )}
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
