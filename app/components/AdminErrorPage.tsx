import { BlockStack, Button, Card, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { useLocation } from "@remix-run/react";
import { useT } from "../i18n/useT";
import { errorPageContent } from "./error-page";

/** A route's error inside the admin frame: what happened, in the merchant's language, and a way back. */
export function AdminErrorPage({ error }: { error: unknown }) {
  const t = useT();
  const { pathname } = useLocation();
  const page = errorPageContent(error, pathname);
  const back = t("error.backTo", { page: t(page.back.page) });
  return (
    <Page
      title={t(page.title)}
      backAction={{ content: back, url: page.back.url }}
    >
      <TitleBar title={t(page.title)} />
      <Card>
        <BlockStack gap="300">
          <Text as="p">{t(page.message)}</Text>
          <div>
            <Button url={page.back.url}>{back}</Button>
          </div>
        </BlockStack>
      </Card>
    </Page>
  );
}
