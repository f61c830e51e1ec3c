import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, Checkbox, ChoiceList, FormLayout, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useState } from "react";
import { z } from "zod";
import prisma from "../db.server";
import { env } from "../env.server";
import { authenticate } from "../shopify.server";
import { getFlow, saveFlow, validateFlow, type Templates } from "../followups/flows.server";
import { runFollowupPreview } from "../followups/engine.server";
import { channelsFor } from "../followups/runtime.server";
import { TRIGGERS } from "../followups/presets";
import { GROUP_KEYS } from "../customers/groups";
import { getGroupSettings } from "../customers/groups.server";
import { VARIABLES } from "../followups/templates";
import { useT } from "../i18n/useT";
import { pickProducts } from "../components/product-picker";
import type { MessageKey } from "../i18n/i18n";

const CHANNELS = ["email", "line", "sms"] as const;
const LOCALES = ["ja", "en"] as const;

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const flow = await getFlow(prisma, session.shop, params.id!);
  if (!flow) throw new Response("Not found", { status: 404 });
  const { SHOPIFY_APP_URL, SHOPIFY_API_SECRET } = env();
  const [preview, groupSettings] = await Promise.all([runFollowupPreview(prisma, session.shop, flow, { appUrl: SHOPIFY_APP_URL, secret: SHOPIFY_API_SECRET }), getGroupSettings(prisma, session.shop)]);
  return json({ flow, preview, dormantDays: groupSettings.dormantDays });
};

function templatesFrom(form: FormData): Templates {
  const out: Templates = {};
  for (const c of CHANNELS)
    for (const l of LOCALES) {
      const body = String(form.get(`${c}.${l}.body`) ?? "");
      const subject = String(form.get(`${c}.${l}.subject`) ?? "");
      if (!body.trim() && !subject.trim()) continue;
      (out[c] ??= {})[l] = c === "email" ? { subject, body } : { body };
    }
  return out;
}

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const flow = await getFlow(prisma, session.shop, params.id!);
  if (!flow) throw new Response("Not found", { status: 404 });
  if (form.get("intent") === "test") {
    const to = z.string().trim().email().max(200).safeParse(form.get("to"));
    if (!to.success) return json({ errors: [{ field: "to", message: "email" }], sent: null }, { status: 422 });
    const email = (await channelsFor(prisma)(session.shop)).email;
    if (!email) return json({ errors: [{ field: "to", message: "no-smtp" }], sent: null }, { status: 422 });
    const { SHOPIFY_APP_URL, SHOPIFY_API_SECRET } = env();
    const preview = await runFollowupPreview(prisma, session.shop, flow, { appUrl: SHOPIFY_APP_URL, secret: SHOPIFY_API_SECRET });
    const message = preview.messages.find((m) => m.channel === "email");
    if (!message) return json({ errors: [{ field: "to", message: "no-template" }], sent: null }, { status: 422 });
    try {
      await email.send({ idemKey: `test:${flow.id}:${Date.now()}`, to: to.data, subject: `[TEST] ${message.subject ?? ""}`, body: message.body });
    } catch (error) {
      return json({ errors: [{ field: "to", message: error instanceof Error ? error.message : String(error) }], sent: null }, { status: 502 });
    }
    return json({ errors: [], sent: to.data });
  }
  const parsed = validateFlow({
    name: String(form.get("name") ?? ""),
    trigger: String(form.get("trigger") ?? ""),
    delayDays: String(form.get("delayDays") ?? ""),
    conditions: conditionsFrom(form),
    marketing: form.get("marketing") === "on",
    channels: form.getAll("channels").map(String),
    templates: templatesFrom(form),
    enabled: form.get("enabled") === "on",
  });
  if (!parsed.ok) return json({ errors: parsed.errors, sent: null }, { status: 422 });
  await saveFlow(prisma, session.shop, flow.id, parsed.value);
  return json({ errors: [], sent: null, saved: true });
};

/** The conditions fields; anything malformed is left for validateFlow to reject as "conditions". */
function conditionsFrom(form: FormData): unknown {
  let products: unknown = [];
  try {
    products = JSON.parse(String(form.get("products") || "[]"));
  } catch {
    return { orders: "invalid" };
  }
  const list = Array.isArray(products) ? (products as { id?: unknown; title?: unknown }[]) : [];
  return {
    orders: String(form.get("orders") ?? "any"),
    locales: form.getAll("locales").map(String),
    minTotal: Number(form.get("minTotal") || 0),
    productIds: list.map((p) => String(p.id ?? "")),
    productTitles: Object.fromEntries(list.map((p) => [String(p.id ?? ""), String(p.title ?? "")])),
    groups: form.getAll("groups").map(String),
  };
}

export default function FlowEditor() {
  const { flow, preview, dormantDays } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const test = useFetcher<typeof action>();
  const saving = useNavigation().state === "submitting";
  const t = useT();
  const [name, setName] = useState(flow.name);
  const [trigger, setTrigger] = useState<string>(flow.trigger);
  const [delayDays, setDelayDays] = useState(String(flow.delayMinutes / 1440));
  const [orders, setOrders] = useState<string>(flow.conditions.orders);
  const [minTotal, setMinTotal] = useState(String(flow.conditions.minTotal));
  const [locales, setLocales] = useState<string[]>(flow.conditions.locales);
  const [groups, setGroups] = useState<string[]>(flow.conditions.groups);
  const [products, setProducts] = useState(flow.conditions.productIds.map((id) => ({ id, title: flow.conditions.productTitles[id] ?? id })));
  const shopify = useAppBridge();
  const chooseProducts = async () => {
    const picked = await pickProducts(shopify, products);
    if (picked) setProducts(picked);
  };
  const [marketing, setMarketing] = useState(flow.marketing);
  const [enabled, setEnabled] = useState(flow.enabled);
  const [channels, setChannels] = useState<string[]>(flow.channels);
  const [texts, setTexts] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const c of CHANNELS) for (const l of LOCALES) {
      out[`${c}.${l}.body`] = flow.templates[c]?.[l]?.body ?? "";
      out[`${c}.${l}.subject`] = flow.templates[c]?.[l]?.subject ?? "";
    }
    return out;
  });
  const [to, setTo] = useState("");
  const errors = (result?.errors ?? []) as { field: string; message: string }[];
  const err = (field: string) => {
    const e = errors.find((x) => x.field === field);
    if (!e) return undefined;
    const key = `followups.error.${e.message}` as MessageKey;
    return ["name", "trigger", "delay", "conditions", "channels", "missing", "unsubscribe", "email", "no-smtp", "no-template"].includes(e.message) ? t(key) : t("followups.error.template", { message: e.message });
  };
  const testError = ((test.data?.errors ?? []) as { field: string; message: string }[]).find((e) => e.field === "to");
  return (
    <Page title={flow.name} backAction={{ content: t("followups.title"), url: "/app/followups" }}>
      <TitleBar title={flow.name} />
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
          <Form method="post">
            <BlockStack gap="400">
              <Card>
                <FormLayout>
                  <TextField label={t("followups.name")} name="name" value={name} onChange={setName} autoComplete="off" error={err("name")} />
                  <Checkbox label={t("followups.enabled")} checked={enabled} onChange={setEnabled} />
                  <input type="hidden" name="enabled" value={enabled ? "on" : "off"} />
                  <FormLayout.Group>
                    <Select label={t("followups.when")} name="trigger" value={trigger} onChange={setTrigger} options={TRIGGERS.map((x) => ({ label: t(`followups.trigger.${x}` as MessageKey), value: x }))} error={err("trigger")} />
                    <TextField label={t("followups.delay")} name="delayDays" type="number" min={0} step={0.5} value={delayDays} onChange={setDelayDays} autoComplete="off" error={err("delayDays")} />
                  </FormLayout.Group>
                  <FormLayout.Group>
                    <Select label={t("followups.orders")} name="orders" value={orders} onChange={setOrders} options={["any", "first", "repeat"].map((x) => ({ label: t(`followups.orders.${x}` as MessageKey), value: x }))} />
                    <TextField label={t("followups.minTotal")} name="minTotal" type="number" min={0} value={minTotal} onChange={setMinTotal} autoComplete="off" error={err("conditions")} />
                  </FormLayout.Group>
                  <FormLayout.Group>
                    <ChoiceList allowMultiple title={t("followups.localesLabel")} choices={LOCALES.map((l) => ({ label: t(`followups.locale.${l}` as MessageKey), value: l }))} selected={locales} onChange={setLocales} />
                    <ChoiceList allowMultiple title={t("followups.groupsLabel")} choices={GROUP_KEYS.map((g) => ({ label: t(`groups.${g}` as MessageKey, { days: String(dormantDays) }), value: g }))} selected={groups} onChange={setGroups} />
                  </FormLayout.Group>
                  {locales.map((l) => (
                    <input key={l} type="hidden" name="locales" value={l} />
                  ))}
                  {groups.map((g) => (
                    <input key={g} type="hidden" name="groups" value={g} />
                  ))}
                  <input type="hidden" name="products" value={JSON.stringify(products)} />
                  <BlockStack gap="200">
                    <InlineStack gap="300" blockAlign="center">
                      <Text as="span">{t("followups.productsLabel")}</Text>
                      <Button onClick={chooseProducts}>{t("followups.chooseProducts")}</Button>
                      {products.length > 0 && (
                        <Button variant="plain" onClick={() => setProducts([])}>
                          {t("followups.clearProducts")}
                        </Button>
                      )}
                    </InlineStack>
                    <Text as="p" tone="subdued">
                      {products.length ? products.map((p) => p.title).join("、") : t("followups.allProducts")}
                    </Text>
                  </BlockStack>
                  <Text as="p" tone="subdued">
                    {t("followups.conditionsHelp")}
                  </Text>
                  <Checkbox label={t("followups.marketingLabel")} helpText={t("followups.marketingHelp")} checked={marketing} onChange={setMarketing} />
                  <input type="hidden" name="marketing" value={marketing ? "on" : "off"} />
                  <ChoiceList allowMultiple title={t("followups.channelsLabel")} choices={CHANNELS.map((c) => ({ label: t(`followups.channel.${c}` as MessageKey), value: c }))} selected={channels} onChange={setChannels} error={err("channels")} />
                  {channels.map((c) => (
                    <input key={c} type="hidden" name="channels" value={c} />
                  ))}
                </FormLayout>
              </Card>
              {channels.map((c) => (
                <Card key={c}>
                  <BlockStack gap="300">
                    <Text as="h2" variant="headingMd">
                      {t(`followups.channel.${c}` as MessageKey)}
                    </Text>
                    {err(`${c}.body`) && <Text as="p" tone="critical">{err(`${c}.body`)}</Text>}
                    {LOCALES.map((l) => (
                      <FormLayout key={l}>
                        {c === "email" && <TextField label={t("followups.subject", { locale: l })} name={`${c}.${l}.subject`} value={texts[`${c}.${l}.subject`]} onChange={(v) => setTexts((x) => ({ ...x, [`${c}.${l}.subject`]: v }))} autoComplete="off" error={err(`${c}.${l}.subject`)} />}
                        <TextField label={t("followups.body", { locale: l })} name={`${c}.${l}.body`} value={texts[`${c}.${l}.body`]} onChange={(v) => setTexts((x) => ({ ...x, [`${c}.${l}.body`]: v }))} autoComplete="off" multiline={c === "email" ? 6 : 3} monospaced error={err(`${c}.${l}.body`)} />
                      </FormLayout>
                    ))}
                  </BlockStack>
                </Card>
              ))}
              <Text as="p" tone="subdued">
                {t("followups.variables", { list: VARIABLES.map((v) => `{{ ${v} }}`).join(" ") })}
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
                  {preview.order ? t("followups.previewWith", { order: preview.order.name }) : t("followups.previewNoOrder")}
                </Text>
                {preview.messages.map((m) => (
                  <Box key={`${m.channel}-${m.locale}`} borderWidth="025" borderColor="border" borderRadius="200" padding="200">
                    <BlockStack gap="100">
                      <Text as="p" variant="bodySm" tone="subdued">
                        {t(`followups.channel.${m.channel}` as MessageKey)} · {m.locale}
                      </Text>
                      {m.subject && (
                        <Text as="p" fontWeight="semibold">
                          {m.subject}
                        </Text>
                      )}
                      {m.channel === "email" ? <iframe title={`${m.channel}-${m.locale}`} sandbox="" srcDoc={m.body} style={{ width: "100%", minHeight: 160, border: 0 }} /> : <pre style={{ whiteSpace: "pre-wrap", margin: 0, font: "inherit" }}>{m.body}</pre>}
                    </BlockStack>
                  </Box>
                ))}
              </BlockStack>
            </Card>
            <Card>
              <test.Form method="post">
                <BlockStack gap="200">
                  <input type="hidden" name="intent" value="test" />
                  <TextField label={t("followups.testTo")} name="to" type="email" value={to} onChange={setTo} autoComplete="email" error={testError ? (["email", "no-smtp", "no-template"].includes(testError.message) ? t(`followups.error.${testError.message}` as MessageKey) : testError.message) : undefined} />
                  <Button submit loading={test.state !== "idle"}>
                    {t("followups.testSend")}
                  </Button>
                  {test.data?.sent && <Text as="p" tone="success">{t("followups.testSent", { to: test.data.sent })}</Text>}
                </BlockStack>
              </test.Form>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
