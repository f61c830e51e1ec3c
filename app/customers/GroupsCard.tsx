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
  useBreakpoints,
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
import styles from "./GroupsCard.module.css";

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
  const { smDown } = useBreakpoints();
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
            // On a phone the four columns ran off the screen: there each group is one row with
            // its count, segment and members link stacked under the name.
            condensed={smDown}
            itemCount={GROUP_KEYS.length}
            resourceName={{
              singular: t("groups.resource.singular"),
              plural: t("groups.resource.plural"),
            }}
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
              const segment =
                "unsupported" in q ? (
                  <Text as="span" tone="subdued">
                    {t(q.unsupported)}
                  </Text>
                ) : link?.error ? (
                  <Badge tone="critical">{link.error}</Badge>
                ) : link?.segmentId ? (
                  <Badge tone="success">{t("groups.segmentOk")}</Badge>
                ) : (
                  <Badge>{t("groups.segmentNone")}</Badge>
                );
              const members = (
                <Link to={`/app/customers/groups/${g}`}>
                  {t("groups.members")}
                </Link>
              );
              const count = (
                <Text as="span" alignment="end" numeric>
                  {number.format(counts[g])}
                </Text>
              );
              const name = (
                <Text as="span" fontWeight="semibold">
                  {label(g)}
                </Text>
              );
              return (
                <IndexTable.Row id={g} key={g} position={i}>
                  {smDown ? (
                    <IndexTable.Cell className={styles.stackedCell}>
                      <BlockStack gap="100">
                        <InlineStack
                          align="space-between"
                          blockAlign="center"
                          gap="200"
                          wrap={false}
                        >
                          {name}
                          {count}
                        </InlineStack>
                        <InlineStack
                          align="space-between"
                          blockAlign="center"
                          gap="200"
                        >
                          {segment}
                          {members}
                        </InlineStack>
                      </BlockStack>
                    </IndexTable.Cell>
                  ) : (
                    <>
                      <IndexTable.Cell>{name}</IndexTable.Cell>
                      <IndexTable.Cell>{count}</IndexTable.Cell>
                      <IndexTable.Cell>{segment}</IndexTable.Cell>
                      <IndexTable.Cell>{members}</IndexTable.Cell>
                    </>
                  )}
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
