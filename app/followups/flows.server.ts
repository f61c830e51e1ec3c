import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { PRESETS, TRIGGERS, type Trigger } from "./presets";
import { checkTemplate } from "./templates";
import { GROUP_KEYS } from "../customers/groups";

/** Flows as stored, parsed. */
export interface StoredFlow {
  id: string;
  preset: string | null;
  name: string;
  trigger: Trigger;
  delayMinutes: number;
  conditions: Conditions;
  marketing: boolean;
  channels: string[];
  templates: Templates;
  enabled: boolean;
}
export type Templates = Record<string, Record<string, { subject?: string; body: string }>>;
export const conditionsSchema = z
  .object({
    orders: z.enum(["any", "first", "repeat"]).default("any"),
    locales: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/)).max(20).default([]),
    minTotal: z.number().min(0).max(1e9).default(0),
    productIds: z.array(z.string().regex(/^\d{1,20}$/)).max(200).default([]),
    // Product titles as picked, for showing the condition; matching uses productIds.
    productTitles: z.record(z.string().regex(/^\d{1,20}$/), z.string().max(255)).default({}),
    // Customer groups (app/customers/groups.ts); any one of them, none = everyone.
    groups: z.array(z.enum(GROUP_KEYS)).max(5).default([]),
  })
  .strict();
export type Conditions = z.infer<typeof conditionsSchema>;

/** A flow row as stored, parsed. */
export const toFlow = (r: { id: string; preset: string | null; name: string; trigger: string; delayMinutes: number; conditions: string; marketing: boolean; channels: string; templates: string; enabled: boolean }): StoredFlow => ({
  ...r,
  trigger: r.trigger as Trigger,
  conditions: conditionsSchema.parse(JSON.parse(r.conditions)),
  channels: r.channels.split(",").filter(Boolean),
  templates: JSON.parse(r.templates) as Templates,
});

/** The ready-made flows exist for every shop (switched off until the merchant turns them on). */
export async function ensurePresets(db: PrismaClient, shop: string, locale: "ja" | "en" = "ja"): Promise<void> {
  const existing = new Set((await db.flow.findMany({ where: { shop, preset: { not: null } }, select: { preset: true } })).map((f) => f.preset));
  for (const p of PRESETS) {
    if (existing.has(p.key)) continue;
    await db.flow
      .create({ data: { shop, preset: p.key, name: p.name[locale], trigger: p.trigger, delayMinutes: p.delayMinutes, marketing: p.marketing, channels: p.channels.join(","), templates: JSON.stringify(p.templates), enabled: false } })
      .catch(() => undefined); // created meanwhile by another request
  }
}

export async function listFlows(db: PrismaClient, shop: string): Promise<StoredFlow[]> {
  return (await db.flow.findMany({ where: { shop }, orderBy: { createdAt: "asc" } })).map(toFlow);
}

export async function getFlow(db: PrismaClient, shop: string, id: string): Promise<StoredFlow | null> {
  const row = await db.flow.findFirst({ where: { shop, id } });
  return row ? toFlow(row) : null;
}

export type FlowFieldError = { field: string; message: string };

/** Validates a flow as the merchant edits it; template errors are caught here, never at send time. */
export function validateFlow(input: { name: string; trigger: string; delayDays: string; conditions: unknown; marketing: boolean; channels: string[]; templates: Templates; enabled: boolean }): { ok: true; value: Omit<StoredFlow, "id" | "preset"> } | { ok: false; errors: FlowFieldError[] } {
  const errors: FlowFieldError[] = [];
  const name = input.name.trim();
  if (!name || name.length > 100) errors.push({ field: "name", message: "name" });
  const trigger = TRIGGERS.find((t) => t === input.trigger);
  if (!trigger) errors.push({ field: "trigger", message: "trigger" });
  const days = Number(input.delayDays);
  if (!/^\d+(\.\d+)?$/.test(input.delayDays.trim()) || days > 730) errors.push({ field: "delayDays", message: "delay" });
  const conditions = conditionsSchema.safeParse(input.conditions);
  if (!conditions.success) errors.push({ field: "conditions", message: "conditions" });
  const channels = ["email", "line", "sms"].filter((c) => input.channels.includes(c));
  if (!channels.length) errors.push({ field: "channels", message: "channels" });
  for (const channel of channels) {
    const byLocale = input.templates[channel] ?? {};
    if (!Object.values(byLocale).some((t) => t.body?.trim())) errors.push({ field: `${channel}.body`, message: "missing" });
    for (const [locale, t] of Object.entries(byLocale)) {
      if (!t.body?.trim()) continue;
      const body = checkTemplate(t.body, channel === "email" ? "html" : "text");
      if (body) errors.push({ field: `${channel}.${locale}.body`, message: body.message });
      if (channel === "email") {
        const subject = checkTemplate(t.subject ?? "", "text");
        if (subject || !t.subject?.trim()) errors.push({ field: `${channel}.${locale}.subject`, message: subject?.message ?? "missing" });
      }
      if (input.marketing && !t.body.includes("unsubscribe_link")) errors.push({ field: `${channel}.${locale}.body`, message: "unsubscribe" });
    }
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { name, trigger: trigger!, delayMinutes: Math.round(days * 24 * 60), conditions: conditions.data!, marketing: input.marketing, channels, templates: input.templates, enabled: input.enabled } };
}

export async function saveFlow(db: PrismaClient, shop: string, id: string, flow: Omit<StoredFlow, "id" | "preset">): Promise<boolean> {
  const { count } = await db.flow.updateMany({ where: { shop, id }, data: { name: flow.name, trigger: flow.trigger, delayMinutes: flow.delayMinutes, conditions: JSON.stringify(flow.conditions), marketing: flow.marketing, channels: flow.channels.join(","), templates: JSON.stringify(flow.templates), enabled: flow.enabled } });
  return count > 0;
}

export async function setFlowEnabled(db: PrismaClient, shop: string, id: string, enabled: boolean): Promise<boolean> {
  const { count } = await db.flow.updateMany({ where: { shop, id }, data: { enabled } });
  return count > 0;
}
