/**
 * A failure as the app stores it for the admin to translate: a code, or `code:detail` where the
 * detail is an outside system's own words (Shopify's, a mail server's), shown as they are.
 * Follow-up reasons, customer sync errors and FAQ publish errors are kept this way.
 */
export const coded = (code: string, detail?: string): string =>
  detail ? `${code}:${detail}` : code;

/** The code and detail of a stored text, or null when it is not one of `codes` (an old sentence). */
export function parseCoded<C extends string>(
  stored: string,
  codes: readonly C[],
): { code: C; detail: string } | null {
  const m = /^([a-z_]+)(?::([\s\S]*))?$/.exec(stored);
  if (!m || !(codes as readonly string[]).includes(m[1])) return null;
  return { code: m[1] as C, detail: m[2] ?? "" };
}
