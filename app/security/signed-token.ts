import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Tokens in links the app hands out (survey score links, unsubscribe, click-through):
 * `base64url(JSON array).HMAC-SHA256`, with a key derived from the app secret per purpose, so a
 * token made for one purpose is never accepted for another, and none can be forged.
 */
export type TokenPart = string | number | null;

const keyFor = (secret: string, purpose: string) =>
  createHmac("sha256", secret).update(purpose).digest();

export function signParts(
  purpose: string,
  parts: TokenPart[],
  secret: string,
): string {
  const body = Buffer.from(JSON.stringify(parts)).toString("base64url");
  return `${body}.${createHmac("sha256", keyFor(secret, purpose)).update(body).digest("base64url")}`;
}

export function verifyParts(
  purpose: string,
  token: string,
  secret: string,
  maxLength: number,
):
  | { ok: true; parts: TokenPart[] }
  | { ok: false; error: "malformed" | "forged" } {
  if (
    token.length > maxLength ||
    !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/.test(token)
  )
    return { ok: false, error: "malformed" };
  const [body, sig] = token.split(".");
  const expected = createHmac("sha256", keyFor(secret, purpose))
    .update(body)
    .digest();
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, error: "forged" };
  try {
    const parts = JSON.parse(
      Buffer.from(body, "base64url").toString("utf8"),
    ) as unknown;
    if (
      Array.isArray(parts) &&
      parts.every(
        (p) => p === null || typeof p === "string" || typeof p === "number",
      )
    )
      return { ok: true, parts: parts as TokenPart[] };
  } catch {
    // falls through: not JSON
  }
  return { ok: false, error: "malformed" };
}
