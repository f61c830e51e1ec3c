import { z } from "zod";
import { isLanguageTag } from "./language-tag";

/**
 * What the storefront FAQ script reports through the app proxy, batched into one sendBeacon:
 *   { id, l: locale, e: [ {t:"search", q, r:"empty"|"weak"} | {t:"open", h, q?} | {t:"vote", h, v:0|1, q?} ] }
 * Short keys keep a batch far under the beacon size limit. `id` is random per batch, so the same
 * batch counted twice is detectable.
 */
export const MAX_BEACON_BYTES = 8_192;
export const MAX_QUERY_CHARS = 200;

const query = z.string().trim().min(1).max(MAX_QUERY_CHARS);
const handle = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

const event = z.discriminatedUnion("t", [
  z
    .object({ t: z.literal("search"), q: query, r: z.enum(["empty", "weak"]) })
    .strict(),
  z.object({ t: z.literal("open"), h: handle, q: query.optional() }).strict(),
  z
    .object({
      t: z.literal("vote"),
      h: handle,
      v: z.union([z.literal(0), z.literal(1)]),
      q: query.optional(),
    })
    .strict(),
]);

export const beaconSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/),
    // The block sends one of the FAQ's own languages; the gap report acts on it as stored.
    l: z.string().refine(isLanguageTag, "is not a language code"),
    e: z.array(event).min(1).max(20),
  })
  .strict();

export type Beacon = z.infer<typeof beaconSchema>;
export type BeaconEvent = Beacon["e"][number];

export type BeaconParse =
  | { ok: true; beacon: Beacon }
  | { ok: false; status: 400 | 413; error: string };

export function parseBeacon(body: string): BeaconParse {
  if (new TextEncoder().encode(body).length > MAX_BEACON_BYTES)
    return { ok: false, status: 413, error: "beacon too large" };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, status: 400, error: "beacon is not JSON" };
  }
  const parsed = beaconSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      status: 400,
      error: `invalid beacon: ${issue.path.join(".") || "body"} ${issue.message}`,
    };
  }
  return { ok: true, beacon: parsed.data };
}
