import { Prisma, type PrismaClient } from "@prisma/client";
import { durable } from "../db-durability.server";
import {
  enqueueJob,
  isUniqueViolation,
  PermanentJobError,
} from "../jobs/queue.server";
import type { JobRow } from "../jobs/queue.server";
import { scoreLinks } from "../surveys/email-link";
import { emailFollowupSurvey, orderAnswer } from "../surveys/surveys.server";
import { clickUrl, unsubscribeUrl } from "./links";
import type { Trigger } from "./presets";
import {
  renderTemplate,
  safeUrl,
  usesVariable,
  type LinkVar,
  type TemplateContext,
} from "./templates";
import {
  FIRST_STEP,
  stepOffsets,
  toFlow,
  type FlowStep,
  type StoredFlow,
} from "./flows.server";
import {
  PermanentChannelError,
  UncertainChannelError,
  type Channel,
} from "./channels/channel";
import { reason } from "./reasons";
import {
  listTutorials,
  tutorialLinks,
  type StoredTutorial,
} from "../tutorials/tutorials.server";
import { cycleDaysFor } from "./cycles.server";
import { customerGroups } from "../customers/groups.server";
import { fullName } from "../customers/names";
import { shopDisplayName } from "../shops/display-name";
import { DEFAULT_TIME_ZONE } from "../shops/clock";
import { carrierName } from "../tracking/carrier-names";

export const FOLLOWUP_JOB = "followup.send";

/**
 * How long a message that shows tracking links waits for them when the fulfilment came without
 * tracking (merchants often add the number a little after marking the order fulfilled). It goes
 * as soon as the tracking arrives, or after this without links.
 */
export const TRACKING_WAIT_MINUTES = 12 * 60;

export interface Tracking {
  company: string | null;
  number: string | null;
  url: string | null;
  /** The fulfilment it belongs to: a later update of that fulfilment replaces it. */
  fulfillmentId?: string | null;
}

/** What happened in the store, as the follow-ups need it. */
export interface FlowEvent {
  orderId: string;
  customerId: string | null;
  at: Date;
  tracking?: Tracking[];
}

export interface EngineDeps {
  appUrl: string;
  secret: string;
  /** Delays run this many times faster (the demo's clock switch). */
  timeScale: number;
  /** Each shop's channels, by name; a channel the shop has not set up is missing. */
  channels: (
    shops: string[],
  ) => Promise<Map<string, Partial<Record<"email" | "line" | "sms", Channel>>>>;
  now?: () => Date;
}

/** (flow, step, order), or (flow, step, customer, order) for win-back; the first step has no suffix, as before steps existed. */
const idemKey = (
  flow: StoredFlow,
  step: FlowStep,
  e: { orderId: string; customerId: string | null },
) =>
  (flow.trigger === "no_order"
    ? `followup:${flow.id}:c${e.customerId}:o${e.orderId}`
    : `followup:${flow.id}:o${e.orderId}`) +
  (step.id === FIRST_STEP ? "" : `:s${step.id}`);

/**
 * Schedules every step of every enabled flow the event starts, once: the job key and the message's
 * idempotency key are both (flow, step, order) — with the customer for win-back — so a webhook
 * delivered twice schedules nothing new. All steps are scheduled at once, each at the sum of the
 * delays before it; whether a step still applies (unsubscribed, ordered again, step removed, flow
 * off) is decided when it is due. A step that shows tracking links waits for them (up to
 * TRACKING_WAIT_MINUTES) when the event has none; an event with tracking for a message already
 * scheduled gives it that tracking (and releases it if it was waiting), while it has not gone yet.
 */
export async function scheduleFlows(
  db: PrismaClient,
  shop: string,
  trigger: Trigger,
  event: FlowEvent,
  deps: Pick<EngineDeps, "timeScale">,
): Promise<number> {
  const triggers: Trigger[] =
    trigger === "order_created"
      ? ["order_created", "no_order"]
      : trigger === "delivered"
        ? ["delivered", "replenish"]
        : [trigger];
  const flows = await db.flow.findMany({
    where: { shop, enabled: true, trigger: { in: triggers } },
  });
  if (!flows.length) return 0;
  const order = await db.order.findFirst({
    where: { shop, orderId: event.orderId },
    select: {
      totalPrice: true,
      locale: true,
      productIds: true,
      customerId: true,
    },
  });
  const customerId = event.customerId ?? order?.customerId ?? null;
  const customer = customerId
    ? await db.customer.findFirst({
        where: { shop, customerId },
        select: { ordersCount: true, locale: true },
      })
    : null;
  const settings = await db.channelSettings.findUnique({
    where: { shop },
    select: { quietStart: true, quietEnd: true },
  });
  const shopRow = await db.shop.findUnique({
    where: { shop },
    select: { timezone: true },
  });
  const quiet = {
    start: settings?.quietStart ?? 21,
    end: settings?.quietEnd ?? 9,
    timeZone: shopRow?.timezone ?? DEFAULT_TIME_ZONE,
  };
  const productIds = order?.productIds.split(",").filter(Boolean) ?? [];
  const cycleDays = flows.some((f) => f.trigger === "replenish")
    ? await cycleDaysFor(db, shop, productIds)
    : null;
  const parsed = flows.map(toFlow);
  const groups =
    customerId && parsed.some((f) => f.conditions.groups.length)
      ? await customerGroups(db, shop, customerId)
      : [];
  const tracked = hasTracking(event.tracking);
  let scheduled = 0;
  for (const flow of parsed) {
    if (flow.trigger === "no_order" && !customerId) continue;
    // No product of the order has a consumption cycle: nothing to remind of.
    if (flow.trigger === "replenish" && cycleDays === null) continue;
    if (
      !conditionsMet(flow, {
        total: Number(order?.totalPrice ?? 0),
        locale: customer?.locale ?? order?.locale ?? null,
        productIds,
        orders: customer?.ordersCount ?? 1,
        groups,
      })
    )
      continue;
    const offsets = stepOffsets(flow.steps);
    for (const [i, step] of flow.steps.entries()) {
      const delayMinutes =
        offsets[i] +
        (flow.trigger === "replenish" ? (cycleDays ?? 0) * 24 * 60 : 0);
      let runAt = new Date(
        event.at.getTime() + (delayMinutes * 60_000) / deps.timeScale,
      );
      // Marketing waits out the shop's quiet hours; a tracking notice goes when the parcel does.
      if (flow.marketing && deps.timeScale === 1)
        runAt = outsideQuietHours(runAt, quiet);
      // Due at `runAt`; held back until the tracking comes, or the wait is over.
      const dueAt = runAt;
      if (flow.trigger === "fulfilled" && !tracked && showsTracking(step)) {
        const waitUntil = new Date(
          event.at.getTime() +
            (TRACKING_WAIT_MINUTES * 60_000) / deps.timeScale,
        );
        if (waitUntil > runAt) runAt = waitUntil;
      }
      const key = idemKey(flow, step, { orderId: event.orderId, customerId });
      const created = await db.$transaction(async (tx) => {
        const fresh = await enqueueJob(tx, {
          shop,
          type: FOLLOWUP_JOB,
          key,
          runAt,
          maxAttempts: 6,
          payload: {
            flowId: flow.id,
            stepId: step.id,
            orderId: event.orderId,
            customerId,
            tracking: event.tracking ?? [],
            at: event.at.toISOString(),
            ...(runAt > dueAt ? { dueAt: dueAt.toISOString() } : {}),
          },
        });
        if (fresh)
          await tx.flowMessage.create({
            data: {
              shop,
              flowId: flow.id,
              step: step.id,
              idemKey: key,
              orderId: event.orderId,
              customerId,
              scheduledAt: runAt,
            },
          });
        return fresh;
      });
      if (created) scheduled++;
      else if (tracked) await addTracking(db, key, event.tracking!);
    }
  }
  return scheduled;
}

/**
 * Whether the event carries any tracking. A number without a link counts: the merchant has added
 * what there is, and waiting longer would not bring a link.
 */
const hasTracking = (tracking: Tracking[] | undefined) =>
  !!tracking?.some((t) => t.number || safeUrl(t.url));

/** Whether a step's message shows tracking links in any channel or language. */
const showsTracking = (step: FlowStep) =>
  Object.values(step.templates).some((byLocale) =>
    Object.values(byLocale).some((t) => usesVariable(t, "tracking_links")),
  );

/** The tracking a message shows: the incoming entries replace those of the same fulfilment (or number). */
export function mergeTracking(
  old: Tracking[],
  incoming: Tracking[],
): Tracking[] {
  const fulfillments = new Set(
    incoming.map((t) => t.fulfillmentId).filter(Boolean),
  );
  const numbers = new Set(incoming.map((t) => t.number).filter(Boolean));
  return [
    ...old.filter((t) =>
      t.fulfillmentId
        ? !fulfillments.has(t.fulfillmentId)
        : !(t.number && numbers.has(t.number)),
    ),
    ...incoming,
  ];
}

/**
 * Gives a message already scheduled the tracking of a later event, while it has not started to go
 * (message "scheduled", job queued): the job's payload is what the send reads. A message waiting
 * for tracking is released at once (or when it was due, if later). Compare-and-set on the payload:
 * two webhooks at once for the same order never lose each other's tracking.
 */
async function addTracking(
  db: PrismaClient,
  key: string,
  tracking: Tracking[],
  now = new Date(),
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [msg, job] = await Promise.all([
      db.flowMessage.findUnique({
        where: { idemKey: key },
        select: { id: true, status: true },
      }),
      db.job.findUnique({
        where: { key },
        select: { id: true, payload: true, status: true, attempts: true },
      }),
    ]);
    // Gone, going or gone out: what it shows is settled.
    if (!job || !msg || msg.status !== "scheduled" || job.status !== "queued")
      return;
    const data = JSON.parse(job.payload) as JobData;
    const { dueAt, ...rest } = data;
    const release =
      dueAt && job.attempts === 0
        ? new Date(Math.max(Date.parse(dueAt), now.getTime()))
        : null;
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.job.updateMany({
        where: { id: job.id, status: "queued", payload: job.payload },
        data: {
          payload: JSON.stringify({
            ...(release ? rest : data),
            tracking: mergeTracking(data.tracking ?? [], tracking),
          }),
          ...(release ? { runAt: release } : {}),
        },
      });
      if (count && release)
        await tx.flowMessage.updateMany({
          where: { id: msg.id, status: "scheduled" },
          data: { scheduledAt: release },
        });
      return count === 1;
    });
    if (done) return;
  }
}

/** The first moment at or after `at` that is outside quiet hours [start, end) in the shop's zone. */
export function outsideQuietHours(
  at: Date,
  quiet: { start: number; end: number; timeZone: string },
): Date {
  if (quiet.start === quiet.end) return at;
  const hourOf = (d: Date) =>
    Number(
      new Intl.DateTimeFormat("en-US", {
        timeZone: quiet.timeZone,
        hour: "numeric",
        hourCycle: "h23",
      }).format(d),
    );
  const inQuiet = (h: number) =>
    quiet.start < quiet.end
      ? h >= quiet.start && h < quiet.end
      : h >= quiet.start || h < quiet.end;
  let t = at;
  // Step to the next whole hour until the hour is allowed (at most a day).
  for (let i = 0; i < 25 && inQuiet(hourOf(t)); i++)
    t = new Date((Math.floor(t.getTime() / 3_600_000) + 1) * 3_600_000);
  return t;
}

export function conditionsMet(
  flow: StoredFlow,
  o: {
    total: number;
    locale: string | null;
    productIds: string[];
    orders: number;
    groups?: string[];
  },
): boolean {
  const c = flow.conditions;
  if (c.orders === "first" && o.orders > 1) return false;
  if (c.orders === "repeat" && o.orders < 2) return false;
  if (c.locales.length && !c.locales.includes((o.locale ?? "").split("-")[0]))
    return false;
  if (o.total < c.minTotal) return false;
  // Products and collections together: the order needs a product of one of them.
  if (c.productIds.length || c.collections.length) {
    const wanted = new Set([
      ...c.productIds,
      ...c.collections.flatMap((x) => x.productIds),
    ]);
    if (!o.productIds.some((p) => wanted.has(p))) return false;
  }
  if (c.groups.length && !c.groups.some((g) => o.groups?.includes(g)))
    return false;
  return true;
}

type Outcome = "sent" | "skipped" | "failed" | "uncertain" | "already";
export type FollowupJob = Pick<
  JobRow,
  "id" | "shop" | "key" | "attempts" | "maxAttempts"
> & { data: unknown };
type JobData = {
  flowId: string;
  stepId?: string;
  orderId: string;
  customerId: string | null;
  tracking: FlowEvent["tracking"];
  at: string;
  /** When it was due, while it waits for tracking (see scheduleFlows). */
  dueAt?: string;
};

/** Sends one scheduled message (see runFollowupBatch); throws what the job queue should retry. */
export async function runFollowup(
  db: PrismaClient,
  job: Omit<FollowupJob, "id"> & { id?: string },
  deps: EngineDeps,
): Promise<Outcome> {
  const id = job.id ?? job.key;
  const result = (await runFollowupBatch(db, [{ ...job, id }], deps)).get(id)!;
  if (result instanceof Error) throw result;
  return result;
}

/**
 * Sends scheduled messages, never twice. Each message row is marked "sending" and committed
 * before the provider is called, and "sent" after. A worker that dies between the two leaves
 * "sending": the next attempt resends only through a channel whose provider drops duplicates
 * (LINE's retry key); otherwise it marks the message "uncertain" for the merchant to check rather
 * than risk a second copy. So does a provider failure after which the provider may have the
 * message (UncertainChannelError). Failures known to have come before anything was handed over
 * come back as errors for the job queue to retry with backoff. Works on a batch of claimed jobs:
 * the rows it needs are read with one query per table.
 */
export async function runFollowupBatch(
  db: PrismaClient,
  jobs: FollowupJob[],
  deps: EngineDeps,
  complete?: (jobIds: string[]) => Prisma.PrismaPromise<unknown>,
): Promise<Map<string, Outcome | Error>> {
  const results = new Map<string, Outcome | Error>();
  if (!jobs.length) return results;
  const data = new Map(jobs.map((j) => [j.id, j.data as JobData]));
  const shops = [...new Set(jobs.map((j) => j.shop))];
  const flowIds = [...new Set(jobs.map((j) => data.get(j.id)!.flowId))];
  // (shop, order) pairs rather than shop IN … AND order IN …, which probes every combination.
  const orders = await db.order.findMany({
    where: {
      OR: pairs(
        jobs.map((j) => ({ shop: j.shop, orderId: data.get(j.id)!.orderId })),
      ),
    },
  });
  const orderOf = new Map(orders.map((o) => [`${o.shop}|${o.orderId}`, o]));
  // The customer as scheduled, or else the order's (its webhook may have come after the fulfilment's).
  const customerIdOf = (j: FollowupJob) =>
    data.get(j.id)!.customerId ??
    orderOf.get(`${j.shop}|${data.get(j.id)!.orderId}`)?.customerId ??
    null;
  const customerIds = [
    ...new Set(jobs.map(customerIdOf).filter((x): x is string => !!x)),
  ];
  const [msgs, flowRows, customers, unsubs, shopRows] = await Promise.all([
    db.flowMessage.findMany({
      where: { idemKey: { in: jobs.map((j) => j.key) } },
    }),
    db.flow.findMany({ where: { id: { in: flowIds } } }),
    customerIds.length
      ? db.customer.findMany({
          where: {
            OR: pairs(
              jobs.flatMap((j) =>
                customerIdOf(j)
                  ? [{ shop: j.shop, customerId: customerIdOf(j)! }]
                  : [],
              ),
            ),
          },
        })
      : Promise.resolve([]),
    customerIds.length
      ? db.unsubscribe.findMany({
          where: { shop: { in: shops }, customerId: { in: customerIds } },
          select: { shop: true, customerId: true, channel: true },
        })
      : Promise.resolve([]),
    db.shop.findMany({
      where: { shop: { in: shops } },
      select: { shop: true, name: true, locale: true },
    }),
  ]);
  const msgByKey = new Map(msgs.map((m) => [m.idemKey, m]));
  const flows = new Map(flowRows.map((f) => [f.id, toFlow(f)]));
  const flowShop = new Map(flowRows.map((f) => [f.id, f.shop]));
  const customerOf = new Map(
    customers.map((c) => [`${c.shop}|${c.customerId}`, c]),
  );
  const unsubscribed = new Set(
    unsubs.map((u) => `${u.shop}|${u.customerId}|${u.channel}`),
  );
  const shopOf = new Map(shopRows.map((r) => [r.shop, r]));
  const channelsByShop = await deps.channels(shops);
  const surveyByShop = new Map<string, { id: string; kind: string } | null>();
  const tutorialsByShop = new Map<string, StoredTutorial[]>();

  const skips = new Map<string, string[]>();
  const skip = (jobId: string, msgId: string, reason: string) => {
    skips.set(reason, [...(skips.get(reason) ?? []), msgId]);
    results.set(jobId, "skipped");
  };
  const uncertain: string[] = [];
  const sends: {
    job: FollowupJob;
    msgId: string;
    channel: Channel;
    to: string;
    locale: string;
    subject: string | null;
    body: string;
  }[] = [];

  for (const job of jobs) {
    const d = data.get(job.id)!;
    const shop = job.shop;
    const msg = msgByKey.get(job.key);
    if (!msg) {
      results.set(job.id, new PermanentJobError(reason("message_missing")));
      continue;
    }
    if (["sent", "skipped", "failed", "uncertain"].includes(msg.status)) {
      results.set(job.id, "already");
      continue;
    }
    const flow = flows.get(d.flowId);
    if (!flow || flowShop.get(d.flowId) !== shop || !flow.enabled) {
      skip(job.id, msg.id, reason("flow_off"));
      continue;
    }
    // Jobs scheduled before flows had steps carry no step: they are the first.
    const step = flow.steps.find((s) => s.id === (d.stepId ?? FIRST_STEP));
    if (!step) {
      skip(job.id, msg.id, reason("step_removed"));
      continue;
    }
    const cid = customerIdOf(job);
    const customer = cid ? (customerOf.get(`${shop}|${cid}`) ?? null) : null;
    const order = orderOf.get(`${shop}|${d.orderId}`) ?? null;
    if (
      flow.trigger === "no_order" &&
      customer?.lastOrderAt &&
      order &&
      customer.lastOrderAt > order.processedAt
    ) {
      skip(job.id, msg.id, reason("ordered_again"));
      continue;
    }
    const channels = channelsByShop.get(shop) ?? {};
    const metafields = customer
      ? (JSON.parse(customer.metafields) as Record<string, string>)
      : {};
    const pick =
      msg.status === "sending" && msg.channel ? [msg.channel] : flow.channels;
    let chosen: { channel: Channel; to: string } | null = null;
    for (const name of pick) {
      const channel = channels[name as "email" | "line" | "sms"];
      if (!channel || !customer) continue;
      const to =
        name === "email"
          ? customer.email
          : name === "sms"
            ? customer.phone
            : (metafields["line.user_id"] ??
              metafields["tsunagu.line_user_id"] ??
              null);
      if (!to) continue;
      // Marketing needs consent on that channel and no unsubscribe; transactional messages do not.
      if (flow.marketing) {
        if (unsubscribed.has(`${shop}|${customer.customerId}|${name}`))
          continue;
        if (name === "email" && customer.emailConsent !== "SUBSCRIBED")
          continue;
        if (name === "sms" && customer.smsConsent !== "SUBSCRIBED") continue;
      }
      chosen = { channel, to };
      break;
    }
    if (!chosen || !customer) {
      skip(job.id, msg.id, reason(customer ? "no_channel" : "guest"));
      continue;
    }
    if (msg.status === "sending" && !chosen.channel.idempotentRetry) {
      uncertain.push(msg.id);
      results.set(job.id, "uncertain");
      continue;
    }
    const shopRow = shopOf.get(shop);
    const locale = pickLocale(
      step.templates[chosen.channel.name] ?? {},
      customer.locale ?? order?.locale ?? null,
      shopRow?.locale ?? "ja",
    );
    const template = step.templates[chosen.channel.name]?.[locale];
    if (!template) {
      skip(job.id, msg.id, reason("no_template", chosen.channel.name));
      continue;
    }
    const link = (url: string) =>
      clickUrl(deps.appUrl, deps.secret, shop, msg.id, url);
    const asksSurvey = usesVariable(template, "survey_link");
    if ((flow.preset === "survey" || asksSurvey) && !surveyByShop.has(shop)) {
      surveyByShop.set(shop, await emailFollowupSurvey(db, shop));
    }
    const survey = surveyByShop.get(shop) ?? null;
    // A message made to ask for the survey says "please answer:" and then nothing when the shop
    // asks no survey by email (none active, or none placed in email): not sent.
    if (asksSurvey && !survey) {
      skip(job.id, msg.id, reason("no_survey"));
      continue;
    }
    // A message asking for the survey is not sent for an order that already answered it (on the
    // thank-you page or through an earlier message): one answer per survey and order.
    if (
      survey &&
      asksSurvey &&
      (await orderAnswer(db, shop, survey.id, d.orderId))
    ) {
      skip(job.id, msg.id, reason("already_answered"));
      continue;
    }
    if (
      !tutorialsByShop.has(shop) &&
      order?.productIds &&
      (flow.preset === "tutorial" || template.body.includes("tutorial_links"))
    )
      tutorialsByShop.set(shop, await listTutorials(db, shop));
    const context: TemplateContext = {
      shop_name: shopDisplayName(shopRow?.name, shop),
      first_name: customer.firstName ?? "",
      last_name: customer.lastName ?? "",
      full_name: fullName(customer.firstName, customer.lastName),
      order_name: order?.name ?? "",
      tracking_links: (d.tracking ?? []).flatMap((t): LinkVar[] => {
        const url = safeUrl(t.url);
        return url
          ? [
              {
                title:
                  [t.company && carrierName(t.company, locale), t.number]
                    .filter(Boolean)
                    .join(" ") || url,
                url: link(url),
              },
            ]
          : [];
      }),
      tutorial_links: tutorialLinks(
        tutorialsByShop.get(shop) ?? [],
        order?.productIds.split(",").filter(Boolean) ?? [],
        locale,
      ).map((t) => ({ title: t.title, url: link(t.url) })),
      survey_link: survey
        ? link(
            surveyAskUrl(
              deps,
              shop,
              survey,
              customer.customerId,
              d.orderId,
              locale,
            ),
          )
        : "",
      unsubscribe_link: unsubscribeUrl(
        deps.appUrl,
        deps.secret,
        shop,
        customer.customerId,
        chosen.channel.name,
        msg.id,
        locale,
      ),
    };
    // A message made to carry the order's tutorials says "here is how to get started" and then
    // nothing when none of its products has one: not sent.
    if (
      template.body.includes("tutorial_links") &&
      !context.tutorial_links.length
    ) {
      skip(job.id, msg.id, reason("no_tutorials"));
      continue;
    }
    const body = await renderTemplate(
      template.body,
      chosen.channel.name === "email" ? "html" : "text",
      context,
    );
    const subject = template.subject
      ? await renderTemplate(template.subject, "text", context)
      : null;
    sends.push({
      job,
      msgId: msg.id,
      channel: chosen.channel,
      to: chosen.to,
      locale,
      subject,
      body,
    });
  }

  for (const [reason, ids] of skips)
    await db.flowMessage.updateMany({
      where: { id: { in: ids } },
      data: { status: "skipped", error: reason },
    });
  if (uncertain.length)
    await db.flowMessage.updateMany({
      where: { id: { in: uncertain } },
      data: {
        status: "uncertain",
        // The worker stopped after sending began; not resent so the customer never gets it twice.
        error: reason("worker_stopped"),
      },
    });

  // Committed, durably, before any provider is called: the mark that a send may have happened.
  for (const name of new Set(sends.map((x) => x.channel.name))) {
    await db.flowMessage.updateMany({
      where: {
        id: {
          in: sends.filter((x) => x.channel.name === name).map((x) => x.msgId),
        },
      },
      data: { status: "sending", channel: name },
    });
  }
  if (sends.length) await durable(db);
  const outcomes = await mapLimit(sends, 16, async (x) => {
    try {
      return {
        x,
        providerId: (
          await x.channel.send({
            idemKey: x.job.key,
            to: x.to,
            subject: x.subject ?? undefined,
            body: x.body,
          })
        ).providerId,
        error: null,
      };
    } catch (error) {
      return {
        x,
        providerId: null,
        error: error instanceof Error ? error : new Error(String(error)),
      };
    }
  });
  const at = deps.now?.() ?? new Date();
  const rows = outcomes.map(({ x, providerId, error }) => {
    const base = {
      id: x.msgId,
      recipient: x.to,
      locale: x.locale,
      subject: x.subject,
      body: x.body,
    };
    if (!error) {
      results.set(x.job.id, "sent");
      return { ...base, status: "sent", providerId, error: null };
    }
    // The provider may have it (a timeout after the message went out, a 5xx): a second attempt
    // could reach the customer twice, so the merchant checks instead; the job is done.
    if (error instanceof UncertainChannelError) {
      results.set(x.job.id, "uncertain");
      return {
        ...base,
        status: "uncertain",
        providerId: null,
        error: reason("uncertain", error.message).slice(0, 1000),
      };
    }
    const permanent = error instanceof PermanentChannelError;
    const last = permanent || x.job.attempts >= x.job.maxAttempts;
    const why = reason("send_failed", error.message).slice(0, 1000);
    results.set(
      x.job.id,
      permanent ? new PermanentJobError(why) : new Error(why),
    );
    // Nothing left the app: the next attempt may send again safely.
    return {
      ...base,
      status: last ? "failed" : "scheduled",
      providerId: null,
      error: why,
    };
  });
  // One statement for the whole batch's per-message columns (one update per message cost most of
  // the worker's time in Prisma), plus the timestamps; together in one transaction. (An empty
  // batch transaction never settles with the SQLite driver adapter.)
  const sentIds = rows.filter((r) => r.status === "sent").map((r) => r.id);
  // Sent and uncertain messages are both finished: their jobs are done in the same commit.
  const doneJobIds = outcomes
    .filter((o) => !o.error || o.error instanceof UncertainChannelError)
    .map((o) => o.x.job.id);
  if (rows.length)
    await db.$transaction([
      db.$executeRaw`
        WITH v("id", "status", "providerId", "error", "recipient", "locale", "subject", "body") AS (
          VALUES ${Prisma.join(rows.map((r) => Prisma.sql`(${r.id}, ${r.status}, ${r.providerId}, ${r.error}, ${r.recipient}, ${r.locale}, ${r.subject}, ${r.body})`))}
        )
        UPDATE "FlowMessage" SET "status" = v."status", "providerId" = v."providerId", "error" = v."error", "recipient" = v."recipient", "locale" = v."locale", "subject" = v."subject", "body" = v."body"
        FROM v WHERE "FlowMessage"."id" = v."id"`,
      db.flowMessage.updateMany({
        where: { id: { in: rows.map((r) => r.id) } },
        data: { updatedAt: at },
      }),
      ...(sentIds.length
        ? [
            db.flowMessage.updateMany({
              where: { id: { in: sentIds } },
              data: { sentAt: at },
            }),
          ]
        : []),
      ...(complete && doneJobIds.length ? [complete(doneJobIds)] : []),
    ]);
  return results;
}

/** Distinct objects (by their values), for an OR of (shop, id) pairs. */
function pairs<T extends Record<string, string>>(items: T[]): T[] {
  return [
    ...new Map(items.map((x) => [Object.values(x).join("|"), x])).values(),
  ];
}

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

export function pickLocale(
  byLocale: Record<string, unknown>,
  customerLocale: string | null,
  shopLocale: string,
): string {
  const wanted = (customerLocale ?? "").toLowerCase().split("-")[0];
  if (wanted && byLocale[wanted]) return wanted;
  if (byLocale[shopLocale]) return shopLocale;
  return Object.keys(byLocale)[0] ?? shopLocale;
}

/** The survey link of a follow-up: the page that offers the score links of the survey for this order. */
function surveyAskUrl(
  deps: EngineDeps,
  shop: string,
  survey: { id: string; kind: string },
  customerId: string,
  orderId: string,
  locale: string,
): string {
  const links = scoreLinks({
    appUrl: deps.appUrl,
    secret: deps.secret,
    shop,
    survey: survey.id,
    kind: survey.kind as "nps" | "csat",
    customer: customerId,
    order: orderId,
    locale,
  });
  // The middle score's token carries everything the chooser page needs; it shows every score.
  return links[Math.floor(links.length / 2)].url.replace(
    "/survey/",
    "/survey/ask/",
  );
}

/** Counts a click on a link of a message (the signed redirect calls this). */
export async function countClick(
  db: PrismaClient,
  shop: string,
  messageId: string,
): Promise<void> {
  await db.flowMessage.updateMany({
    where: { shop, id: messageId },
    data: { clicks: { increment: 1 } },
  });
}

/** Records an unsubscribe once; later marketing messages on that channel are skipped. */
export async function unsubscribe(
  db: PrismaClient,
  shop: string,
  customerId: string,
  channel: string,
  messageId: string | null = null,
): Promise<void> {
  try {
    await db.unsubscribe.create({
      data: { shop, customerId, channel, messageId },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
