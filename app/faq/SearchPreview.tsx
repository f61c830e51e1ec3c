import { useFetcher } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useLocale, useT } from "../i18n/useT";
import { languageName } from "../i18n/i18n";
import type { PreviewResult } from "./preview.server";
import { togetherText, whyText } from "./preview-why";

/** The merchant types a shopper's question and sees the shopper's ranking, with the reasons. */
export function SearchPreview() {
  const t = useT();
  const adminLocale = useLocale();
  const fetcher = useFetcher<PreviewResult>();
  const [query, setQuery] = useState("");
  const [locale, setLocale] = useState<string>(adminLocale);
  const { load } = fetcher;

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const timer = setTimeout(
      () => load(`/app/faq/preview?${new URLSearchParams({ q, locale })}`),
      250,
    );
    return () => clearTimeout(timer);
  }, [query, locale, load]);

  const data = query.trim() ? fetcher.data : undefined;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingSm">
          {t("faq.previewTitle")}
        </Text>
        <Text as="p" tone="subdued">
          {t("faq.previewHelp")}
        </Text>
        <TextField
          label={t("faq.previewQuery")}
          value={query}
          onChange={setQuery}
          autoComplete="off"
          // A shopper's question in the language previewed, typed as shoppers type.
          placeholder={locale === "ja" ? "送料いくら?" : "retrun policy"}
        />
        <Select
          label={t("faq.previewLocale")}
          options={[...new Set(["ja", "en", ...(data?.locales ?? [])])].map(
            (l) => ({
              label: languageName(l, adminLocale),
              value: l,
            }),
          )}
          value={locale}
          onChange={setLocale}
        />
        {data && data.hits.length === 0 && (
          <Text as="p" tone="caution">
            {t("faq.previewNone")}
          </Text>
        )}
        {data && data.hits.length > 0 && (
          <BlockStack gap="200">
            {data.weak && (
              <Text as="p" tone="caution">
                {t("faq.previewWeak")}
              </Text>
            )}
            <ol style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
              {data.hits.map((hit) => (
                <li key={hit.id} style={{ marginBottom: "0.5rem" }}>
                  <BlockStack gap="050">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="span" fontWeight="semibold">
                        {hit.question}
                      </Text>
                      {!hit.published && <Badge>{t("faq.statusDraft")}</Badge>}
                    </InlineStack>
                    <Text as="span" tone="subdued" variant="bodySm">
                      {[
                        t("faq.previewScore", { score: hit.score.toFixed(2) }),
                        hit.why.length
                          ? t("faq.previewWhy", {
                              terms: whyText(
                                hit.why,
                                adminLocale === "ja" ? "、" : ", ",
                              ),
                            })
                          : "",
                        hit.together.length
                          ? t("faq.previewTogether", {
                              pairs: togetherText(
                                hit.together,
                                adminLocale === "ja" ? "、" : ", ",
                              ),
                            })
                          : "",
                        hit.asked ? t("faq.previewAsked") : "",
                        hit.learned ? t("faq.previewLearned") : "",
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </Text>
                  </BlockStack>
                </li>
              ))}
            </ol>
          </BlockStack>
        )}
        <Text as="p" tone="subdued" variant="bodySm">
          {t("faq.previewDrafts")}
        </Text>
      </BlockStack>
    </Card>
  );
}
