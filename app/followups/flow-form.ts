import type { StepInput, Templates } from "./flows.server";
import type { PreviewFlow } from "./preview";

/**
 * The flow editor's form, as validateFlow takes it. Steps are posted in order as repeated `step`
 * fields holding each step's id (empty for a new one); step i's fields are `steps.<i>.delayDays`
 * and `steps.<i>.<channel>.<locale>.body|subject`. Anything malformed is left for validateFlow to
 * reject with a field error.
 */
export const CHANNELS = ["email", "line", "sms"] as const;
export const LOCALES = ["ja", "en"] as const;
export const MAX_STEPS = 10;
// More than validateFlow accepts, so too many steps is an error rather than silently cut.
const MAX_POSTED_STEPS = MAX_STEPS + 1;

export function templatesFrom(form: FormData, prefix: string): Templates {
  const out: Templates = {};
  for (const c of CHANNELS)
    for (const l of LOCALES) {
      const body = String(form.get(`${prefix}${c}.${l}.body`) ?? "");
      const subject = String(form.get(`${prefix}${c}.${l}.subject`) ?? "");
      if (!body.trim() && !subject.trim()) continue;
      (out[c] ??= {})[l] = c === "email" ? { subject, body } : { body };
    }
  return out;
}

export function stepsFrom(form: FormData): StepInput[] {
  return form
    .getAll("step")
    .slice(0, MAX_POSTED_STEPS)
    .map((id, i) => ({
      id: String(id),
      delayDays: String(form.get(`steps.${i}.delayDays`) ?? ""),
      templates: templatesFrom(form, `steps.${i}.`),
    }));
}

export function conditionsFrom(form: FormData): unknown {
  // A list that does not parse is refused (null) rather than read as none picked.
  const picked = (name: string) => {
    try {
      const value: unknown = JSON.parse(String(form.get(name) || "[]"));
      return Array.isArray(value)
        ? (value as { id?: unknown; title?: unknown }[])
        : [];
    } catch {
      return null;
    }
  };
  const list = picked("products");
  // Their products are read from Shopify when saving (resolveConditionCollections).
  const collections = picked("collections");
  return {
    orders: String(form.get("orders") ?? "any"),
    locales: form.getAll("locales").map(String),
    minTotal: Number(form.get("minTotal") || 0),
    productIds: list && list.map((p) => String(p.id ?? "")),
    productTitles: Object.fromEntries(
      (list ?? []).map((p) => [String(p.id ?? ""), String(p.title ?? "")]),
    ),
    collections:
      collections &&
      collections.map((c) => ({
        id: String(c.id ?? ""),
        title: String(c.title ?? ""),
        productIds: [],
      })),
    groups: form.getAll("groups").map(String),
  };
}

export function flowInputFrom(form: FormData) {
  return {
    name: String(form.get("name") ?? ""),
    trigger: String(form.get("trigger") ?? ""),
    conditions: conditionsFrom(form),
    marketing: form.get("marketing") === "on",
    channels: form.getAll("channels").map(String),
    steps: stepsFrom(form),
    enabled: form.get("enabled") === "on",
  };
}

/**
 * The texts being edited, for the preview: the channels ticked and each step's messages, read as
 * saving would read them but not checked (the preview shows a template's error in its place).
 */
export function previewFlowFrom(form: FormData): PreviewFlow {
  const channels = form.getAll("channels").map(String);
  return {
    channels: CHANNELS.filter((c) => channels.includes(c)),
    steps: stepsFrom(form)
      .slice(0, MAX_STEPS)
      .map((s) => ({ templates: s.templates })),
  };
}

/** A new step's id, in the browser: 8 characters of [a-z0-9], as validateFlow expects. */
export function newStepId(
  random: (n: number) => Uint8Array = (n) =>
    crypto.getRandomValues(new Uint8Array(n)),
): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(random(8), (b) => alphabet[b % alphabet.length]).join("");
}
