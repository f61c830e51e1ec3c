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
import { env } from "../env.server";
import { authenticate } from "../shopify.server";
import { saveChannelSettings } from "../followups/admin.server";
import { describeChannelSettingsError } from "../followups/channel-settings";
import { useT } from "../i18n/useT";

/** How messages leave: SMTP, LINE, Twilio, and quiet hours. Secrets are never sent back to the page. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const s = await prisma.channelSettings.findUnique({
    where: { shop: session.shop },
  });
  return json({
    smtpHost: s?.smtpHost ?? "",
    smtpPort: s?.smtpPort ? String(s.smtpPort) : "",
    smtpUser: s?.smtpUser ?? "",
    smtpSecure: s?.smtpSecure ?? false,
    emailFrom: s?.emailFrom ?? "",
    twilioSid: s?.twilioSid ?? "",
    twilioFrom: s?.twilioFrom ?? "",
    quietStart: String(s?.quietStart ?? 21),
    quietEnd: String(s?.quietEnd ?? 9),
    has: {
      smtpPass: Boolean(s?.smtpPass),
      lineToken: Boolean(s?.lineToken),
      twilioToken: Boolean(s?.twilioToken),
    },
    defaultSmtp: Boolean(env().FOLLOWUP_SMTP_URL),
  });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries(
    [...(await request.formData())].map(([k, v]) => [k, String(v)]),
  );
  const errors = await saveChannelSettings(
    prisma,
    session.shop,
    form,
    env().SHOPIFY_API_SECRET,
  );
  if (errors) return json({ errors, saved: false }, { status: 422 });
  return json({ errors: {} as Record<string, string>, saved: true });
};

export default function ChannelSettingsPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const t = useT();
  const [v, setV] = useState<Record<string, string>>({
    smtpHost: d.smtpHost,
    smtpPort: d.smtpPort,
    smtpUser: d.smtpUser,
    smtpPass: "",
    emailFrom: d.emailFrom,
    lineToken: "",
    twilioSid: d.twilioSid,
    twilioToken: "",
    twilioFrom: d.twilioFrom,
    quietStart: d.quietStart,
    quietEnd: d.quietEnd,
  });
  const [secure, setSecure] = useState(d.smtpSecure);
  const errors = result?.errors ?? {};
  const field = (
    name: string,
    label: string,
    opts: {
      type?: "text" | "password" | "email";
      numeric?: boolean;
      help?: string;
    } = {},
  ) => (
    <TextField
      label={label}
      name={name}
      type={opts.type ?? "text"}
      inputMode={opts.numeric ? "numeric" : undefined}
      value={v[name]}
      onChange={(x) => setV((all) => ({ ...all, [name]: x }))}
      autoComplete="off"
      helpText={opts.help}
      error={
        errors[name] ? describeChannelSettingsError(t, errors[name]) : undefined
      }
    />
  );
  const kept = t("followups.settings.secretKept");
  return (
    <Page
      title={t("followups.channelSettings")}
      backAction={{ content: t("followups.title"), url: "/app/followups" }}
    >
      <TitleBar title={t("followups.channelSettings")} />
      {/* The server checks every field and says what is wrong in the admin's language; the
          browser's own bubbles (in its language, one field at a time) are turned off. */}
      <Form method="post" noValidate>
        <Layout>
          {Object.keys(errors).length > 0 && (
            <Layout.Section>
              <Banner tone="critical">{t("followups.formErrors")}</Banner>
            </Layout.Section>
          )}
          {result?.saved && (
            <Layout.Section>
              <Banner tone="success">{t("followups.settings.saved")}</Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <BlockStack gap="400">
              <Card>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    {t("followups.channel.email")}
                  </Text>
                  {d.defaultSmtp && !d.smtpHost && (
                    <Text as="p" tone="subdued">
                      {t("followups.settings.defaultSmtp")}
                    </Text>
                  )}
                  <FormLayout.Group>
                    {field("smtpHost", t("followups.settings.smtpHost"))}
                    {field("smtpPort", t("followups.settings.smtpPort"), {
                      numeric: true,
                    })}
                  </FormLayout.Group>
                  <FormLayout.Group>
                    {field("smtpUser", t("followups.settings.smtpUser"))}
                    {field("smtpPass", t("followups.settings.smtpPass"), {
                      type: "password",
                      help: d.has.smtpPass ? kept : undefined,
                    })}
                  </FormLayout.Group>
                  <FormCheckbox
                    label={t("followups.settings.smtpSecure")}
                    checked={secure}
                    onChange={setSecure}
                    name="smtpSecure"
                  />
                  {field("emailFrom", t("followups.settings.emailFrom"), {
                    type: "email",
                  })}
                </FormLayout>
              </Card>
              <Card>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    {t("followups.settings.lineTitle")}
                  </Text>
                  {field("lineToken", t("followups.settings.lineToken"), {
                    type: "password",
                    help: d.has.lineToken
                      ? kept
                      : t("followups.settings.lineHelp"),
                  })}
                </FormLayout>
              </Card>
              <Card>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    {t("followups.settings.smsTitle")}
                  </Text>
                  <FormLayout.Group>
                    {field("twilioSid", t("followups.settings.twilioSid"))}
                    {field("twilioToken", t("followups.settings.twilioToken"), {
                      type: "password",
                      help: d.has.twilioToken ? kept : undefined,
                    })}
                  </FormLayout.Group>
                  {field("twilioFrom", t("followups.settings.twilioFrom"), {
                    help: t("followups.settings.twilioFromHelp"),
                  })}
                </FormLayout>
              </Card>
              <Card>
                <FormLayout>
                  <Text as="h2" variant="headingMd">
                    {t("followups.settings.quiet")}
                  </Text>
                  <FormLayout.Group>
                    {field("quietStart", t("followups.settings.quietStart"), {
                      numeric: true,
                    })}
                    {field("quietEnd", t("followups.settings.quietEnd"), {
                      numeric: true,
                    })}
                  </FormLayout.Group>
                  <Text as="p" tone="subdued">
                    {t("followups.settings.quietHelp")}
                  </Text>
                </FormLayout>
              </Card>
              <InlineStack align="end">
                <Button submit variant="primary" loading={saving}>
                  {t("followups.save")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
