import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { FormCheckbox } from "../components/FormCheckbox";
import { TitleBar } from "@shopify/app-bridge-react";
import { useState } from "react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import {
  AUDIENCES,
  KINDS,
  PLACEMENTS,
  choicesToText,
  rawSurveyFromForm,
  validateSurvey,
} from "../surveys/definition";
import {
  getSurvey,
  publishSurveys,
  saveSurvey,
} from "../surveys/surveys.server";
import { scoreLinks } from "../surveys/email-link";
import { env } from "../env.server";
import { useLocale, useT } from "../i18n/useT";
import { questionLabel } from "../surveys/form-labels";
import type { MessageKey } from "../i18n/i18n";
import { withDetail } from "../i18n/with-detail";
import { savedUrl } from "../components/saved-notice";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  if (params.id === "new") return json({ survey: null, emailPreview: null });
  const survey = await getSurvey(prisma, session.shop, params.id!);
  if (!survey) throw new Response("Not found", { status: 404 });
  // What a follow-up email will carry, shown with the shop's latest order so the merchant can try it.
  let emailPreview: {
    order: string;
    links: { score: number; url: string }[];
  } | null = null;
  if (survey.placements.includes("email") && survey.kind !== "choice") {
    const order = await prisma.order.findFirst({
      where: { shop: session.shop, customerId: { not: null } },
      orderBy: { processedAt: "desc" },
      select: { orderId: true, name: true, customerId: true, locale: true },
    });
    if (order) {
      const { SHOPIFY_APP_URL, SHOPIFY_API_SECRET } = env();
      emailPreview = {
        order: order.name,
        links: scoreLinks({
          appUrl: SHOPIFY_APP_URL,
          secret: SHOPIFY_API_SECRET,
          shop: session.shop,
          survey: survey.id,
          kind: survey.kind,
          customer: order.customerId,
          order: order.orderId,
          locale: order.locale?.startsWith("en") ? "en" : "ja",
        }),
      };
    }
  }
  return json({ survey, emailPreview });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, admin, redirect } = await authenticate.admin(request);
  const parsed = validateSurvey(rawSurveyFromForm(await request.formData()));
  if (!parsed.ok)
    return json(
      { errors: parsed.errors as Record<string, string>, publishError: null },
      { status: 422 },
    );
  const id = await saveSurvey(
    prisma,
    session.shop,
    params.id === "new" ? null : params.id!,
    parsed.value,
  );
  if (!id) throw new Response("Not found", { status: 404 });
  try {
    // The storefront block reads the published list; publish right away so the change shows.
    await publishSurveys(prisma, session.shop, admin.graphql);
  } catch (error) {
    return json(
      {
        errors: {} as Record<string, string>,
        // Shopify's or the network's own words, shown after the translated sentence.
        publishError: (error instanceof Error ? error.message : String(error))
          .split("\n")[0]
          .slice(0, 200),
      },
      { status: 502 },
    );
  }
  return redirect(savedUrl("/app/surveys"));
};

export default function SurveyForm() {
  const { survey, emailPreview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? {}) as Record<string, MessageKey>;
  const saving = useNavigation().state === "submitting";
  const t = useT();
  const adminLocale = useLocale();
  const [kind, setKind] = useState<string>(survey?.kind ?? "nps");
  const [questionJa, setQuestionJa] = useState(survey?.question.ja ?? "");
  const [questionEn, setQuestionEn] = useState(survey?.question.en ?? "");
  const [choices, setChoices] = useState(choicesToText(survey?.choices ?? []));
  const [followUp, setFollowUp] = useState(survey?.followUp ?? true);
  const [placements, setPlacements] = useState<string[]>(
    survey?.placements ?? ["block"],
  );
  const [audience, setAudience] = useState(survey?.audience ?? "all");
  const [locales, setLocales] = useState((survey?.locales ?? []).join(", "));
  const [cooldown, setCooldown] = useState(String(survey?.cooldownDays ?? 90));
  const [active, setActive] = useState(survey?.active ?? true);
  const err = (key: string) => (errors[key] ? t(errors[key]) : undefined);
  const title = survey ? t("surveys.formEdit") : t("surveys.formNew");

  return (
    <Page
      title={title}
      backAction={{ content: t("surveys.title"), url: "/app/surveys" }}
    >
      <TitleBar title={title} />
      {/* The server checks every field and answers with Polaris field errors in the admin's
          language; the browser's own bubbles would speak English over them. */}
      <Form method="post" noValidate>
        <Layout>
          {(Object.keys(errors).length > 0 || result?.publishError) && (
            <Layout.Section>
              <Banner tone="critical">
                {result?.publishError
                  ? withDetail(
                      t,
                      t("surveys.publishError"),
                      result.publishError,
                    )
                  : t("surveys.formErrors")}
              </Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <Card>
              <FormLayout>
                <Select
                  label={t("surveys.formKind")}
                  name="kind"
                  value={kind}
                  onChange={setKind}
                  options={KINDS.map((k) => ({
                    label: t(`surveys.kind.${k}`),
                    value: k,
                  }))}
                  error={err("kind")}
                />
                <TextField
                  label={questionLabel(t, adminLocale, "ja")}
                  name="question_ja"
                  value={questionJa}
                  onChange={setQuestionJa}
                  autoComplete="off"
                  maxLength={200}
                  placeholder={
                    kind === "nps" ? t("surveys.placeholderNps") : undefined
                  }
                  error={err("question")}
                />
                <TextField
                  label={questionLabel(t, adminLocale, "en")}
                  name="question_en"
                  value={questionEn}
                  onChange={setQuestionEn}
                  autoComplete="off"
                  maxLength={200}
                />
                {kind === "choice" && (
                  <TextField
                    label={t("surveys.formChoices")}
                    name="choices"
                    value={choices}
                    onChange={setChoices}
                    autoComplete="off"
                    multiline={4}
                    helpText={t("surveys.formChoicesHelp")}
                    error={err("choices")}
                  />
                )}
                <FormCheckbox
                  label={t("surveys.formFollowUp")}
                  checked={followUp}
                  onChange={setFollowUp}
                  name="followUp"
                />
              </FormLayout>
            </Card>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <Card>
                <FormLayout>
                  <FormCheckbox
                    label={t("surveys.formActive")}
                    checked={active}
                    onChange={setActive}
                    name="active"
                  />
                  <ChoiceList
                    allowMultiple
                    title={t("surveys.formWhere")}
                    choices={PLACEMENTS.map((p) => ({
                      label: t(`surveys.channel.${p}`),
                      value: p,
                    }))}
                    selected={placements}
                    onChange={setPlacements}
                    error={err("placements")}
                  />
                  {placements.map((p) => (
                    <input key={p} type="hidden" name="placements" value={p} />
                  ))}
                  <Select
                    label={t("surveys.formWho")}
                    name="audience"
                    value={audience}
                    onChange={setAudience}
                    options={AUDIENCES.map((a) => ({
                      label: t(`surveys.audience.${a}`),
                      value: a,
                    }))}
                    error={err("audience")}
                  />
                  <TextField
                    label={t("surveys.formLocales")}
                    name="locales"
                    value={locales}
                    onChange={setLocales}
                    autoComplete="off"
                    helpText={t("surveys.formLocalesHelp")}
                    error={err("locales")}
                  />
                  <TextField
                    label={t("surveys.formCooldown")}
                    name="cooldownDays"
                    type="number"
                    min={0}
                    max={730}
                    value={cooldown}
                    onChange={setCooldown}
                    autoComplete="off"
                    error={err("cooldown")}
                  />
                </FormLayout>
              </Card>
              <Text as="p" tone="subdued">
                {t("surveys.formOneQuestion")}
              </Text>
              {emailPreview && (
                <Card>
                  <BlockStack gap="200">
                    <Text as="h2" variant="headingSm">
                      {t("surveys.emailLinks")}
                    </Text>
                    <Text as="p" tone="subdued">
                      {t("surveys.emailLinksHelp", {
                        order: emailPreview.order,
                      })}
                    </Text>
                    <InlineStack gap="100">
                      {emailPreview.links.map((l) => (
                        <a
                          key={l.score}
                          href={l.url}
                          target="_blank"
                          rel="noreferrer"
                          style={{
                            minWidth: 28,
                            textAlign: "center",
                            padding: "4px 6px",
                            border: "1px solid #c9cccf",
                            borderRadius: 6,
                          }}
                        >
                          {l.score}
                        </a>
                      ))}
                    </InlineStack>
                  </BlockStack>
                </Card>
              )}
            </BlockStack>
          </Layout.Section>
          <Layout.Section>
            <InlineStack align="end">
              <Button submit variant="primary" loading={saving}>
                {t("surveys.save")}
              </Button>
            </InlineStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
