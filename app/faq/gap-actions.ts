import { isLanguageTag, languageTag } from "./language-tag";

/**
 * The gap report's form: which group (its language and key, as the report grouped it) and what
 * to do with it. Anything else is a bad request and writes nothing.
 */
export type GapRequest =
  | { intent: "dismiss"; locale: string; key: string }
  | { intent: "attach"; locale: string; key: string; entryId: string };

export function parseGapAction(
  form: FormData,
): { ok: true; gap: GapRequest } | { ok: false } {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const intent = text("intent");
  const locale = text("locale");
  const key = text("key");
  if (!isLanguageTag(locale) || !key || key.length > 300) return { ok: false };
  if (intent === "dismiss") return { ok: true, gap: { intent, locale, key } };
  const entryId = text("entryId");
  if (intent !== "attach" || !/^[A-Za-z0-9_-]{1,64}$/.test(entryId))
    return { ok: false };
  return { ok: true, gap: { intent, locale, key, entryId } };
}

/**
 * The new-entry form drafted from a group of unanswered questions. The entry's language goes as
 * `language`: the admin reads `locale` in a URL as its own language and would switch to it.
 */
export function draftEntryHref(d: {
  question: string;
  language: string;
  gap: string;
}): string {
  const query = new URLSearchParams({
    question: d.question,
    language: d.language,
    gap: d.gap,
  });
  return `/app/faq/new?${query}`;
}

/** The draft's language from that URL, or Japanese when it names none the FAQ takes. */
export function draftLanguage(url: URL): string {
  return languageTag(url.searchParams.get("language") ?? "") ?? "ja";
}
