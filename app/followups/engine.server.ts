import type { PrismaClient } from "@prisma/client";
import { enqueueJob, isUniqueViolation, PermanentJobError } from "../jobs/queue.server";
import type { JobRow } from "../jobs/queue.server";
import { scoreLinks } from "../surveys/email-link";
import { clickUrl, unsubscribeUrl } from "./links";
import type { Trigger } from "./presets";
import { renderTemplate, safeUrl, type LinkVar, type TemplateContext } from "./templates";
import { getFlow, type StoredFlow } from "./flows.server";
import { PermanentChannelError, type Channel } from "./channels/channel";

export const FOLLOWUP_JOB = "followup.send";

/** What happened in the store, as the follow-ups need it. */
export interface FlowEvent {
  orderId: string;
  customerId: string | null;
  at: Date;
  tracking?: { company: string | null; number: string | null; url: string | null }[];
}

export interface EngineDeps {
  appUrl: string;
  secret: string;
  /** Delays run this many times faster (the demo's clock switch). */
  timeScale: number;
  /** The shop's channels, by name; a channel the shop has not set up is missing. */
  channels: (shop: string) => Promise<Partial<Record<"email" | "line" | "sms", Channel>>>;
  now?: () => Date;
}

const idemKey = (flow: StoredFlow, e: { orderId: string; customerId: string | null }) => (flow.trigger === "no_order" ? `followup:${flow.id}:c${e.customerId}:o${e.orderId}` : `followup:${flow.id}:o${e.orderId}`);

/**
 * Schedules every enabled flow the event starts, once: the job key and the message's idempotency
 * key are both (flow, order) — (flow, customer, order) for win-back — so a webhook delivered twice
 * schedules nothing new.
 */
export async function scheduleFlows(db: PrismaClient, shop: string, trigger: Trigger, event: FlowEvent, deps: Pick<EngineDeps, "timeScale">): Promise<number> {
  const triggers: Trigger[] = trigger === "order_created" ? ["order_created", "no_order"] : [trigger];
  const flows = await db.flow.findMany({ where: { shop, enabled: true, trigger: { in: triggers } } });
  if (!flows.length) return 0;
  const order = await db.order.findFirst({ where: { shop, orderId: event.orderId }, select: { totalPrice: true, locale: true, productIds: true, customerId: true } });
  const customerId = event.customerId ?? order?.customerId ?? null;
  const customer = customerId ? await db.customer.findFirst({ where: { shop, customerId }, select: { ordersCount: true, locale: true } }) : null;
  const settings = await db.channelSettings.findUnique({ where: { shop }, select: { quietStart: true, quietEnd: true } });
  const shopRow = await db.shop.findUnique({ where: { shop }, select: { timezone: true } });
  const quiet = { start: settings?.quietStart ?? 21, end: settings?.quietEnd ?? 9, timeZone: shopRow?.timezone ?? "Asia/Tokyo" };
  let scheduled = 0;
  for (const row of flows) {
    const flow = (await getFlow(db, shop, row.id))!;
    if (flow.trigger === "no_order" && !customerId) continue;
    if (!conditionsMet(flow, { total: Number(order?.totalPrice ?? 0), locale: customer?.locale ?? order?.locale ?? null, productIds: order?.productIds.split(",").filter(Boolean) ?? [], orders: customer?.ordersCount ?? 1 })) continue;
    let runAt = new Date(event.at.getTime() + (flow.delayMinutes * 60_000) / deps.timeScale);
    // Marketing waits out the shop's quiet hours; a tracking notice goes when the parcel does.
    if (flow.marketing && deps.timeScale === 1) runAt = outsideQuietHours(runAt, quiet);
    const key = idemKey(flow, { orderId: event.orderId, customerId });
    const created = await db.$transaction(async (tx) => {
      const fresh = await enqueueJob(tx, { shop, type: FOLLOWUP_JOB, key, runAt, maxAttempts: 6, payload: { flowId: flow.id, orderId: event.orderId, customerId, tracking: event.tracking ?? [], at: event.at.toISOString() } });
      if (fresh) await tx.flowMessage.create({ data: { shop, flowId: flow.id, idemKey: key, orderId: event.orderId, customerId, scheduledAt: runAt } });
      return fresh;
    });
    if (created) scheduled++;
  }
  return scheduled;
}

/** The first moment at or after `at` that is outside quiet hours [start, end) in the shop's zone. */
export function outsideQuietHours(at: Date, quiet: { start: number; end: number; timeZone: string }): Date {
  if (quiet.start === quiet.end) return at;
  const hourOf = (d: Date) => Number(new Intl.DateTimeFormat("en-US", { timeZone: quiet.timeZone, hour: "numeric", hourCycle: "h23" }).format(d));
  const inQuiet = (h: number) => (quiet.start < quiet.end ? h >= quiet.start && h < quiet.end : h >= quiet.start || h < quiet.end);
  let t = at;
  // Step to the next whole hour until the hour is allowed (at most a day).
  for (let i = 0; i < 25 && inQuiet(hourOf(t)); i++) t = new Date((Math.floor(t.getTime() / 3_600_000) + 1) * 3_600_000);
  return t;
}

export function conditionsMet(flow: StoredFlow, o: { total: number; locale: string | null; productIds: string[]; orders: number }): boolean {
  const c = flow.conditions;
  if (c.orders === "first" && o.orders > 1) return false;
  if (c.orders === "repeat" && o.orders < 2) return false;
  if (c.locales.length && !c.locales.includes((o.locale ?? "").split("-")[0])) return false;
  if (o.total < c.minTotal) return false;
  if (c.productIds.length && !c.productIds.some((p) => o.productIds.includes(p))) return false;
  return true;
}

type Outcome = "sent" | "skipped" | "failed" | "uncertain" | "already";

/**
 * Sends one scheduled message, never twice. The message row is marked "sending" and committed
 * before the provider is called, and "sent" after. A worker that dies between the two leaves
 * "sending": the next attempt resends only through a channel whose provider drops duplicates
 * (LINE's retry key); otherwise it marks the message "uncertain" for the merchant to check rather
 * than risk a second copy. Transient failures are retried with backoff by the job queue.
 */
export async function runFollowup(db: PrismaClient, job: Pick<JobRow, "shop" | "key" | "attempts" | "maxAttempts"> & { data: unknown }, deps: EngineDeps): Promise<Outcome> {
  const shop = job.shop;
  const data = job.data as { flowId: string; orderId: string; customerId: string | null; tracking: FlowEvent["tracking"]; at: string };
  const msg = await db.flowMessage.findUnique({ where: { idemKey: job.key } });
  if (!msg) throw new PermanentJobError("message row missing");
  if (["sent", "skipped", "failed", "uncertain"].includes(msg.status)) return "already";
  const skip = async (reason: string): Promise<Outcome> => {
    await db.flowMessage.update({ where: { id: msg.id }, data: { status: "skipped", error: reason } });
    return "skipped";
  };

  const flow = await getFlow(db, shop, data.flowId);
  if (!flow || !flow.enabled) return skip("flow switched off");
  const customer = data.customerId ? await db.customer.findFirst({ where: { shop, customerId: data.customerId } }) : null;
  const order = await db.order.findFirst({ where: { shop, orderId: data.orderId } });
  if (flow.trigger === "no_order" && customer?.lastOrderAt && order && customer.lastOrderAt > order.processedAt) return skip("ordered again");

  const channels = await deps.channels(shop);
  const unsubscribed = customer ? new Set((await db.unsubscribe.findMany({ where: { shop, customerId: customer.customerId }, select: { channel: true } })).map((u) => u.channel)) : new Set<string>();
  const metafields = customer ? (JSON.parse(customer.metafields) as Record<string, string>) : {};
  const pick = msg.status === "sending" && msg.channel ? [msg.channel] : flow.channels;
  let chosen: { channel: Channel; to: string } | null = null;
  for (const name of pick) {
    const channel = channels[name as "email" | "line" | "sms"];
    if (!channel || !customer) continue;
    const to = name === "email" ? customer.email : name === "sms" ? customer.phone : (metafields["line.user_id"] ?? metafields["tsunagu.line_user_id"] ?? null);
    if (!to) continue;
    // Marketing needs consent on that channel and no unsubscribe; transactional messages do not.
    if (flow.marketing) {
      if (unsubscribed.has(name)) continue;
      if (name === "email" && customer.emailConsent !== "SUBSCRIBED") continue;
      if (name === "sms" && customer.smsConsent !== "SUBSCRIBED") continue;
    }
    chosen = { channel, to };
    break;
  }
  if (!chosen || !customer) return skip(customer ? "no channel the customer can be reached on with consent" : "guest order without a customer");

  if (msg.status === "sending" && !chosen.channel.idempotentRetry) {
    await db.flowMessage.update({ where: { id: msg.id }, data: { status: "uncertain", error: "the worker stopped after sending began; not resent so the customer never gets it twice" } });
    return "uncertain";
  }

  const shopRow = await db.shop.findUnique({ where: { shop }, select: { name: true, locale: true } });
  const locale = pickLocale(flow.templates[chosen.channel.name] ?? {}, customer.locale ?? order?.locale ?? null, shopRow?.locale ?? "ja");
  const template = flow.templates[chosen.channel.name]?.[locale];
  if (!template) return skip(`no ${chosen.channel.name} template`);
  const link = (url: string) => clickUrl(deps.appUrl, deps.secret, shop, msg.id, url);
  const survey = flow.preset === "survey" || template.body.includes("survey_link") ? await db.survey.findFirst({ where: { shop, active: true, placements: { contains: "email" }, kind: { in: ["nps", "csat"] } }, select: { id: true, kind: true } }) : null;
  const context: TemplateContext = {
    shop_name: shopRow?.name ?? shop.replace(".myshopify.com", ""),
    first_name: customer.firstName ?? "",
    order_name: order?.name ?? "",
    tracking_links: (data.tracking ?? []).flatMap((t): LinkVar[] => {
      const url = safeUrl(t.url);
      return url ? [{ title: [t.company, t.number].filter(Boolean).join(" ") || url, url: link(url) }] : [];
    }),
    tutorial_links: [],
    survey_link: survey ? link(surveyAskUrl(deps, shop, survey, customer.customerId, data.orderId, locale)) : "",
    unsubscribe_link: unsubscribeUrl(deps.appUrl, deps.secret, shop, customer.customerId, chosen.channel.name),
  };
  const format = chosen.channel.name === "email" ? "html" : "text";
  const body = await renderTemplate(template.body, format, context);
  const subject = template.subject ? await renderTemplate(template.subject, "text", context) : null;

  // Committed before the provider is called: the mark that a send may have happened.
  await db.flowMessage.update({ where: { id: msg.id }, data: { status: "sending", channel: chosen.channel.name, recipient: chosen.to, locale, subject, body } });
  try {
    const { providerId } = await chosen.channel.send({ idemKey: job.key, to: chosen.to, subject: subject ?? undefined, body });
    await db.flowMessage.update({ where: { id: msg.id }, data: { status: "sent", providerId, sentAt: deps.now?.() ?? new Date(), error: null } });
    return "sent";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const last = error instanceof PermanentChannelError || job.attempts >= job.maxAttempts;
    // Nothing left the app: the next attempt may send again safely.
    await db.flowMessage.update({ where: { id: msg.id }, data: { status: last ? "failed" : "scheduled", error: message.slice(0, 1000) } });
    if (error instanceof PermanentChannelError) throw new PermanentJobError(message);
    throw error;
  }
}

/**
 * A flow's messages rendered with a real order of the shop (preview), or sent to a test address:
 * the same context as a real send, with links that work but are not counted.
 */
export async function runFollowupPreview(db: PrismaClient, shop: string, flow: Pick<StoredFlow, "templates" | "channels" | "preset">, deps: Pick<EngineDeps, "appUrl" | "secret">) {
  const order = await db.order.findFirst({ where: { shop, customerId: { not: null } }, orderBy: { processedAt: "desc" } });
  const customer = order?.customerId ? await db.customer.findFirst({ where: { shop, customerId: order.customerId } }) : null;
  const shopRow = await db.shop.findUnique({ where: { shop }, select: { name: true } });
  const context: TemplateContext = {
    shop_name: shopRow?.name ?? shop.replace(".myshopify.com", ""),
    first_name: customer?.firstName ?? "",
    order_name: order?.name ?? "",
    tracking_links: [{ title: "ヤマト運輸 0000-0000-0000", url: "https://track.example/preview" }],
    tutorial_links: [],
    survey_link: `${deps.appUrl.replace(/\/$/, "")}/survey/ask/preview`,
    unsubscribe_link: customer ? unsubscribeUrl(deps.appUrl, deps.secret, shop, customer.customerId, "email") : `${deps.appUrl}/unsubscribe/preview`,
  };
  const out: { channel: string; locale: string; subject: string | null; body: string }[] = [];
  for (const channel of flow.channels) {
    for (const [locale, t] of Object.entries(flow.templates[channel] ?? {})) {
      if (!t.body?.trim()) continue;
      try {
        out.push({ channel, locale, subject: t.subject ? await renderTemplate(t.subject, "text", context) : null, body: await renderTemplate(t.body, channel === "email" ? "html" : "text", context) });
      } catch (error) {
        out.push({ channel, locale, subject: null, body: `⚠ ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }
  return { order: order ? { name: order.name, customer: customer?.firstName ?? null } : null, messages: out };
}

function pickLocale(byLocale: Record<string, unknown>, customerLocale: string | null, shopLocale: string): string {
  const wanted = (customerLocale ?? "").toLowerCase().split("-")[0];
  if (wanted && byLocale[wanted]) return wanted;
  if (byLocale[shopLocale]) return shopLocale;
  return Object.keys(byLocale)[0] ?? shopLocale;
}

/** The survey link of a follow-up: the page that offers the score links of the survey for this order. */
function surveyAskUrl(deps: EngineDeps, shop: string, survey: { id: string; kind: string }, customerId: string, orderId: string, locale: string): string {
  const links = scoreLinks({ appUrl: deps.appUrl, secret: deps.secret, shop, survey: survey.id, kind: survey.kind as "nps" | "csat", customer: customerId, order: orderId, locale });
  // The middle score's token carries everything the chooser page needs; it shows every score.
  return links[Math.floor(links.length / 2)].url.replace("/survey/", "/survey/ask/");
}

/** Counts a click on a link of a message (the signed redirect calls this). */
export async function countClick(db: PrismaClient, shop: string, messageId: string): Promise<void> {
  await db.flowMessage.updateMany({ where: { shop, id: messageId }, data: { clicks: { increment: 1 } } });
}

/** Records an unsubscribe once; later marketing messages on that channel are skipped. */
export async function unsubscribe(db: PrismaClient, shop: string, customerId: string, channel: string): Promise<void> {
  try {
    await db.unsubscribe.create({ data: { shop, customerId, channel } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

/** Stats per flow: scheduled, sent, failed, clicked, unsubscribed. */
export async function flowStats(db: PrismaClient, shop: string) {
  const rows = await db.flowMessage.groupBy({ by: ["flowId", "status"], where: { shop }, _count: { _all: true }, _sum: { clicks: true } });
  const stats = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const s = stats.get(r.flowId) ?? { scheduled: 0, sending: 0, sent: 0, failed: 0, skipped: 0, uncertain: 0, clicks: 0 };
    s[r.status] = (s[r.status] ?? 0) + r._count._all;
    s.clicks += r._sum.clicks ?? 0;
    stats.set(r.flowId, s);
  }
  return stats;
}
