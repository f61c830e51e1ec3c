import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSubmit,
} from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { FormCheckbox } from "../components/FormCheckbox";
import { TitleBar } from "@shopify/app-bridge-react";
import { useState } from "react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { deleteEntry, getEntry, saveEntry } from "../faq/entries.server";
import { AnswerEditor } from "../faq/AnswerEditor";
import { handleFrom, validateEntry } from "../faq/entry";
import { languageTag } from "../faq/language-tag";
import { LIMITS } from "../faq/limits";
import { draftLanguage } from "../faq/gap-actions";
import { resolveGap, wasAsked } from "../faq/events.server";
import { rawEntryFromForm } from "../faq/form-data";
import { isStarterAnswer } from "../faq/starter";
import { requestPublish } from "../faq/publish.server";
import { useLocale, useT } from "../i18n/useT";
import { languageName, type MessageKey } from "../i18n/i18n";
import { savedUrl } from "../components/saved-notice";

const BASE_LOCALES = ["ja", "en"];

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  if (params.id === "new") {
    // The gap report drafts an entry from what shoppers asked, and names the group so saving
    // the draft marks it dealt with.
    const draft = url.searchParams.get("question")?.slice(0, 300) ?? "";
    const draftLocale = draftLanguage(url);
    return json({
      entry: null,
      draft: {
        question: draft,
        locale: draftLocale,
        gap: url.searchParams.get("gap")?.slice(0, 300) ?? "",
      },
    });
  }
  const entry = await getEntry(prisma, session.shop, params.id!);
  if (!entry) throw new Response("Not found", { status: 404 });
  return json({ entry, draft: null });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, redirect } = await authenticate.admin(request);
  const form = await request.formData();
  const id = params.id === "new" ? null : params.id!;
  const version = form.get("version");
  if (form.get("intent") === "delete" && id) {
    const deleted = await deleteEntry(
      prisma,
      session.shop,
      id,
      typeof version === "string" ? version : undefined,
    );
    if (deleted === "notFound")
      throw new Response("Not found", { status: 404 });
    if (deleted === "stale")
      return json(
        {
          errors: { stale: "faq.error.staleDelete" } as Record<string, string>,
        },
        { status: 409 },
      );
    await requestPublish(prisma, session.shop);
    return redirect("/app/faq");
  }
  const raw = rawEntryFromForm(form);
  const firstQuestion =
    raw.translations.find((t) => t.question)?.question ?? "";
  const parsed = validateEntry(raw, () =>
    handleFrom(
      raw.translations.find((t) => t.locale === "en")?.question ||
        firstQuestion,
    ),
  );
  if (!parsed.ok)
    return json(
      { errors: parsed.errors as Record<string, string> },
      { status: 422 },
    );
  // A draft from the gap report: only a group this shop's shoppers asked, in a language the
  // entry has, is marked dealt with.
  const gap = { key: form.get("gap"), locale: form.get("gapLocale") };
  const drafted =
    !id &&
    typeof gap.key === "string" &&
    typeof gap.locale === "string" &&
    gap.key.length <= 300 &&
    parsed.value.translations.some((t) => t.locale === gap.locale) &&
    (await wasAsked(prisma, session.shop, {
      key: gap.key,
      locale: gap.locale,
    }))
      ? { key: gap.key, locale: gap.locale as string }
      : null;
  const saved = await saveEntry(prisma, session.shop, id, parsed.value, {
    version: typeof version === "string" && version ? version : undefined,
  });
  if (!saved.ok) {
    if ("notFound" in saved) throw new Response("Not found", { status: 404 });
    return json(
      { errors: saved.errors as Record<string, string> },
      { status: "stale" in saved.errors ? 409 : 422 },
    );
  }
  if (drafted)
    await resolveGap(prisma, session.shop, {
      ...drafted,
      action: "drafted",
      entryId: saved.id,
    });
  await requestPublish(prisma, session.shop);
  return redirect(savedUrl("/app/faq"));
};

interface Section {
  locale: string;
  question: string;
  answer: string;
  category: string;
  phrasings: string;
}

export default function FaqEntryForm() {
  const { entry, draft } = useLoaderData<typeof loader>();
  const errors = (useActionData<typeof action>()?.errors ?? {}) as Record<
    string,
    MessageKey
  >;
  const navigation = useNavigation();
  const submit = useSubmit();
  const t = useT();
  const initial: Section[] = (() => {
    const existing = entry?.translations ?? [];
    const sections = BASE_LOCALES.map(
      (locale) =>
        existing.find((x) => x.locale === locale) ?? {
          locale,
          question: draft?.locale === locale ? draft.question : "",
          answer: "",
          category: "",
          phrasings: "",
        },
    );
    // A draft from the gap report in another language (fr, zh-TW) gets its own section.
    const draftSection =
      draft?.question && !BASE_LOCALES.includes(draft.locale) && !entry
        ? [
            {
              locale: draft.locale,
              question: draft.question,
              answer: "",
              category: "",
              phrasings: "",
            },
          ]
        : [];
    return [
      ...sections,
      ...existing.filter((x) => !BASE_LOCALES.includes(x.locale)),
      ...draftSection,
    ];
  })();
  const [sections, setSections] = useState<Section[]>(initial);
  // Fixed when the form opens, like the fields: a refused or invalid save reloads the page's
  // data, and a version that followed it would let the next save overwrite the other change.
  const [version] = useState(entry?.updatedAt);
  const [handle, setHandle] = useState(entry?.handle ?? "");
  const [tags, setTags] = useState(
    entry?.tags.split(",").filter(Boolean).join(", ") ?? "",
  );
  const [position, setPosition] = useState(String(entry?.position ?? 0));
  const [published, setPublished] = useState(entry?.published ?? true);
  const [newLocale, setNewLocale] = useState("");
  // "ZH-tw" adds zh-TW, as the CSV import reads it; "xx" adds nothing.
  const addedLocale = languageTag(newLocale);
  const saving = navigation.state === "submitting";
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  const update = (i: number, patch: Partial<Section>) =>
    setSections((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const adminLocale = useLocale();
  const localeName = (code: string) => languageName(code, adminLocale);
  const title = entry ? t("faq.formEdit") : t("faq.formNew");

  return (
    <Page
      title={title}
      backAction={{ content: t("faq.title"), url: "/app/faq" }}
    >
      <TitleBar title={title} />
      <Form method="post">
        {draft?.gap && (
          <>
            <input type="hidden" name="gap" value={draft.gap} />
            <input type="hidden" name="gapLocale" value={draft.locale} />
          </>
        )}
        {/* What the form was opened on: saving over a later change (another tab, a gap added
            from the report) is refused instead of silently undoing it. */}
        {version && <input type="hidden" name="version" value={version} />}
        <Layout>
          {Object.keys(errors).length > 0 && (
            <Layout.Section>
              <Banner tone="critical">
                {t(errors.stale ?? errors.translations ?? "faq.formErrors")}
              </Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <BlockStack gap="400">
              {sections.map((s, i) => (
                <Card key={`${s.locale}-${i}`}>
                  <FormLayout>
                    <Text as="h2" variant="headingSm">
                      {t("faq.formLanguage", { locale: localeName(s.locale) })}
                    </Text>
                    <input type="hidden" name="locale" value={s.locale} />
                    {errors[`t${i}.locale`] && (
                      <Text as="p" tone="critical">
                        {t(errors[`t${i}.locale`], { code: s.locale })}
                      </Text>
                    )}
                    <TextField
                      label={t("faq.formQuestion")}
                      name="question"
                      value={s.question}
                      onChange={(v) => update(i, { question: v })}
                      autoComplete="off"
                      // The limit in sight: a pasted paragraph is cut at it, and the count shows it.
                      maxLength={LIMITS.question}
                      showCharacterCount
                      error={err(`t${i}.question`)}
                    />
                    <TextField
                      label={t("faq.formPhrasings")}
                      name="phrasings"
                      value={s.phrasings}
                      onChange={(v) => update(i, { phrasings: v })}
                      autoComplete="off"
                      multiline={2}
                      helpText={t("faq.formPhrasingsHelp")}
                      error={err(`t${i}.phrasings`)}
                    />
                    {isStarterAnswer(s.answer) && (
                      <Banner tone="warning">{t("faq.formUnfilled")}</Banner>
                    )}
                    <AnswerEditor
                      label={t("faq.formAnswer")}
                      name="answer"
                      value={s.answer}
                      onChange={(v) => update(i, { answer: v })}
                      helpText={t("faq.formAnswerHelp")}
                      error={err(`t${i}.answer`)}
                    />
                    <TextField
                      label={t("faq.formCategory")}
                      name="category"
                      value={s.category}
                      onChange={(v) => update(i, { category: v })}
                      autoComplete="off"
                      maxLength={LIMITS.category}
                      showCharacterCount
                      helpText={t("faq.formCategoryHelp")}
                      error={err(`t${i}.category`)}
                    />
                  </FormLayout>
                </Card>
              ))}
              <Card>
                <InlineStack gap="200" blockAlign="end">
                  <Box minWidth="200px">
                    <TextField
                      label={t("faq.formAddLocale")}
                      value={newLocale}
                      onChange={setNewLocale}
                      autoComplete="off"
                      helpText={t("faq.formAddLocaleHelp")}
                    />
                  </Box>
                  <Button
                    disabled={
                      !addedLocale ||
                      sections.some((s) => s.locale === addedLocale)
                    }
                    onClick={() => {
                      if (!addedLocale) return;
                      setSections((all) => [
                        ...all,
                        {
                          locale: addedLocale,
                          question: "",
                          answer: "",
                          category: "",
                          phrasings: "",
                        },
                      ]);
                      setNewLocale("");
                    }}
                  >
                    {t("faq.formAddLocale")}
                  </Button>
                </InlineStack>
              </Card>
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <Card>
                <FormLayout>
                  <FormCheckbox
                    label={t("faq.formPublished")}
                    checked={published}
                    onChange={setPublished}
                    name="published"
                  />
                  <TextField
                    label={t("faq.formTags")}
                    name="tags"
                    value={tags}
                    onChange={setTags}
                    autoComplete="off"
                    helpText={t("faq.formTagsHelp")}
                    error={err("tags")}
                  />
                  <TextField
                    label={t("faq.formPosition")}
                    name="position"
                    type="number"
                    min={0}
                    value={position}
                    onChange={setPosition}
                    autoComplete="off"
                    error={err("position")}
                  />
                  <TextField
                    label={t("faq.formHandle")}
                    name="handle"
                    value={handle}
                    onChange={setHandle}
                    autoComplete="off"
                    helpText={t("faq.formHandleHelp")}
                    error={err("handle")}
                  />
                </FormLayout>
              </Card>
              {entry && (
                <Card>
                  <BlockStack gap="200">
                    <Text as="p" tone="subdued">
                      {t("faq.formStats", {
                        views: entry.views,
                        helpful: entry.helpful,
                        notHelpful: entry.notHelpful,
                      })}
                    </Text>
                    <InlineStack>
                      <Button
                        tone="critical"
                        variant="plain"
                        onClick={() => {
                          if (window.confirm(t("faq.formDeleteConfirm")))
                            submit(
                              { intent: "delete", version: version ?? "" },
                              { method: "post" },
                            );
                        }}
                      >
                        {t("faq.formDelete")}
                      </Button>
                    </InlineStack>
                  </BlockStack>
                </Card>
              )}
              <InlineStack align="end">
                <Button submit variant="primary" loading={saving}>
                  {t("common.save")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
