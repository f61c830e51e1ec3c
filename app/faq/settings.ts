import { isStorePath } from "../security/store-path";
/** The shop's FAQ search settings: synonym groups (one per line) and where "contact us" goes. */
export interface FaqSettingsInput {
  synonyms: string;
  contactUrl: string;
}

export function parseSynonyms(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .map((line) => [
      ...new Set(
        line
          .split(/[,、，]/)
          .map((w) => w.trim())
          .filter(Boolean),
      ),
    ])
    .filter((group) => group.length >= 2);
}

export function validateFaqSettings(input: FaqSettingsInput):
  | { ok: true; value: FaqSettingsInput }
  | {
      ok: false;
      errors: Partial<
        Record<
          keyof FaqSettingsInput,
          "faq.error.synonyms" | "faq.error.contactUrl"
        >
      >;
    } {
  const errors: Partial<
    Record<
      keyof FaqSettingsInput,
      "faq.error.synonyms" | "faq.error.contactUrl"
    >
  > = {};
  const lines = input.synonyms.split(/\r?\n/);
  if (
    input.synonyms.length > 50_000 ||
    lines.length > 500 ||
    lines.some((l) => l.split(/[,、，]/).length > 20 || l.length > 500)
  )
    errors.synonyms = "faq.error.synonyms";
  const contactUrl = input.contactUrl.trim();
  if (contactUrl && !isHttpsUrlOrPath(contactUrl))
    errors.contactUrl = "faq.error.contactUrl";
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      synonyms: parseSynonyms(input.synonyms)
        .map((g) => g.join(", "))
        .join("\n"),
      contactUrl,
    },
  };
}

/** A storefront link: an absolute https URL or a path on the shop ("/pages/contact"). */
function isHttpsUrlOrPath(value: string): boolean {
  if (value.startsWith("/")) return isStorePath(value);
  try {
    const url = new URL(value);
    return url.protocol === "https:" && value.length <= 500;
  } catch {
    return false;
  }
}
