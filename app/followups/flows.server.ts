import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import {
  currentPresetTemplates,
  PRESETS,
  TRIGGERS,
  type Trigger,
} from "./presets";
import { checkTemplate, type TemplateError } from "./templates";
import { CHANNELS, MAX_STEPS, newStepId } from "./flow-form";
import { GROUP_KEYS } from "../customers/groups";
import {
  collectionProducts,
  resolveCollections,
} from "../tutorials/collections.server";
import type { ResolvedCollection } from "../tutorials/values";
import type { GraphQL } from "../admin-graphql";

/** Flows as stored, parsed. */
export interface StoredFlow {
  id: string;
  preset: string | null;
  name: string;
  trigger: Trigger;
  conditions: Conditions;
  marketing: boolean;
  channels: string[];
  /** The messages in order; each waits its delay after the previous one (the first after the trigger). */
  steps: FlowStep[];
  enabled: boolean;
}
export type Templates = Record<
  string,
  Record<string, { subject?: string; body: string }>
>;
export interface FlowStep {
  /** Stable: part of each message's idempotency key. "main" is the first step flows are created with. */
  id: string;
  delayMinutes: number;
  templates: Templates;
}
export const FIRST_STEP = "main";
const STEP_ID = /^(main|[a-z0-9]{8})$/;
const stepsSchema = z.array(
  z.object({
    id: z.string().regex(STEP_ID),
    delayMinutes: z.number().int().min(0),
    templates: z.record(
      z.string(),
      z.record(
        z.string(),
        z.object({ subject: z.string().optional(), body: z.string() }),
      ),
    ),
  }),
);

/** Minutes from the trigger to each step (delays add up). */
export const stepOffsets = (
  steps: Pick<FlowStep, "delayMinutes">[],
): number[] => {
  let total = 0;
  return steps.map((s) => (total += s.delayMinutes));
};
export const conditionsSchema = z
  .object({
    orders: z.enum(["any", "first", "repeat"]).default("any"),
    locales: z
      .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/))
      .max(20)
      .default([]),
    minTotal: z.number().min(0).max(1e9).default(0),
    productIds: z
      .array(z.string().regex(/^\d{1,20}$/))
      .max(200)
      .default([]),
    // Product titles as picked, for showing the condition; matching uses productIds.
    productTitles: z
      .record(z.string().regex(/^\d{1,20}$/), z.string().max(255))
      .default({}),
    // Collections as picked, with their products as last read from the Admin API (on save and on
    // each collections/update webhook); an order matches when it has a product of one of them.
    collections: z
      .array(
        z.object({
          id: z.string().regex(/^\d{1,20}$/),
          title: z.string().max(255),
          productIds: z.array(z.string().regex(/^\d{1,20}$/)).max(2_500),
        }),
      )
      .max(25)
      .default([]),
    // Customer groups (app/customers/groups.ts); any one of them, none = everyone.
    groups: z.array(z.enum(GROUP_KEYS)).max(5).default([]),
  })
  .strict();
export type Conditions = z.infer<typeof conditionsSchema>;

/** A flow's stored steps column, parsed. */
export const parseSteps = (json: string): FlowStep[] =>
  stepsSchema.parse(JSON.parse(json));

/** A flow row as stored, parsed. */
export const toFlow = (r: {
  id: string;
  preset: string | null;
  name: string;
  trigger: string;
  conditions: string;
  marketing: boolean;
  channels: string;
  steps: string;
  enabled: boolean;
}): StoredFlow => ({
  id: r.id,
  preset: r.preset,
  name: r.name,
  enabled: r.enabled,
  marketing: r.marketing,
  trigger: r.trigger as Trigger,
  conditions: conditionsSchema.parse(JSON.parse(r.conditions)),
  channels: r.channels.split(",").filter(Boolean),
  // A ready-made flow's first step as created, never edited, speaks today's wording.
  steps: parseSteps(r.steps).map((s) =>
    s.id === FIRST_STEP && r.preset
      ? { ...s, templates: currentPresetTemplates(r.preset, s.templates) }
      : s,
  ),
});

/** The ready-made flows exist for every shop (switched off until the merchant turns them on). */
/**
 * Creates the ready-made flows a shop does not have yet. Their stored name is the Japanese one;
 * the admin shows an untouched preset's name in its own language (preset-names.ts), so which
 * language a request happened to name when they were created does not matter.
 */
export async function ensurePresets(
  db: PrismaClient,
  shop: string,
): Promise<void> {
  const existing = new Set(
    (
      await db.flow.findMany({
        where: { shop, preset: { not: null } },
        select: { preset: true },
      })
    ).map((f) => f.preset),
  );
  for (const p of PRESETS) {
    if (existing.has(p.key)) continue;
    await db.flow
      .create({
        data: {
          shop,
          preset: p.key,
          name: p.name.ja,
          trigger: p.trigger,
          marketing: p.marketing,
          channels: p.channels.join(","),
          steps: JSON.stringify([
            {
              id: FIRST_STEP,
              delayMinutes: p.delayMinutes,
              templates: p.templates,
            },
          ]),
          enabled: false,
        },
      })
      .catch(() => undefined); // created meanwhile by another request
  }
}

export async function listFlows(
  db: PrismaClient,
  shop: string,
): Promise<StoredFlow[]> {
  return (
    await db.flow.findMany({ where: { shop }, orderBy: { createdAt: "asc" } })
  ).map(toFlow);
}

export async function getFlow(
  db: PrismaClient,
  shop: string,
  id: string,
): Promise<StoredFlow | null> {
  const row = await db.flow.findFirst({ where: { shop, id } });
  return row ? toFlow(row) : null;
}

/**
 * `message` is a code the admin translates (flow-errors.ts), filled in with `params` (where in a
 * template, which variable); `detail`, when there is one, is an outside system's own words (the
 * mail server's, or liquidjs's for a mistake the admin has no words of its own for), shown after it.
 */
export type FlowFieldError = {
  field: string;
  message: string;
  params?: Record<string, string | number>;
  detail?: string;
};

const TEMPLATE_ERROR = {
  unclosedOutput: "templateUnclosedOutput",
  unclosedTag: "templateUnclosedTag",
  unclosedBlock: "templateUnclosedBlock",
  unknownTag: "templateUnknownTag",
  unknownFilter: "templateUnknownFilter",
  variable: "templateVariable",
  syntax: "templateSyntax",
  tooLong: "templateTooLong",
  tooHeavy: "templateTooHeavy",
} as const satisfies Record<TemplateError["kind"], string>;

/** A template's error as a field error: what and where in `params`; liquidjs's words only when
 * the admin cannot say it in the merchant's language (a syntax error of another kind, a limit). */
export const templateFieldError = (
  field: string,
  e: TemplateError,
): FlowFieldError => {
  const params: Record<string, string | number> = {};
  for (const k of ["line", "col", "name", "end"] as const)
    if (e[k] !== undefined) params[k] = e[k];
  return {
    field,
    message: TEMPLATE_ERROR[e.kind],
    ...(Object.keys(params).length ? { params } : {}),
    ...((e.kind === "syntax" || e.kind === "tooHeavy") && e.message
      ? { detail: e.message }
      : {}),
  };
};

const MAX_DELAY_DAYS = 730;

/**
 * A condition the schema refused, on the field that sets it and saying what is wrong there: the
 * form offers only valid choices, so what a merchant can get wrong is the minimum total and how
 * many products or collections are picked (the lists arrive unreadable only from a broken page).
 */
function conditionErrors(error: z.ZodError): FlowFieldError[] {
  const out = new Map<string, string>();
  for (const issue of error.issues) {
    const key = issue.path[0];
    const tooMany = issue.code === "too_big" && issue.path.length === 1;
    const [field, message] =
      key === "minTotal"
        ? ["minTotal", "minTotal"]
        : key === "productIds" || key === "productTitles"
          ? ["products", tooMany ? "productsTooMany" : "productsUnreadable"]
          : key === "collections"
            ? [
                "collections",
                tooMany ? "collectionsTooMany" : "collectionsUnreadable",
              ]
            : key === "orders" || key === "locales" || key === "groups"
              ? [key, "choice"]
              : ["conditions", "conditions"];
    if (!out.has(field)) out.set(field, message);
  }
  return [...out].map(([field, message]) => ({ field, message }));
}

export interface StepInput {
  /** Empty for a step the merchant just added. */
  id: string;
  delayDays: string;
  templates: Templates;
}

/**
 * Validates a flow as the merchant edits it; template errors are caught here, never at send time.
 * Field names: `steps.<i>.delayDays`, `steps.<i>.<channel>.body` (no message for that channel),
 * `steps.<i>.<channel>.<locale>.body|subject`.
 */
export function validateFlow(
  input: {
    name: string;
    trigger: string;
    conditions: unknown;
    marketing: boolean;
    channels: string[];
    steps: StepInput[];
    enabled: boolean;
  },
  newId: () => string = newStepId,
):
  | { ok: true; value: Omit<StoredFlow, "id" | "preset"> }
  | { ok: false; errors: FlowFieldError[] } {
  const errors: FlowFieldError[] = [];
  const name = input.name.trim();
  if (!name || name.length > 100)
    errors.push({ field: "name", message: "name" });
  const trigger = TRIGGERS.find((t) => t === input.trigger);
  if (!trigger) errors.push({ field: "trigger", message: "trigger" });
  const conditions = conditionsSchema.safeParse(input.conditions);
  if (!conditions.success) errors.push(...conditionErrors(conditions.error));
  const channels: string[] = CHANNELS.filter((c) => input.channels.includes(c));
  if (!channels.length) errors.push({ field: "channels", message: "channels" });
  if (!input.steps.length || input.steps.length > MAX_STEPS)
    errors.push({ field: "steps", message: "steps" });
  const ids = new Set<string>();
  const steps: FlowStep[] = input.steps.slice(0, MAX_STEPS).map((step, i) => {
    const f = `steps.${i}`;
    const days = Number(step.delayDays);
    if (!/^\d+(\.\d+)?$/.test(step.delayDays.trim()))
      errors.push({ field: `${f}.delayDays`, message: "delay" });
    else if (days > MAX_DELAY_DAYS)
      errors.push({ field: `${f}.delayDays`, message: "delayTooLong" });
    // A posted id must be one this form could have shown; a duplicate would merge two steps' keys.
    const id = step.id ? step.id : newId();
    if (!STEP_ID.test(id) || ids.has(id))
      errors.push({ field: "steps", message: "steps" });
    ids.add(id);
    // Texts of a channel switched off are kept (switching it back on brings them back) but only
    // the channels in use are checked, as only they are sent.
    const templates: Templates = {};
    for (const channel of CHANNELS)
      for (const [locale, t] of Object.entries(step.templates[channel] ?? {}))
        if (t.body?.trim()) (templates[channel] ??= {})[locale] = t;
    for (const channel of channels) {
      const byLocale = templates[channel] ?? {};
      if (!Object.values(byLocale).some((t) => t.body?.trim()))
        errors.push({ field: `${f}.${channel}.body`, message: "missing" });
      for (const [locale, t] of Object.entries(byLocale)) {
        if (!t.body?.trim()) continue;
        const body = checkTemplate(
          t.body,
          channel === "email" ? "html" : "text",
        );
        if (body)
          errors.push(
            templateFieldError(`${f}.${channel}.${locale}.body`, body),
          );
        if (channel === "email") {
          const field = `${f}.${channel}.${locale}.subject`;
          const subject = checkTemplate(t.subject ?? "", "text");
          if (subject) errors.push(templateFieldError(field, subject));
          else if (!t.subject?.trim())
            errors.push({ field, message: "subject" });
        }
        if (input.marketing && !t.body.includes("unsubscribe_link"))
          errors.push({
            field: `${f}.${channel}.${locale}.body`,
            message: "unsubscribe",
          });
      }
    }
    return { id, delayMinutes: Math.round(days * 24 * 60), templates };
  });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      trigger: trigger!,
      conditions: conditions.data!,
      marketing: input.marketing,
      channels,
      steps,
      enabled: input.enabled,
    },
  };
}

export async function saveFlow(
  db: PrismaClient,
  shop: string,
  id: string,
  flow: Omit<StoredFlow, "id" | "preset">,
): Promise<boolean> {
  const { count } = await db.flow.updateMany({
    where: { shop, id },
    data: {
      name: flow.name,
      trigger: flow.trigger,
      conditions: JSON.stringify(flow.conditions),
      marketing: flow.marketing,
      channels: flow.channels.join(","),
      steps: JSON.stringify(flow.steps),
      enabled: flow.enabled,
    },
  });
  return count > 0;
}

export async function setFlowEnabled(
  db: PrismaClient,
  shop: string,
  id: string,
  enabled: boolean,
): Promise<boolean> {
  const { count } = await db.flow.updateMany({
    where: { shop, id },
    data: { enabled },
  });
  return count > 0;
}

/**
 * Reads the products of the flow's collection conditions from the Admin API; returns the ids
 * Shopify does not know (then nothing should be saved).
 */
export async function resolveConditionCollections(
  graphql: GraphQL,
  conditions: Conditions,
): Promise<{ conditions: Conditions; missing: string[] }> {
  if (!conditions.collections.length) return { conditions, missing: [] };
  const { resolved, missing } = await resolveCollections(
    graphql,
    conditions.collections,
  );
  return {
    conditions: { ...conditions, collections: resolved.map(asCondition) },
    missing,
  };
}

/** A collection as read from the Admin API, as a flow condition keeps it. */
const asCondition = (
  c: ResolvedCollection,
): Conditions["collections"][number] => ({
  id: c.id,
  title: c.title,
  productIds: c.products.map((p) => p.id),
});

/**
 * A collection changed or was deleted in Shopify: every flow with it as a condition gets its
 * products again (a deleted collection is dropped from the conditions). Safe to repeat.
 */
export async function refreshFlowCollection(
  db: PrismaClient,
  graphql: GraphQL,
  shop: string,
  collectionId: string,
  deleted: boolean,
): Promise<number> {
  const flows = (await listFlows(db, shop)).filter((f) =>
    f.conditions.collections.some((c) => c.id === collectionId),
  );
  if (!flows.length) return 0;
  const current = deleted
    ? null
    : await collectionProducts(graphql, collectionId);
  for (const f of flows) {
    const collections = current
      ? f.conditions.collections.map((c) =>
          c.id === collectionId ? asCondition(current) : c,
        )
      : f.conditions.collections.filter((c) => c.id !== collectionId);
    await db.flow.updateMany({
      where: { shop, id: f.id },
      data: { conditions: JSON.stringify({ ...f.conditions, collections }) },
    });
  }
  return flows.length;
}

/** A cheap first look, like tutorialsMayUseCollection. */
export async function flowsMayUseCollection(
  db: PrismaClient,
  shop: string,
  collectionId: string,
): Promise<boolean> {
  return (
    (await db.flow.count({
      where: { shop, conditions: { contains: `"id":"${collectionId}"` } },
    })) > 0
  );
}
