import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  TextField,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { useEffect, useState } from "react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { getFaqSettings, saveFaqSettings } from "../faq/entries.server";
import { validateFaqSettings } from "../faq/settings";
import { requestPublish } from "../faq/publish.server";
import { useT } from "../i18n/useT";
import type { MessageKey } from "../i18n/i18n";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { synonyms, contactUrl } = await getFaqSettings(prisma, session.shop);
  return json({ synonyms, contactUrl });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const parsed = validateFaqSettings({
    synonyms: String(form.get("synonyms") ?? ""),
    contactUrl: String(form.get("contactUrl") ?? ""),
  });
  if (!parsed.ok)
    return json(
      { ok: false, errors: parsed.errors as Record<string, string> },
      { status: 422 },
    );
  await saveFaqSettings(prisma, session.shop, parsed.value);
  await requestPublish(prisma, session.shop);
  return json({ ok: true, errors: {} as Record<string, string> });
};

export default function FaqSettings() {
  const initial = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? {}) as Record<string, MessageKey>;
  const navigation = useNavigation();
  const t = useT();
  const [synonyms, setSynonyms] = useState(initial.synonyms);
  const [contactUrl, setContactUrl] = useState(initial.contactUrl);
  useEffect(() => {
    if (result?.ok) window.shopify?.toast.show(t("faq.settingsSaved"));
  }, [result, t]);
  return (
    <Page
      title={t("faq.settingsTitle")}
      backAction={{ content: t("faq.title"), url: "/app/faq" }}
    >
      <TitleBar title={t("faq.settingsTitle")} />
      <Layout>
        <Layout.Section>
          <Form method="post">
            <BlockStack gap="400">
              <Card>
                <FormLayout>
                  <TextField
                    label={t("faq.settingsSynonyms")}
                    name="synonyms"
                    value={synonyms}
                    onChange={setSynonyms}
                    multiline={8}
                    autoComplete="off"
                    helpText={t("faq.settingsSynonymsHelp")}
                    error={errors.synonyms ? t(errors.synonyms) : undefined}
                  />
                  <TextField
                    label={t("faq.settingsContact")}
                    name="contactUrl"
                    type="url"
                    value={contactUrl}
                    onChange={setContactUrl}
                    autoComplete="off"
                    helpText={t("faq.settingsContactHelp")}
                    error={errors.contactUrl ? t(errors.contactUrl) : undefined}
                  />
                </FormLayout>
              </Card>
              <InlineStack align="end">
                <Button
                  submit
                  variant="primary"
                  loading={navigation.state === "submitting"}
                >
                  {t("common.save")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Form>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
