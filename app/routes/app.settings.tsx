import { describeTask, describeTaskError } from "../settings/jobs";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  BlockStack,
  Button,
  Card,
  DataTable,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { useEffect } from "react";
import { z } from "zod";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { getShopSettings } from "../shops/shops.server";
import { listDataRequests, listDeadJobs } from "../settings/settings.server";
import { retryDeadJob } from "../jobs/queue.server";
import { useLocale, useT, useShopFormats } from "../i18n/useT";
import { DownloadButton } from "../components/DownloadButton";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [shop, dataRequests, deadJobs] = await Promise.all([
    getShopSettings(prisma, session.shop),
    listDataRequests(prisma, session.shop),
    listDeadJobs(prisma, session.shop),
  ]);
  return json({ shop, dataRequests, deadJobs });
};

const retrySchema = z.object({
  intent: z.literal("retry-job"),
  jobId: z.string().min(1).max(64),
});

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = retrySchema.safeParse(
    Object.fromEntries(await request.formData()),
  );
  if (!parsed.success)
    return json(
      { ok: false, errors: parsed.error.flatten().fieldErrors },
      { status: 422 },
    );
  const ok = await retryDeadJob(prisma, session.shop, parsed.data.jobId);
  return json(
    ok
      ? { ok: true, errors: {} }
      : { ok: false, errors: { jobId: ["not found"] } },
    { status: ok ? 200 : 404 },
  );
};

export default function Settings() {
  const { shop, dataRequests, deadJobs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const dateTime = new Intl.DateTimeFormat(useLocale(), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: useShopFormats().timeZone,
  });
  useEffect(() => {
    if (result?.ok) window.shopify?.toast.show(t("settings.retried"));
  }, [result, t]);
  return (
    <Page title={t("settings.title")}>
      <TitleBar title={t("settings.title")} />
      <Layout>
        <Layout.AnnotatedSection title={t("settings.shop")}>
          <Card>
            <BlockStack gap="200">
              <Text as="p">{`${t("settings.shopName")}: ${shop?.name ?? "—"}`}</Text>
              <Text as="p">{`${t("settings.timezone")}: ${shop?.timezone ?? "—"}`}</Text>
              <Text as="p">{`${t("settings.currency")}: ${shop?.currency ?? "—"}`}</Text>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title={t("settings.privacy")}
          description={t("settings.privacyHelp")}
        >
          <Card>
            {dataRequests.length === 0 ? (
              <Text as="p">{t("settings.privacyEmpty")}</Text>
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "text"]}
                headings={[
                  t("settings.requestedAt"),
                  t("settings.customer"),
                  "",
                ]}
                rows={dataRequests.map((r) => [
                  dateTime.format(new Date(r.createdAt)),
                  <BlockStack key={r.id} gap="050">
                    <Text as="span">
                      {[r.name, r.email].filter(Boolean).join(" · ") ||
                        t("settings.customerUnknown")}
                    </Text>
                    <Text as="span" tone="subdued" variant="bodySm">
                      {t("settings.customerId", { id: r.customerId })}
                    </Text>
                  </BlockStack>,
                  <DownloadButton
                    key={r.id}
                    href={`/app/data-requests/${r.id}`}
                    filename={`tsunagu-customer-${r.customerId}.json`}
                  >
                    {t("settings.download")}
                  </DownloadButton>,
                ])}
              />
            )}
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          title={t("settings.jobs")}
          description={t("settings.jobsHelp")}
        >
          <Card>
            {deadJobs.length === 0 ? (
              <Text as="p">{t("settings.jobsEmpty")}</Text>
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "text", "text"]}
                headings={[
                  t("settings.jobs"),
                  t("settings.failedAt"),
                  t("settings.error"),
                  "",
                ]}
                rows={deadJobs.map((j) => [
                  describeTask(t, j.type),
                  dateTime.format(new Date(j.updatedAt)),
                  describeTaskError(t, j.lastError ?? ""),
                  <Form method="post" key={j.id}>
                    <input type="hidden" name="intent" value="retry-job" />
                    <input type="hidden" name="jobId" value={j.id} />
                    <Button submit>{t("settings.retry")}</Button>
                  </Form>,
                ])}
              />
            )}
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
