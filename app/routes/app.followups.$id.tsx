import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { json } from "@remix-run/node";
import {
  Form,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
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
import { RateLimiter } from "../proxy/rate-limit";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import prisma from "../db.server";
import { env } from "../env.server";
import { authenticate } from "../shopify.server";
import {
  getFlow,
  resolveConditionCollections,
  saveFlow,
  validateFlow,
  type FlowFieldError,
} from "../followups/flows.server";
import { describeFlowError } from "../followups/flow-errors";
import { flowDisplayName } from "../followups/preset-names";
import { CollectionTooLarge } from "../tutorials/collections.server";
import { runFollowupPreview } from "../followups/preview.server";
import { flowStats, type StepStats } from "../followups/stats.server";
import {
  CHANNELS,
  flowInputFrom,
  LOCALES,
  MAX_STEPS,
  newStepId,
  previewFlowFrom,
} from "../followups/flow-form";
import { FlowStepCard, type StepDraft } from "../components/FlowStepCard";
import { EmailPreviewFrame } from "../components/EmailPreviewFrame";
import { channelsFor } from "../followups/runtime.server";
import { TRIGGERS } from "../followups/presets";
import { GROUP_KEYS } from "../customers/groups";
import { getGroupSettings } from "../customers/groups.server";
import { VARIABLES } from "../followups/templates";
import { useLocale, useT } from "../i18n/useT";
import { pickProducts } from "../components/product-picker";
import { pickCollections } from "../components/collection-picker";
import { PickedList } from "../components/PickedList";
import { languageName, type MessageKey } from "../i18n/i18n";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const flow = await getFlow(prisma, session.shop, params.id!);
  if (!flow) throw new Response("Not found", { status: 404 });
  const { SHOPIFY_APP_URL, SHOPIFY_API_SECRET } = env();
  const [preview, groupSettings, stats] = await Promise.all([
    runFollowupPreview(prisma, session.shop, flow, {
      appUrl: SHOPIFY_APP_URL,
      secret: SHOPIFY_API_SECRET,
    }),
    getGroupSettings(prisma, session.shop),
    flowStats(prisma, session.shop, flow.id),
  ]);
  const stepStats = Object.fromEntries(
    flow.steps.map((st) => [st.id, stats.get(`${flow.id}|${st.id}`) ?? null]),
  );
  return json({
    flow,
    preview,
    stepStats,
    dormantDays: groupSettings.dormantDays,
  });
};

const TEST_EMAILS_PER_HOUR = 20;
const testSends = new RateLimiter(
  TEST_EMAILS_PER_HOUR,
  TEST_EMAILS_PER_HOUR / 3600,
);

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const form = await request.formData();
  const flow = await getFlow(prisma, session.shop, params.id!);
  if (!flow) throw new Response("Not found", { status: 404 });
  if (form.get("intent") === "preview") {
    // The texts as being edited, not saved: the preview follows the merchant's typing.
    const { SHOPIFY_APP_URL, SHOPIFY_API_SECRET } = env();
    const preview = await runFollowupPreview(
      prisma,
      session.shop,
      previewFlowFrom(form),
      { appUrl: SHOPIFY_APP_URL, secret: SHOPIFY_API_SECRET },
    );
    return json({ errors: [] as FlowFieldError[], sent: null, preview });
  }
  if (form.get("intent") === "test") {
    const to = z.string().trim().email().max(200).safeParse(form.get("to"));
    if (!to.success)
      return json(
        { errors: [{ field: "to", message: "email" }], sent: null },
        { status: 422 },
      );
    const email = (await channelsFor(prisma)([session.shop])).get(
      session.shop,
    )?.email;
    if (!email)
      return json(
        { errors: [{ field: "to", message: "no-smtp" }], sent: null },
        { status: 422 },
      );
    const { SHOPIFY_APP_URL, SHOPIFY_API_SECRET } = env();
    // What the preview shows: the texts as being edited, saved or not.
    const edited = previewFlowFrom(form);
    const preview = await runFollowupPreview(prisma, session.shop, edited, {
      appUrl: SHOPIFY_APP_URL,
      secret: SHOPIFY_API_SECRET,
    });
    // One test email per step (its first language), so the merchant sees the whole sequence.
    const messages = edited.steps
      .map((_, i) =>
        preview.messages.find((m) => m.channel === "email" && m.step === i),
      )
      .filter((m) => m !== undefined);
    if (!messages.length)
      return json(
        { errors: [{ field: "to", message: "no-template" }], sent: null },
        { status: 422 },
      );
    // A message that does not render is not sent half-written: the merchant reads why, as in
    // the preview.
    const broken = messages.find((m) => m.error);
    if (broken?.error)
      return json(
        { errors: [{ ...broken.error, field: "to" }], sent: null },
        { status: 422 },
      );
    // Test emails go to any address the merchant types: a few an hour, not a mailing service.
    // Counted per email (a flow's test sends one per step).
    if (!testSends.take(session.shop, Date.now(), messages.length))
      return json(
        { errors: [{ field: "to", message: "too-many-tests" }], sent: null },
        { status: 429 },
      );
    try {
      for (const m of messages)
        await email.send({
          idemKey: `test:${flow.id}:${m.step}:${Date.now()}`,
          to: to.data,
          // Marked in the message's own language: [テスト 1/2] or [TEST 1/2].
          subject: `[${m.locale === "ja" ? "テスト" : "TEST"} ${m.step + 1}/${edited.steps.length}] ${m.subject ?? ""}`,
          body: m.body,
        });
    } catch (error) {
      return json(
        {
          errors: [
            {
              field: "to",
              message: "send-failed",
              detail: error instanceof Error ? error.message : String(error),
            },
          ],
          sent: null,
        },
        { status: 502 },
      );
    }
    return json({ errors: [], sent: to.data });
  }
  const parsed = validateFlow(flowInputFrom(form));
  if (!parsed.ok)
    return json({ errors: parsed.errors, sent: null }, { status: 422 });
  const collections = await resolveConditionCollections(
    admin.graphql,
    parsed.value.conditions,
  ).catch((error: unknown) => error as Error);
  if (collections instanceof Error)
    return json(
      {
        errors: [
          {
            field: "collections",
            message:
              collections instanceof CollectionTooLarge
                ? "collectionsTooLarge"
                : "collectionsLookup",
          },
        ],
        sent: null,
      },
      { status: collections instanceof CollectionTooLarge ? 422 : 502 },
    );
  if (collections.missing.length)
    return json(
      {
        errors: [{ field: "collections", message: "collectionsMissing" }],
        sent: null,
      },
      { status: 422 },
    );
  await saveFlow(prisma, session.shop, flow.id, {
    ...parsed.value,
    conditions: collections.conditions,
  });
  return json({ errors: [], sent: null, saved: true });
};

// A preview of unsaved texts changes nothing stored: the page is not loaded again for it.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "preview" ? false : defaultShouldRevalidate);

export default function FlowEditor() {
  const {
    flow,
    preview: saved,
    stepStats,
    dormantDays,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const test = useFetcher<typeof action>();
  const previewer = useFetcher<typeof action>();
  const formRef = useRef<HTMLFormElement>(null);
  const saving = useNavigation().state === "submitting";
  const t = useT();
  const adminLocale = useLocale();
  const title = flowDisplayName(t, flow);
  const [name, setName] = useState(title);
  const [trigger, setTrigger] = useState<string>(flow.trigger);
  const [orders, setOrders] = useState<string>(flow.conditions.orders);
  const [minTotal, setMinTotal] = useState(String(flow.conditions.minTotal));
  const [locales, setLocales] = useState<string[]>(flow.conditions.locales);
  const [groups, setGroups] = useState<string[]>(flow.conditions.groups);
  const [products, setProducts] = useState(
    flow.conditions.productIds.map((id) => ({
      id,
      title: flow.conditions.productTitles[id] ?? id,
    })),
  );
  const shopify = useAppBridge();
  const chooseProducts = async () => {
    const picked = await pickProducts(shopify, products);
    if (picked) setProducts(picked);
  };
  const [collections, setCollections] = useState(
    flow.conditions.collections.map((c) => ({ id: c.id, title: c.title })),
  );
  const chooseCollections = async () => {
    const picked = await pickCollections(shopify, collections);
    if (picked) setCollections(picked);
  };
  const [marketing, setMarketing] = useState(flow.marketing);
  const [enabled, setEnabled] = useState(flow.enabled);
  const [channels, setChannels] = useState<string[]>(flow.channels);
  const [steps, setSteps] = useState<StepDraft[]>(() =>
    flow.steps.map((st) => {
      const texts: Record<string, string> = {};
      for (const c of CHANNELS)
        for (const l of LOCALES) {
          texts[`${c}.${l}.body`] = st.templates[c]?.[l]?.body ?? "";
          texts[`${c}.${l}.subject`] = st.templates[c]?.[l]?.subject ?? "";
        }
      return {
        key: st.id,
        id: st.id,
        delayDays: String(st.delayMinutes / 1440),
        texts,
      };
    }),
  );
  // A new step gets its id here, so saving the page twice keeps it (the server checks ids and
  // makes one for a step posted without), and starts as a copy of the last one's texts (the usual
  // case: a reminder of the same message).
  const addStep = () => {
    const id = newStepId();
    setSteps((xs) => [
      ...xs,
      {
        key: id,
        id,
        delayDays: "7",
        texts: { ...(xs[xs.length - 1]?.texts ?? {}) },
      },
    ]);
  };
  const statsLine = (s: StepStats | null) =>
    s
      ? t("followups.stats", {
          scheduled: s.scheduled,
          sent: s.sent,
          failed: s.failed + s.uncertain,
          skipped: s.skipped,
          clicks: s.clicks,
          unsubscribed: s.unsubscribed,
          answers: s.surveyAnswers,
        })
      : null;
  // The preview follows the texts and channels as they are typed, half a second after the last key.
  const previewKey = JSON.stringify([channels, steps.map((st) => st.texts)]);
  const previewed = useRef(previewKey);
  const submitPreview = previewer.submit;
  useEffect(() => {
    if (previewKey === previewed.current || !formRef.current) return;
    const form = formRef.current;
    const timer = setTimeout(() => {
      previewed.current = previewKey;
      const data = new FormData(form);
      data.set("intent", "preview");
      submitPreview(data, { method: "post" });
    }, 500);
    return () => clearTimeout(timer);
  }, [previewKey, submitPreview]);
  // The same JSON as the loader's (runFollowupPreview), answered by the action instead.
  const preview =
    previewer.data && "preview" in previewer.data
      ? (previewer.data.preview as typeof saved)
      : saved;
  const [to, setTo] = useState("");
  const errors = (result?.errors ?? []) as FlowFieldError[];
  const err = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? describeFlowError(t, e) : undefined;
  };
  const testError = ((test.data?.errors ?? []) as FlowFieldError[]).find(
    (e) => e.field === "to",
  );
  return (
    <Page
      title={title}
      backAction={{ content: t("followups.title"), url: "/app/followups" }}
    >
      <TitleBar title={title} />
      <Layout>
        {result && "saved" in result && Boolean(result.saved) && (
          <Layout.Section>
            <Banner tone="success">{t("followups.saved")}</Banner>
          </Layout.Section>
        )}
        {errors.length > 0 && !errors.some((e) => e.field === "to") && (
          <Layout.Section>
            <Banner tone="critical">{t("followups.formErrors")}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Form method="post" ref={formRef} noValidate>
            <BlockStack gap="400">
              <Card>
                <FormLayout>
                  <TextField
                    label={t("followups.name")}
                    name="name"
                    value={name}
                    onChange={setName}
                    autoComplete="off"
                    error={err("name")}
                  />
                  <FormCheckbox
                    label={t("followups.enabled")}
                    checked={enabled}
                    onChange={setEnabled}
                    name="enabled"
                  />
                  <Select
                    label={t("followups.when")}
                    name="trigger"
                    value={trigger}
                    onChange={setTrigger}
                    options={TRIGGERS.map((x) => ({
                      label: t(`followups.trigger.${x}` as MessageKey),
                      value: x,
                    }))}
                    error={err("trigger")}
                  />
                  <FormLayout.Group>
                    <Select
                      label={t("followups.orders")}
                      name="orders"
                      value={orders}
                      onChange={setOrders}
                      options={["any", "first", "repeat"].map((x) => ({
                        label: t(`followups.orders.${x}` as MessageKey),
                        value: x,
                      }))}
                      error={err("orders")}
                    />
                    <TextField
                      label={t("followups.minTotal")}
                      name="minTotal"
                      inputMode="decimal"
                      value={minTotal}
                      onChange={setMinTotal}
                      autoComplete="off"
                      error={err("minTotal") ?? err("conditions")}
                    />
                  </FormLayout.Group>
                  <FormLayout.Group>
                    <ChoiceList
                      allowMultiple
                      title={t("followups.localesLabel")}
                      choices={LOCALES.map((l) => ({
                        label: t(`followups.locale.${l}` as MessageKey),
                        value: l,
                      }))}
                      selected={locales}
                      onChange={setLocales}
                      error={err("locales")}
                    />
                    <ChoiceList
                      allowMultiple
                      title={t("followups.groupsLabel")}
                      choices={GROUP_KEYS.map((g) => ({
                        label: t(`groups.${g}` as MessageKey, {
                          days: String(dormantDays),
                        }),
                        value: g,
                      }))}
                      selected={groups}
                      onChange={setGroups}
                      error={err("groups")}
                    />
                  </FormLayout.Group>
                  {locales.map((l) => (
                    <input key={l} type="hidden" name="locales" value={l} />
                  ))}
                  {groups.map((g) => (
                    <input key={g} type="hidden" name="groups" value={g} />
                  ))}
                  <input
                    type="hidden"
                    name="products"
                    value={JSON.stringify(products)}
                  />
                  <PickedList
                    heading="h3"
                    title={t("followups.productsLabel")}
                    chooseLabel={t("followups.chooseProducts")}
                    removeLabel={t("followups.remove")}
                    help={
                      products.length || collections.length
                        ? t("followups.productsHelp")
                        : t("followups.allProducts")
                    }
                    error={err("products")}
                    items={products}
                    onChoose={chooseProducts}
                    onRemove={(id) =>
                      setProducts((xs) => xs.filter((x) => x.id !== id))
                    }
                  />
                  <input
                    type="hidden"
                    name="collections"
                    value={JSON.stringify(collections)}
                  />
                  <PickedList
                    heading="h3"
                    title={t("followups.collectionsLabel")}
                    chooseLabel={t("followups.chooseCollections")}
                    removeLabel={t("followups.remove")}
                    help={t("followups.collectionsHelp")}
                    error={err("collections")}
                    items={collections}
                    onChoose={chooseCollections}
                    onRemove={(id) =>
                      setCollections((xs) => xs.filter((x) => x.id !== id))
                    }
                  />
                  <Text as="p" tone="subdued">
                    {t("followups.conditionsHelp")}
                  </Text>
                  <FormCheckbox
                    label={t("followups.marketingLabel")}
                    helpText={t("followups.marketingHelp")}
                    checked={marketing}
                    onChange={setMarketing}
                    name="marketing"
                  />
                  <ChoiceList
                    allowMultiple
                    title={t("followups.channelsLabel")}
                    choices={CHANNELS.map((c) => ({
                      label: t(`followups.channel.${c}` as MessageKey),
                      value: c,
                    }))}
                    selected={channels}
                    onChange={setChannels}
                    error={err("channels")}
                  />
                  {channels.map((c) => (
                    <input key={c} type="hidden" name="channels" value={c} />
                  ))}
                </FormLayout>
              </Card>
              <Text as="p" tone="subdued">
                {t("followups.stepsHelp")}
              </Text>
              {err("steps") && (
                <Text as="p" tone="critical">
                  {err("steps")}
                </Text>
              )}
              {steps.map((st, i) => (
                <FlowStepCard
                  key={st.key}
                  index={i}
                  count={steps.length}
                  step={st}
                  channels={channels}
                  stats={st.id ? statsLine(stepStats[st.id] ?? null) : null}
                  t={t}
                  adminLocale={adminLocale}
                  err={err}
                  onChange={(next) =>
                    setSteps((xs) =>
                      xs.map((x) => (x.key === st.key ? next : x)),
                    )
                  }
                  onRemove={() =>
                    setSteps((xs) => xs.filter((x) => x.key !== st.key))
                  }
                  onMoveUp={() =>
                    setSteps((xs) => [
                      ...xs.slice(0, i - 1),
                      xs[i],
                      xs[i - 1],
                      ...xs.slice(i + 1),
                    ])
                  }
                />
              ))}
              {steps.length < MAX_STEPS && (
                <InlineStack>
                  <Button onClick={addStep}>{t("followups.addStep")}</Button>
                </InlineStack>
              )}
              <Text as="p" tone="subdued">
                {t("followups.variables", {
                  list: VARIABLES.map((v) => `{{ ${v} }}`).join(" "),
                })}
              </Text>
              <InlineStack align="end">
                <Button submit variant="primary" loading={saving}>
                  {t("followups.save")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Form>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("followups.preview")}
                </Text>
                <Text as="p" tone="subdued">
                  {preview.order
                    ? t("followups.previewWith", { order: preview.order.name })
                    : t("followups.previewNoOrder")}
                </Text>
                {preview.notes.map((note) => (
                  <Text key={note} as="p" variant="bodySm" tone="subdued">
                    {t(`followups.previewNote.${note}` as MessageKey)}
                  </Text>
                ))}
                {preview.messages.map((m) => (
                  <Box
                    key={`${m.step}-${m.channel}-${m.locale}`}
                    borderWidth="025"
                    borderColor="border"
                    borderRadius="200"
                    padding="200"
                  >
                    <BlockStack gap="100">
                      <Text as="p" variant="bodySm" tone="subdued">
                        {preview.messages.some((x) => x.step > 0)
                          ? `${t("followups.previewStep", { n: m.step + 1 })} · `
                          : ""}
                        {t(`followups.channel.${m.channel}` as MessageKey)} ·{" "}
                        {languageName(m.locale, adminLocale)}
                      </Text>
                      {m.subject && (
                        <Text as="p" fontWeight="semibold">
                          {m.subject}
                        </Text>
                      )}
                      {m.error ? (
                        <Text as="p" tone="critical">
                          {describeFlowError(t, m.error)}
                        </Text>
                      ) : m.channel === "email" ? (
                        <EmailPreviewFrame
                          title={`${m.step}-${m.channel}-${m.locale}`}
                          html={m.body}
                        />
                      ) : (
                        <pre
                          style={{
                            whiteSpace: "pre-wrap",
                            overflowWrap: "anywhere",
                            margin: 0,
                            font: "inherit",
                          }}
                        >
                          {m.body}
                        </pre>
                      )}
                    </BlockStack>
                  </Box>
                ))}
              </BlockStack>
            </Card>
            <Card>
              <test.Form
                method="post"
                noValidate
                onSubmit={(e) => {
                  // Sent with the message texts as being edited, as the preview shows them.
                  if (!formRef.current) return;
                  e.preventDefault();
                  const data = new FormData(formRef.current);
                  data.set("intent", "test");
                  data.set("to", to);
                  test.submit(data, { method: "post" });
                }}
              >
                <BlockStack gap="200">
                  <input type="hidden" name="intent" value="test" />
                  <TextField
                    label={t("followups.testTo")}
                    name="to"
                    type="email"
                    value={to}
                    onChange={setTo}
                    autoComplete="email"
                    helpText={t("followups.testSaved")}
                    error={
                      testError ? describeFlowError(t, testError) : undefined
                    }
                  />
                  <Button submit loading={test.state !== "idle"}>
                    {t("followups.testSend")}
                  </Button>
                  {test.data?.sent && (
                    <Text as="p" tone="success">
                      {t("followups.testSent", { to: test.data.sent })}
                    </Text>
                  )}
                </BlockStack>
              </test.Form>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
