import en from "./en.json";
import ja from "./ja.json";

/** Admin strings. Japanese first; every key exists in both languages (i18n.test.ts). */
export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof typeof en;

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ja };

/**
 * Shopify admin passes its language as `locale` ("ja", "en-US", "en-GB"...). Anything that is not
 * Japanese or English falls back to English, the admin's most common second language.
 */
export function resolveLocale(
  input: string | null | undefined,
  fallback: Locale = "ja",
): Locale {
  if (!input) return fallback;
  const primary = input.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary)
    ? (primary as Locale)
    : "en";
}

/**
 * A browser's Accept-Language ("ja,en-US;q=0.9,en;q=0.8"): the language it prefers most among
 * Japanese and English; English when it names only others; `fallback` when there is none.
 */
export function localeFromAcceptLanguage(
  header: string | null | undefined,
  fallback: Locale = "ja",
): Locale {
  const ranges = (header ?? "")
    .split(",")
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params
        .map((p) => p.trim().match(/^q=([\d.]+)$/i)?.[1])
        .find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((r) => r.tag && r.tag !== "*" && r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.order - b.order);
  if (!ranges.length) return fallback;
  for (const { tag } of ranges) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if ((LOCALES as readonly string[]).includes(primary))
      return primary as Locale;
  }
  return "en";
}

export type Translate = (
  key: MessageKey,
  vars?: Record<string, string | number>,
) => string;

// "{count, plural, one {# order} other {# orders}}": English needs the count's form, Japanese
// does not (its strings use the plain {count}). # is the value as given.
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  const rules = new Intl.PluralRules(locale);
  return (key, vars) => {
    const template = catalog[key] ?? catalogs.en[key] ?? key;
    return vars
      ? template
          .replace(PLURAL, (m, name: string, one: string, other: string) => {
            if (!(name in vars)) return m;
            const value = String(vars[name]);
            const n = Number(value.replace(/,/g, ""));
            return (rules.select(n) === "one" ? one : other).replace(
              /#/g,
              value,
            );
          })
          .replace(/\{(\w+)\}/g, (m, name: string) =>
            name in vars ? String(vars[name]) : m,
          )
      : template;
  };
}

/**
 * A shop language's name in the admin's language ("en" → 英語 / English, "pt-BR" → ポルトガル語
 * (ブラジル)); the code itself when the runtime does not know it.
 */
export function languageName(code: string, locale: Locale): string {
  try {
    return (
      new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code
    );
  } catch {
    return code;
  }
}

/** Languages as a sentence lists them: 日本語、英語 / Japanese and English. */
export function languageList(codes: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(
    codes.map((c) => languageName(c, locale)),
  );
}

export function messages(locale: Locale): Record<MessageKey, string> {
  return catalogs[locale];
}
