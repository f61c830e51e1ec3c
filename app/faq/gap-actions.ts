import { isLocaleCode } from "./entry";

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
  if (!isLocaleCode(locale) || !key || key.length > 300) return { ok: false };
  if (intent === "dismiss") return { ok: true, gap: { intent, locale, key } };
  const entryId = text("entryId");
  if (intent !== "attach" || !/^[A-Za-z0-9_-]{1,64}$/.test(entryId))
    return { ok: false };
  return { ok: true, gap: { intent, locale, key, entryId } };
}
