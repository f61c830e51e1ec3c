import {
  BlockStack,
  Button,
  Card,
  FormLayout,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { languageName, type Locale, type MessageKey } from "../i18n/i18n";
import { LOCALES } from "../followups/flow-form";

/** One step of a follow-up flow in the editor: its wait and its message per channel and language. */
export interface StepDraft {
  /** React key: stable while editing, also for new steps without an id yet. */
  key: string;
  id: string;
  delayDays: string;
  texts: Record<string, string>;
}

interface Props {
  index: number;
  count: number;
  step: StepDraft;
  channels: string[];
  stats: string | null;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** The admin's language, in which each message's language is named: 「件名(日本語)」, "Subject (English)". */
  adminLocale: Locale;
  err: (field: string) => string | undefined;
  onChange: (step: StepDraft) => void;
  onRemove: () => void;
  onMoveUp: () => void;
}

export function FlowStepCard({
  index,
  count,
  step,
  channels,
  stats,
  t,
  adminLocale,
  err,
  onChange,
  onRemove,
  onMoveUp,
}: Props) {
  const f = `steps.${index}`;
  const text = (name: string) => step.texts[name] ?? "";
  const setText = (name: string, value: string) =>
    onChange({ ...step, texts: { ...step.texts, [name]: value } });
  return (
    <Card>
      <BlockStack gap="300">
        <input type="hidden" name="step" value={step.id} />
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("followups.step", { n: index + 1 })}
          </Text>
          <InlineStack gap="200">
            {index > 0 && (
              <Button variant="plain" onClick={onMoveUp}>
                {t("followups.moveUp")}
              </Button>
            )}
            {count > 1 && (
              <Button variant="plain" tone="critical" onClick={onRemove}>
                {t("followups.removeStep")}
              </Button>
            )}
          </InlineStack>
        </InlineStack>
        {stats && (
          <Text as="p" tone="subdued" variant="bodySm">
            {t("followups.stepStats", { stats })}
          </Text>
        )}
        <TextField
          label={
            index === 0
              ? t("followups.stepDelayFirst")
              : t("followups.stepDelayNext")
          }
          name={`${f}.delayDays`}
          inputMode="decimal"
          value={step.delayDays}
          onChange={(v) => onChange({ ...step, delayDays: v })}
          autoComplete="off"
          error={err(`${f}.delayDays`)}
        />
        {channels.map((c) => (
          <BlockStack key={c} gap="200">
            <Text as="h3" variant="headingSm">
              {t(`followups.channel.${c}` as MessageKey)}
            </Text>
            {err(`${f}.${c}.body`) && (
              <Text as="p" tone="critical">
                {err(`${f}.${c}.body`)}
              </Text>
            )}
            {LOCALES.map((l) => (
              <FormLayout key={l}>
                {c === "email" && (
                  <TextField
                    label={t("followups.subject", {
                      locale: languageName(l, adminLocale),
                    })}
                    name={`${f}.${c}.${l}.subject`}
                    value={text(`${c}.${l}.subject`)}
                    onChange={(v) => setText(`${c}.${l}.subject`, v)}
                    autoComplete="off"
                    error={err(`${f}.${c}.${l}.subject`)}
                  />
                )}
                <TextField
                  label={t("followups.body", {
                    locale: languageName(l, adminLocale),
                  })}
                  name={`${f}.${c}.${l}.body`}
                  value={text(`${c}.${l}.body`)}
                  onChange={(v) => setText(`${c}.${l}.body`, v)}
                  autoComplete="off"
                  multiline={c === "email" ? 6 : 3}
                  monospaced
                  error={err(`${f}.${c}.${l}.body`)}
                />
              </FormLayout>
            ))}
          </BlockStack>
        ))}
      </BlockStack>
    </Card>
  );
}
