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
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useState } from "react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { listCycles, saveCycles } from "../followups/cycles.server";
import { parseCycles } from "../followups/cycles";
import { useT } from "../i18n/useT";
import { pickProducts } from "../components/product-picker";

/** How long one purchase of each consumable lasts: the replenishment reminder's timing. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json({ cycles: await listCycles(prisma, session.shop) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const parsed = parseCycles(String(form.get("cycles") ?? ""));
  if (!parsed.ok)
    return json({ errors: parsed.errors, saved: false }, { status: 422 });
  await saveCycles(prisma, session.shop, parsed.value);
  return json({ errors: {} as Record<string, string>, saved: true });
};

export default function CyclesPage() {
  const { cycles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const shopify = useAppBridge();
  const t = useT();
  const [rows, setRows] = useState(
    cycles.map((c) => ({
      productId: c.productId,
      title: c.title,
      days: String(c.days),
    })),
  );
  const errors: Record<string, string> = result?.errors ?? {};
  const rowError = (productId: string) =>
    errors[productId] === "required"
      ? t("followups.cycles.error.required")
      : errors[productId]
        ? t("followups.cycles.error.days")
        : undefined;
  const rowErrors = rows.some((r) => errors[r.productId]);
  const add = async () => {
    const picked = await pickProducts(shopify, [], "add");
    if (!picked) return;
    setRows((all) => {
      const have = new Set(all.map((r) => r.productId));
      const added = picked
        .map((p) => ({ productId: p.id, title: p.title, days: "30" }))
        .filter((r) => !have.has(r.productId));
      return [...all, ...added];
    });
  };
  return (
    <Page
      title={t("followups.cycles.title")}
      backAction={{ content: t("followups.title"), url: "/app/followups" }}
    >
      <TitleBar title={t("followups.cycles.title")} />
      {/* The server checks each row's days and answers beside that row in the admin's language;
          a number input's min/max would stop the form first with the browser's own bubble. */}
      <Form method="post" noValidate>
        <input type="hidden" name="cycles" value={JSON.stringify(rows)} />
        <Layout>
          {result?.saved && (
            <Layout.Section>
              <Banner tone="success">{t("followups.cycles.saved")}</Banner>
            </Layout.Section>
          )}
          {rowErrors && (
            <Layout.Section>
              <Banner tone="critical">{t("followups.formErrors")}</Banner>
            </Layout.Section>
          )}
          {errors.form && (
            <Layout.Section>
              <Banner tone="critical">
                {errors.form === "tooMany"
                  ? t("followups.cycles.error.tooMany")
                  : t("followups.cycles.error.invalid")}
              </Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <Card>
              <BlockStack gap="400">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="p" tone="subdued">
                    {t("followups.cycles.help")}
                  </Text>
                  <Button onClick={add}>{t("followups.cycles.add")}</Button>
                </InlineStack>
                {rows.length === 0 && (
                  <Text as="p">{t("followups.cycles.empty")}</Text>
                )}
                {rows.map((r, i) => (
                  <InlineStack
                    key={r.productId}
                    gap="400"
                    blockAlign="center"
                    wrap={false}
                  >
                    <div style={{ flex: 1 }}>
                      <Text as="span">{r.title}</Text>
                    </div>
                    {/* Wide enough for the error under the field on one line ("1〜365の整数で入力してください"),
                        and never more than half a phone's width. */}
                    <div style={{ width: "min(250px, 45vw)" }}>
                      <TextField
                        label={`${t("followups.cycles.days")}: ${r.title}`}
                        labelHidden
                        inputMode="numeric"
                        suffix={t("followups.cycles.daysSuffix")}
                        value={r.days}
                        onChange={(v) =>
                          setRows((all) =>
                            all.map((x, j) =>
                              j === i ? { ...x, days: v } : x,
                            ),
                          )
                        }
                        autoComplete="off"
                        error={rowError(r.productId)}
                      />
                    </div>
                    <Button
                      variant="plain"
                      tone="critical"
                      onClick={() =>
                        setRows((all) => all.filter((_, j) => j !== i))
                      }
                    >
                      {t("followups.cycles.remove")}
                    </Button>
                  </InlineStack>
                ))}
                <InlineStack align="end">
                  <Button submit variant="primary" loading={saving}>
                    {t("followups.cycles.save")}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
