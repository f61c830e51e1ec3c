import { Form, Link, useNavigation } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  FormLayout,
  IndexTable,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import {
  GROUP_KEYS,
  TAG_MAX_LENGTH,
  segmentQuery,
  type GroupKey,
  type GroupSettings,
} from "./groups";
import { useLocale, useT } from "../i18n/useT";
import type { MessageKey } from "../i18n/i18n";

interface Props {
  settings: GroupSettings;
  counts: Record<GroupKey, number>;
  links: { group: string; segmentId: string | null; error: string | null }[];
  errors?: Partial<Record<keyof GroupSettings, string>>;
}

/** The five groups with live counts, their Shopify segments, and the form that defines them. */
export function GroupsCard({ settings, counts, links, errors }: Props) {
  const t = useT();
  const number = new Intl.NumberFormat(useLocale());
  const navigation = useNavigation();
  const busy = (intent: string) =>
    navigation.state !== "idle" &&
    navigation.formData?.get("intent") === intent;
  const [days, setDays] = useState(String(settings.dormantDays));
  const [points, setPoints] = useState(settings.pointsSource ?? "");
  const [tags, setTags] = useState(settings.engagedTags);
  // Field errors are message keys; the tag-length one names the limit.
  const fieldError = (key: string | undefined) =>
    key && t(key as MessageKey, { max: TAG_MAX_LENGTH });
  const label = (g: GroupKey) =>
    t(`groups.${g}` as MessageKey, { days: settings.dormantDays });
  return (
    <BlockStack gap="400">
      <Card padding="0">
        <BlockStack gap="0">
          <BlockStack gap="200">
            <div style={{ padding: "16px 16px 0" }}>
              <Text as="h2" variant="headingMd">
                {t("groups.title")}
              </Text>
              <Text as="p" tone="subdued">
                {t("groups.help")}
              </Text>
            </div>
          </BlockStack>
          <IndexTable
            itemCount={GROUP_KEYS.length}
            selectable={false}
            headings={[
              { title: t("groups.title") },
              { title: t("groups.members"), alignment: "end" },
              { title: t("groups.segment") },
              { title: "" },
            ]}
          >
            {GROUP_KEYS.map((g, i) => {
              const link = links.find((l) => l.group === g);
              const q = segmentQuery(g, settings);
              return (
                <IndexTable.Row id={g} key={g} position={i}>
                  <IndexTable.Cell>
                    <Text as="span" fontWeight="semibold">
                      {label(g)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {number.format(counts[g])}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    {"unsupported" in q ? (
                      <Text as="span" tone="subdued">
                        {t(q.unsupported)}
                      </Text>
                    ) : link?.error ? (
                      <Badge tone="critical">{link.error}</Badge>
                    ) : link?.segmentId ? (
                      <Badge tone="success">{t("groups.segmentOk")}</Badge>
                    ) : (
                      <Badge>{t("groups.segmentNone")}</Badge>
                    )}
                  </IndexTable.Cell>
                  <IndexTable.Cell>
                    <Link to={`/app/customers/groups/${g}`}>
                      {t("groups.members")}
                    </Link>
                  </IndexTable.Cell>
                </IndexTable.Row>
              );
            })}
          </IndexTable>
          <div style={{ padding: 16 }}>
            <Form method="post">
              <input type="hidden" name="intent" value="push-segments" />
              <Button submit loading={busy("push-segments")}>
                {t("groups.push")}
              </Button>
            </Form>
          </div>
        </BlockStack>
      </Card>
      <Card>
        <Form method="post">
          <input type="hidden" name="intent" value="save-groups" />
          <FormLayout>
            <Text as="h2" variant="headingMd">
              {t("groups.settings")}
            </Text>
            <TextField
              label={t("groups.dormantDays")}
              name="dormantDays"
              type="number"
              value={days}
              onChange={setDays}
              autoComplete="off"
              error={fieldError(errors?.dormantDays)}
            />
            <TextField
              id="points-source"
              label={t("groups.pointsSource")}
              name="pointsSource"
              value={points}
              onChange={setPoints}
              helpText={t("groups.pointsHelp")}
              autoComplete="off"
              error={fieldError(errors?.pointsSource)}
            />
            <TextField
              label={t("groups.engagedTags")}
              name="engagedTags"
              value={tags}
              onChange={setTags}
              autoComplete="off"
              error={fieldError(errors?.engagedTags)}
            />
            <InlineStack>
              <Button submit variant="primary" loading={busy("save-groups")}>
                {t("groups.save")}
              </Button>
            </InlineStack>
          </FormLayout>
        </Form>
      </Card>
    </BlockStack>
  );
}
