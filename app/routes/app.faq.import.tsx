import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useReducer, useState } from "react";
import {
  Form,
  useActionData,
  useNavigation,
  useSubmit,
} from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  DropZone,
  InlineError,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { decodeCsv } from "../csv/csv";
import { parseFaqCsv, type BadRow } from "../faq/csv-import";
import { importEntries } from "../faq/entries.server";
import { requestPublish } from "../faq/publish.server";
import { importView, startImportView } from "../faq/import-view";
import { useT } from "../i18n/useT";
import type { MessageKey } from "../i18n/i18n";

const MAX_BYTES = 2_000_000;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

type ActionData =
  | { step: "error"; error: MessageKey }
  | { step: "review"; csv: string; rows: number; good: number; bad: BadRow[] }
  | { step: "done"; created: number; updated: number; bad: BadRow[] };

/**
 * Two steps: "check" parses the file and, when every row is good, imports it at once; when some
 * rows are bad it shows them and imports the good ones only after the merchant confirms.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  const intent = form.get("intent");
  let csv: string;
  if (intent === "confirm") {
    csv = String(form.get("csv") ?? "");
  } else {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      return json<ActionData>(
        { step: "error", error: "faq.importFileRequired" },
        { status: 422 },
      );
    if (file.size > MAX_BYTES)
      return json<ActionData>(
        { step: "error", error: "faq.importFileTooLarge" },
        { status: 413 },
      );
    const text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
    if (text === null)
      return json<ActionData>(
        { step: "error", error: "faq.importEncoding" },
        { status: 422 },
      );
    csv = text;
  }
  if (csv.length > MAX_BYTES)
    return json<ActionData>(
      { step: "error", error: "faq.importFileTooLarge" },
      { status: 413 },
    );
  const parsed = parseFaqCsv(csv);
  if (parsed.entries.length === 0)
    return json<ActionData>(
      { step: "review", csv: "", rows: parsed.rows, good: 0, bad: parsed.bad },
      { status: 422 },
    );
  if (parsed.bad.length > 0 && intent !== "confirm")
    return json<ActionData>({
      step: "review",
      csv,
      rows: parsed.rows,
      good: parsed.goodRows,
      bad: parsed.bad,
    });
  const result = await importEntries(
    prisma,
    session.shop,
    parsed.entries,
    parsed.columns,
  );
  await requestPublish(prisma, session.shop);
  return json<ActionData>({ step: "done", ...result, bad: parsed.bad });
};

export default function FaqImport() {
  const answer = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const t = useT();
  const busy = navigation.state === "submitting";
  const submit = useSubmit();
  const [view, dispatch] = useReducer(
    importView<ActionData>,
    answer,
    startImportView,
  );
  // A new answer is taken in during the render that brings it (app/faq/import-view.ts).
  if (answer !== view.seen) dispatch({ type: "answer", answer });
  const { file, shown: data } = view;
  const [rejected, setRejected] = useState(false);
  const badTable = (bad: BadRow[]) => (
    <DataTable
      columnContentTypes={["text", "text"]}
      headings={[t("faq.importLineHeader"), t("faq.importReason")]}
      rows={bad.slice(0, 200).map((b) => [
        t("faq.importLine", { row: b.row }),
        t(b.reason as MessageKey, {
          field: b.field ?? "",
          code: b.value ?? "",
        }),
      ])}
    />
  );
  return (
    <Page
      title={t("faq.importTitle")}
      backAction={{ content: t("faq.title"), url: "/app/faq" }}
    >
      <TitleBar title={t("faq.importTitle")} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {data?.step === "error" && (
              <Banner tone="critical">{t(data.error)}</Banner>
            )}
            {data?.step === "done" && (
              <Banner
                tone={data.bad.length ? "warning" : "success"}
                title={t("faq.importDone", {
                  created: data.created,
                  updated: data.updated,
                })}
                action={{ content: t("faq.title"), url: "/app/faq" }}
              >
                {data.bad.length > 0 &&
                  t("faq.importSkipped", { count: data.bad.length })}
              </Banner>
            )}
            <Card>
              <BlockStack gap="300">
                <Text as="p">{t("faq.importHelp")}</Text>
                <DropZone
                  id="faq-import-file"
                  label={t("faq.importFile")}
                  accept=".csv,text/csv"
                  type="file"
                  allowMultiple={false}
                  error={rejected}
                  errorOverlayText={t("faq.importFileRequired")}
                  onDrop={(_all, accepted) => {
                    dispatch({ type: "pick", file: accepted[0] ?? null });
                    setRejected(accepted.length === 0);
                  }}
                >
                  {file ? (
                    <Box padding="400">
                      <BlockStack gap="100" inlineAlign="center">
                        <Text as="p" fontWeight="semibold">
                          {file.name}
                        </Text>
                        <Text as="p" tone="subdued">
                          {t("faq.importSize", {
                            size: Math.max(1, Math.round(file.size / 1024)),
                          })}
                        </Text>
                      </BlockStack>
                    </Box>
                  ) : (
                    <DropZone.FileUpload />
                  )}
                </DropZone>
                {rejected && (
                  <InlineError
                    message={t("faq.importFileRequired")}
                    fieldID="faq-import-file"
                  />
                )}
                <InlineStack>
                  <Button
                    loading={busy}
                    disabled={!file}
                    onClick={() => {
                      if (!file) return;
                      const form = new FormData();
                      form.set("intent", "check");
                      form.set("file", file);
                      submit(form, {
                        method: "post",
                        encType: "multipart/form-data",
                      });
                    }}
                  >
                    {t("faq.importCheck")}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Card>
            {data?.step === "review" && (
              <Card>
                <BlockStack gap="300">
                  <Text as="p" variant="headingSm">
                    {data.good > 0
                      ? t("faq.importSummary", {
                          good: data.good,
                          rows: data.rows,
                        })
                      : t("faq.importNothing")}
                  </Text>
                  <Text as="h3" variant="headingSm">
                    {t("faq.importBadRows")}
                  </Text>
                  {badTable(data.bad)}
                  {data.good > 0 && (
                    <Form method="post">
                      <input type="hidden" name="csv" value={data.csv} />
                      <input type="hidden" name="intent" value="confirm" />
                      <Button submit variant="primary" loading={busy}>
                        {t("faq.importConfirm", { count: data.good })}
                      </Button>
                    </Form>
                  )}
                </BlockStack>
              </Card>
            )}
            {/* The rows left out stay in sight, named as not imported: bare, they read as imported. */}
            {data?.step === "done" && data.bad.length > 0 && (
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingSm">
                    {t("faq.importNotImported")}
                  </Text>
                  {badTable(data.bad)}
                </BlockStack>
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
