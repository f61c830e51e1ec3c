import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import { Badge, Card, EmptyState, IndexTable, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import prisma from "../db.server";
import { authenticate } from "../shopify.server";
import { listTutorials } from "../tutorials/tutorials.server";
import { pickLocale } from "../tutorials/definition";
import { useLocale, useT } from "../i18n/useT";

/** The shop's tutorials: which products show which video or article. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json({ tutorials: await listTutorials(prisma, session.shop) });
};

/** "ドローン X +2": the first product or collection and how many more. */
const shownFor = (names: string[]) => (names.length > 1 ? `${names[0]} +${names.length - 1}` : (names[0] ?? "—"));

export default function TutorialsPage() {
  const { tutorials } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return (
    <Page title={t("tutorials.title")} subtitle={t("tutorials.subtitle")} primaryAction={{ content: t("tutorials.add"), url: "/app/tutorials/new" }}>
      <TitleBar title={t("tutorials.title")} />
      <Layout>
        <Layout.Section>
          <Card padding="0">
            {tutorials.length === 0 ? (
              <EmptyState heading={t("tutorials.empty.heading")} action={{ content: t("tutorials.add"), url: "/app/tutorials/new" }} image="">
                <p>{t("tutorials.empty.body")}</p>
              </EmptyState>
            ) : (
              <IndexTable
                itemCount={tutorials.length}
                selectable={false}
                headings={[{ title: t("tutorials.column.title") }, { title: t("tutorials.column.kind") }, { title: t("tutorials.column.languages") }, { title: t("tutorials.column.products") }, { title: t("tutorials.column.updated") }]}
              >
                {tutorials.map((x, i) => (
                  <IndexTable.Row id={x.id} key={x.id} position={i} onClick={() => navigate(`/app/tutorials/${x.id}`)}>
                    <IndexTable.Cell>
                      <Text as="span" fontWeight="semibold">
                        {pickLocale(x.locales, locale)?.title ?? "—"}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Badge tone={x.kind === "video" ? "info" : undefined}>{t(x.kind === "video" ? "tutorials.kind.video" : "tutorials.kind.article")}</Badge>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{Object.keys(x.locales).join(" · ")}</IndexTable.Cell>
                    <IndexTable.Cell>{shownFor(x.products.map((p) => p.title).concat(x.collections.map((c) => t("tutorials.collectionItem", { title: c.title }))))}</IndexTable.Cell>
                    <IndexTable.Cell>{date.format(new Date(x.updatedAt))}</IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
