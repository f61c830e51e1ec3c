import { BlockStack, Card, EmptyState, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import type { MessageKey } from "../i18n/i18n";
import { useT } from "../i18n/useT";
import { EMPTY_STATE_IMAGE } from "./empty-state-image";

/** Placeholder page for a section whose feature has not landed yet; the navigation is real. */
export function ComingSoon({
  title,
  description,
}: {
  title: MessageKey;
  description: MessageKey;
}) {
  const t = useT();
  return (
    <Page title={t(title)}>
      <TitleBar title={t(title)} />
      <Card>
        <EmptyState heading={t("comingSoon.title")} image={EMPTY_STATE_IMAGE}>
          <BlockStack gap="200">
            <Text as="p" variant="bodyMd">
              {t(description)}
            </Text>
          </BlockStack>
        </EmptyState>
      </Card>
    </Page>
  );
}
