import polarisEn from "@shopify/polaris/locales/en.json";
import polarisJa from "@shopify/polaris/locales/ja.json";
import type { Locale } from "./i18n";

/**
 * Polaris's own strings in the admin's language. Its Japanese counts read as machine
 * translation ("すべての3の送信履歴を選択する", "100中12の文字を使用"); these say them the way a
 * Japanese admin does, with 件 after the number. Tables name their rows with plain nouns
 * (送信履歴, アンケート) so each template reads naturally.
 */
const JA_COUNTS = {
  ResourceList: {
    allItemsSelected:
      "ストアにある{itemsLength}件以上の{resourceNamePlural}がすべて選択されています",
    selectAllItems:
      "ストアにある{itemsLength}件以上の{resourceNamePlural}をすべて選択する",
    a11yCheckboxDeselectAllMultiple:
      "{itemsLength}件の{resourceNamePlural}の選択をすべて解除する",
    a11yCheckboxSelectAllMultiple:
      "{itemsLength}件の{resourceNamePlural}をすべて選択する",
    allFilteredItemsSelected:
      "この絞り込みの{itemsLength}件の{resourceNamePlural}がすべて選択されています",
    selectAllFilteredItems:
      "この絞り込みの{itemsLength}件の{resourceNamePlural}をすべて選択する",
  },
  IndexProvider: {
    allItemsSelected:
      "{itemsLength}件以上の{resourceNamePlural}がすべて選択されています",
    a11yCheckboxDeselectAllMultiple:
      "{itemsLength}件の{resourceNamePlural}の選択をすべて解除する",
    a11yCheckboxSelectAllMultiple:
      "{itemsLength}件の{resourceNamePlural}をすべて選択する",
  },
  IndexTable: {
    selectAllItems: "{itemsLength}件以上の{resourceNamePlural}をすべて選択する",
  },
  TextField: {
    characterCountWithMaxLength: "{count}/{limit}文字",
  },
} as const;

type Strings = { [key: string]: string | Strings };

function merge(base: Strings, over: Strings): Strings {
  const out: Strings = { ...base };
  for (const [key, value] of Object.entries(over))
    out[key] =
      typeof value === "string"
        ? value
        : merge((base[key] as Strings | undefined) ?? {}, value);
  return out;
}

export function polarisTranslations(locale: Locale): Strings {
  return locale === "ja"
    ? merge(polarisJa, { Polaris: JA_COUNTS })
    : (polarisEn as Strings);
}
