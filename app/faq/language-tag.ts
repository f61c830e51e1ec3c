/**
 * A language code as a merchant types it (in a CSV cell or the form's "add a language"), in the
 * BCP 47 casing Shopify names shop locales with: "JA" → "ja", "zh-tw" → "zh-TW", "pt-br" →
 * "pt-BR". Null for what is not a language: a malformed tag ("ja_JP"), or a well-formed one no
 * language has ("xx-yy"), which would otherwise publish a FAQ no storefront ever shows.
 */
const SHAPE = /^[a-z]{2,3}(?:-(?:[A-Z]{2}|[A-Z][a-z]{3}))?$/;

let names: {
  language: Intl.DisplayNames;
  region: Intl.DisplayNames;
  script: Intl.DisplayNames;
} | null = null;

export function languageTag(value: string): string | null {
  let tag: string | undefined;
  try {
    [tag] = Intl.getCanonicalLocales(value.trim());
  } catch {
    return null;
  }
  if (!tag || !SHAPE.test(tag)) return null;
  // fallback "none": a code ICU knows no name for comes back undefined.
  names ??= {
    language: new Intl.DisplayNames(["en"], {
      type: "language",
      fallback: "none",
    }),
    region: new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }),
    script: new Intl.DisplayNames(["en"], { type: "script", fallback: "none" }),
  };
  const [language, sub] = tag.split("-");
  if (!names.language.of(language)) return null;
  if (sub) {
    const known =
      sub.length === 2
        ? sub !== "ZZ" && names.region.of(sub)
        : names.script.of(sub);
    if (!known) return null;
  }
  return tag;
}

/**
 * Whether `value` is already written as languageTag writes it: a language the FAQ can hold, as
 * it came back from storage or the page ("ja", "zh-TW"), not merely shaped like one ("xx-yy",
 * "zh-tw"). Codes that travel as identifiers are compared, not rewritten.
 */
export function isLanguageTag(value: string): boolean {
  return languageTag(value) === value;
}
