/**
 * What the dev store's command line says when a request fails: always a sentence naming the
 * command, the HTTP status and the reason the store gave, whatever shape its answer has (the
 * event API's `error`/`errors`, OAuth's `error_description`, plain text, or nothing at all).
 */
export function failureMessage(
  command: string,
  status: number,
  body: string,
): string {
  return `${command} failed (HTTP ${status}): ${reason(body) || "the dev store gave no reason"}`;
}

function reason(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body.trim().slice(0, 500);
  }
  if (typeof parsed !== "object" || parsed === null)
    return body.trim().slice(0, 500);
  const o = parsed as Record<string, unknown>;
  if (typeof o.error === "string" && o.error.trim()) return o.error.trim();
  if (typeof o.error_description === "string" && o.error_description.trim())
    return o.error_description.trim();
  const errors =
    o.errors && typeof o.errors === "object" && !Array.isArray(o.errors)
      ? Object.entries(o.errors as Record<string, unknown>)
          .map(([key, v]) => `${key}: ${[v].flat().join(", ")}`)
          .join("; ")
      : "";
  return errors || (body.trim() === "{}" ? "" : body.trim().slice(0, 500));
}
