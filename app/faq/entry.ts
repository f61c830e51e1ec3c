import { gapKey } from "./gaps";
import { sanitizeAnswer } from "./sanitize";
import { isStarterAnswer } from "./starter";
import { languageTag } from "./language-tag";
import { LIMITS } from "./limits";

/**
 * An FAQ entry as the admin form and the CSV import deliver it, validated to one shape. Errors
 * are message keys (app/i18n) keyed by field so the form can show each beside its input.
 */
export interface EntryTranslation {
  locale: string;
  question: string;
  answer: string;
  /** Shown to shoppers as a heading, so written per language ("" for none). */
  category: string;
  /** Other ways shoppers ask: searched like the question, never shown to shoppers. */
  phrasings: string[];
}

export interface EntryInput {
  handle: string;
  /** The merchant left the link name empty and it was made from the question. */
  autoHandle?: boolean;
  position: number;
  published: boolean;
  tags: string[];
  translations: EntryTranslation[];
}

export type EntryErrorKey =
  | "faq.error.handle"
  | "faq.error.locale"
  | "faq.error.questionRequired"
  | "faq.error.answerRequired"
  | "faq.error.starterUnfilled"
  | "faq.error.questionTooLong"
  | "faq.error.answerTooLong"
  | "faq.error.noTranslation"
  | "faq.error.category"
  | "faq.error.phrasings"
  | "faq.error.tags"
  | "faq.error.position"
  | "faq.error.published"
  | "faq.error.duplicateLocale";

export type EntryErrors = Record<string, EntryErrorKey>;

const HANDLE = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export interface RawEntry {
  handle?: string;
  position?: string;
  published?: string;
  tags?: string;
  translations: {
    locale: string;
    question?: string;
    answer?: string;
    category?: string;
    /** One per line. */
    phrasings?: string;
    field: string;
  }[];
}

export function validateEntry(
  raw: RawEntry,
  fallbackHandle: () => string,
): { ok: true; value: EntryInput } | { ok: false; errors: EntryErrors } {
  const errors: EntryErrors = {};
  const handle = (raw.handle ?? "").trim().toLowerCase();
  if (handle && !HANDLE.test(handle)) errors.handle = "faq.error.handle";
  const tags = (raw.tags ?? "")
    .split(/[,、，]/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length > LIMITS.tags || tags.some((t) => t.length > LIMITS.tag))
    errors.tags = "faq.error.tags";
  const positionText = (raw.position ?? "").trim();
  const position = positionText === "" ? 0 : Number(positionText);
  if (!Number.isInteger(position) || position < 0 || position > LIMITS.position)
    errors.position = "faq.error.position";
  const published = parseFlag(raw.published);
  if (published === null) errors.published = "faq.error.published";

  const translations: EntryTranslation[] = [];
  /** The form field (or CSV row) each translation came from. */
  const fields: string[] = [];
  const seen = new Set<string>();
  for (const t of raw.translations) {
    const question = (t.question ?? "").trim();
    const answerHtml = (t.answer ?? "").trim();
    if (!question && !answerHtml && !(t.phrasings ?? "").trim()) continue;
    // "JA" is ja and "zh-tw" zh-TW, as Shopify names shop locales; "xx-yy" is no language.
    const tag = languageTag(t.locale);
    const locale = tag ?? t.locale;
    if (!tag) errors[`${t.field}.locale`] = "faq.error.locale";
    else if (seen.has(locale))
      errors[`${t.field}.locale`] = "faq.error.duplicateLocale";
    seen.add(locale);
    if (!question) errors[`${t.field}.question`] = "faq.error.questionRequired";
    else if (question.length > LIMITS.question)
      errors[`${t.field}.question`] = "faq.error.questionTooLong";
    if (!answerHtml) errors[`${t.field}.answer`] = "faq.error.answerRequired";
    else if (answerHtml.length > LIMITS.answer)
      errors[`${t.field}.answer`] = "faq.error.answerTooLong";
    const category = (t.category ?? "").trim();
    if (category.length > LIMITS.category)
      errors[`${t.field}.category`] = "faq.error.category";
    const phrasings = parsePhrasings(t.phrasings ?? "");
    if (
      phrasings.length > LIMITS.phrasings ||
      phrasings.some((p) => p.length > LIMITS.phrasing)
    )
      errors[`${t.field}.phrasings`] = "faq.error.phrasings";
    fields.push(t.field);
    translations.push({
      locale,
      question,
      answer: answerHtml,
      category,
      phrasings,
    });
  }
  if (translations.length === 0) {
    // Nothing written in any language: the first language's fields are the ones to fill in, so
    // that is where the form shows it (and the CSV import names the question column).
    const first = raw.translations[0]?.field;
    if (first) {
      errors[`${first}.question`] = "faq.error.questionRequired";
      errors[`${first}.answer`] = "faq.error.answerRequired";
    }
    errors.translations = "faq.error.noTranslation";
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const answers = translations.map((t) => ({
    ...t,
    answer: sanitizeAnswer(t.answer),
  }));
  answers.forEach((t, i) => {
    const field = `${fields[i]}.answer`;
    // Sanitising can empty an answer that was only a script: that is no answer.
    if (!t.answer) errors[field] = "faq.error.answerRequired";
    // A starter answer still holds 【7日】 / [amount] for the merchant to fill in: shoppers
    // must not read it. As a draft it may stay.
    else if (published && isStarterAnswer(t.answer))
      errors[field] = "faq.error.starterUnfilled";
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      handle: handle || fallbackHandle(),
      ...(handle ? {} : { autoHandle: true }),
      position,
      published: published as boolean,
      tags,
      translations: answers,
    },
  };
}

/**
 * Other ways to ask, one per line: trimmed, blank lines dropped, and a line asked the same way as
 * an earlier one (as the gap report groups searches) or holding only punctuation dropped, so
 * adding a gap twice adds it once.
 */
export function parsePhrasings(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const phrasing = line.replace(/\s+/g, " ").trim();
    const key = gapKey(phrasing);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(phrasing);
  }
  return out;
}

function parseFlag(value: string | undefined): boolean | null {
  const v = (value ?? "").trim().toLowerCase();
  if (["", "0", "false", "no", "off", "draft", "非公開", "いいえ"].includes(v))
    return false;
  if (["1", "true", "yes", "on", "published", "公開", "はい"].includes(v))
    return true;
  return null;
}

/**
 * A handle from the question: its ASCII words when there are some, otherwise an id derived from
 * the question itself. Derived, not random: importing the same file twice (rows without a handle,
 * Japanese questions) finds the entries the first import made instead of adding them again.
 */
export function handleFrom(
  question: string,
  fallback: () => string = () => questionId(question),
): string {
  const ascii = question
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return ascii.length >= 3 ? ascii : `faq-${fallback()}`;
}

/** Seven base-36 characters from the question (FNV-1a over its NFKC form, spaces folded). */
function questionId(question: string): string {
  let h = 0x811c9dc5;
  for (const ch of question.normalize("NFKC").replace(/\s+/g, " ").trim()) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0");
}
