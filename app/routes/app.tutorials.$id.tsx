import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
  useSubmit,
} from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useState } from "react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import {
  parseTutorialForm,
  TUTORIAL_LOCALES,
  URL_MAX_LENGTH,
  type TutorialInput,
} from "../tutorials/definition";
import {
  CollectionsNotFound,
  deleteTutorial,
  getTutorial,
  PublishError,
  saveTutorial,
} from "../tutorials/tutorials.server";
import {
  CollectionLookupError,
  CollectionTooLarge,
} from "../tutorials/collections.server";
import { useT } from "../i18n/useT";
import { pickProducts } from "../components/product-picker";
import { PickedList } from "../components/PickedList";
import { pickCollections } from "../components/collection-picker";
import type { MessageKey } from "../i18n/i18n";

/** One tutorial: type, title and URL per language, and the products and collections it is shown for. */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  if (params.id === "new") return json({ tutorial: null });
  const tutorial = await getTutorial(prisma, session.shop, params.id ?? "");
  if (!tutorial) throw new Response("Not found", { status: 404 });
  // The page needs each collection's size, not its product list.
  return json({
    tutorial: {
      ...tutorial,
      collections: tutorial.collections.map((c) => ({
        id: c.id,
        title: c.title,
        count: c.products.length,
      })),
    },
  });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const form = Object.fromEntries(
    [...(await request.formData())].map(([k, v]) => [k, String(v)]),
  );
  const id = params.id === "new" ? null : (params.id ?? null);
  try {
    if (form.intent === "delete") {
      if (
        !id ||
        !(await deleteTutorial(prisma, admin.graphql, session.shop, id))
      )
        return json(
          { errors: { form: "notFound" }, reason: "" },
          { status: 404 },
        );
      return redirect("/app/tutorials");
    }
    const parsed = parseTutorialForm(form);
    if (!parsed.ok)
      return json({ errors: parsed.errors, reason: "" }, { status: 422 });
    const saved = await saveTutorial(
      prisma,
      admin.graphql,
      session.shop,
      id,
      parsed.value,
    );
    if (!saved)
      return json(
        { errors: { form: "notFound" }, reason: "" },
        { status: 404 },
      );
    return redirect(`/app/tutorials/${saved}?saved=1`);
  } catch (error) {
    if (error instanceof CollectionsNotFound)
      return json(
        { errors: { collections: "notFound" }, reason: "" },
        { status: 422 },
      );
    if (error instanceof CollectionTooLarge)
      return json(
        { errors: { collections: "tooLarge" }, reason: "" },
        { status: 422 },
      );
    if (error instanceof PublishError || error instanceof CollectionLookupError)
      return json(
        { errors: { form: "publishFailed" }, reason: error.message },
        { status: 502 },
      );
    throw error;
  }
};

/**
 * Keyed by what was saved: after a save (a redirect here) the form starts again from the stored
 * tutorial, e.g. with the sizes of the collections just resolved; after a refused save it keeps
 * what the merchant typed.
 */
export default function TutorialPage() {
  const { tutorial } = useLoaderData<typeof loader>();
  return (
    <TutorialEditor
      key={`${tutorial?.id ?? "new"}:${tutorial?.updatedAt ?? ""}`}
    />
  );
}

function TutorialEditor() {
  const { tutorial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const nav = useNavigation();
  const submit = useSubmit();
  const shopify = useAppBridge();
  const t = useT();
  const errors: Record<string, string> = result?.errors ?? {};
  const [kind, setKind] = useState<TutorialInput["kind"]>(
    tutorial?.kind ?? "video",
  );
  const [fields, setFields] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      TUTORIAL_LOCALES.flatMap((l) => [
        [`${l}.title`, tutorial?.locales[l]?.title ?? ""],
        [`${l}.url`, tutorial?.locales[l]?.url ?? ""],
      ]),
    ),
  );
  const [products, setProducts] = useState<{ id: string; title: string }[]>(
    tutorial?.products ?? [],
  );
  const [collections, setCollections] = useState<
    { id: string; title: string; count?: number }[]
  >(tutorial?.collections ?? []);
  // Same answer on the server and in the browser (no hydration mismatch).
  const [params] = useSearchParams();
  const saved = params.has("saved") && nav.state === "idle" && !result;
  const errorText = (key: string) => {
    const code = errors[key];
    if (!code) return undefined;
    if (key === "products" && code === "required")
      return t("tutorials.error.productsRequired");
    return t(`tutorials.error.${code}` as MessageKey);
  };
  const choose = async () => {
    const picked = await pickProducts(shopify, products);
    if (picked)
      setProducts(picked.map((p) => ({ ...p, title: p.title || p.id })));
  };
  const chooseCollections = async () => {
    const picked = await pickCollections(shopify, collections);
    // Sizes of collections already saved stay; new ones are counted when saved.
    if (picked)
      setCollections(
        picked.map((c) => ({
          ...c,
          title: c.title || c.id,
          count: collections.find((x) => x.id === c.id)?.count,
        })),
      );
  };
  const title = tutorial ? t("tutorials.edit") : t("tutorials.new");
  return (
    <Page
      title={title}
      backAction={{ content: t("tutorials.title"), url: "/app/tutorials" }}
      secondaryActions={
        tutorial
          ? [
              {
                content: t("tutorials.delete"),
                destructive: true,
                onAction: () =>
                  confirm(t("tutorials.deleteConfirm")) &&
                  submit({ intent: "delete" }, { method: "post" }),
              },
            ]
          : []
      }
    >
      <TitleBar title={title} />
      {/* The server checks every field and answers with Polaris field errors in the admin's
          language; the browser's own bubbles would speak English over them. */}
      <Form method="post" noValidate>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="products" value={JSON.stringify(products)} />
        <input
          type="hidden"
          name="collections"
          value={JSON.stringify(
            collections.map(({ id, title }) => ({ id, title })),
          )}
        />
        <Layout>
          {saved && (
            <Layout.Section>
              <Banner tone="success">{t("tutorials.saved")}</Banner>
            </Layout.Section>
          )}
          {errors.form && (
            <Layout.Section>
              <Banner tone="critical">
                {errors.form === "publishFailed"
                  ? t("tutorials.publishFailed", {
                      reason: result?.reason ?? "",
                    })
                  : t("tutorials.notFound")}
              </Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <BlockStack gap="400">
              <Card>
                <FormLayout>
                  <Select
                    label={t("tutorials.kind")}
                    options={[
                      { label: t("tutorials.kind.video"), value: "video" },
                      { label: t("tutorials.kind.article"), value: "article" },
                    ]}
                    value={kind}
                    onChange={(v) => setKind(v as TutorialInput["kind"])}
                    error={errorText("kind")}
                  />
                  <Text as="p" tone="subdued">
                    {t("tutorials.languageHelp")}
                  </Text>
                </FormLayout>
              </Card>
              {TUTORIAL_LOCALES.map((l) => (
                <Card key={l}>
                  <FormLayout>
                    <Text as="h2" variant="headingMd">
                      {t(`tutorials.language.${l}` as MessageKey)}
                    </Text>
                    {(["title", "url"] as const).map((f) => (
                      <TextField
                        key={f}
                        label={t(`tutorials.field.${f}` as MessageKey)}
                        name={`${l}.${f}`}
                        type={f === "url" ? "url" : "text"}
                        value={fields[`${l}.${f}`]}
                        onChange={(v) =>
                          setFields((all) => ({ ...all, [`${l}.${f}`]: v }))
                        }
                        autoComplete="off"
                        maxLength={f === "title" ? 120 : URL_MAX_LENGTH}
                        error={errorText(`${l}.${f}`)}
                      />
                    ))}
                  </FormLayout>
                </Card>
              ))}
              <Card>
                <PickedList
                  title={t("tutorials.products")}
                  chooseLabel={t("tutorials.chooseProducts")}
                  removeLabel={t("tutorials.remove")}
                  help={t("tutorials.productsHelp")}
                  error={errorText("products")}
                  items={products}
                  onChoose={choose}
                  onRemove={(id) =>
                    setProducts((all) => all.filter((x) => x.id !== id))
                  }
                />
              </Card>
              <Card>
                <PickedList
                  title={t("tutorials.collections")}
                  chooseLabel={t("tutorials.chooseCollections")}
                  removeLabel={t("tutorials.remove")}
                  help={t("tutorials.collectionsHelp")}
                  error={errorText("collections")}
                  items={collections.map((c) => ({
                    id: c.id,
                    title: c.title,
                    detail:
                      c.count !== undefined
                        ? t("tutorials.productCount", { count: c.count })
                        : undefined,
                  }))}
                  onChoose={chooseCollections}
                  onRemove={(id) =>
                    setCollections((all) => all.filter((x) => x.id !== id))
                  }
                />
              </Card>
              <InlineStack align="end">
                <Button
                  submit
                  variant="primary"
                  loading={nav.state === "submitting"}
                >
                  {t("tutorials.save")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
