import type { PrismaClient } from "@prisma/client";
import { privateHostsAllowed } from "../security/public-host.server";
import { retryDeadJob } from "../jobs/queue.server";
import { fullName } from "../customers/names";
import { FOLLOWUP_JOB } from "./engine.server";
import { sealSecret } from "./secrets.server";
import { validateChannelSettings } from "./channel-settings.server";

/**
 * The outbox, newest first: what went out or was held back, each with its order's name (#1001)
 * and its customer's, since a message held back has no recipient to tell whose it was.
 */
export async function recentMessages(
  db: PrismaClient,
  shop: string,
  take = 30,
) {
  const messages = await db.flowMessage.findMany({
    where: { shop, status: { not: "scheduled" } },
    orderBy: { updatedAt: "desc" },
    take,
    select: {
      id: true,
      flowId: true,
      orderId: true,
      customerId: true,
      channel: true,
      recipient: true,
      subject: true,
      status: true,
      error: true,
      clicks: true,
      sentAt: true,
      updatedAt: true,
      scheduledAt: true,
    },
  });
  return withCustomerNames(db, shop, await withOrderNames(db, shop, messages));
}

/** The next messages to go out, each with its order's name (#1001) when the app knows it. */
export async function upcomingMessages(
  db: PrismaClient,
  shop: string,
  take = 10,
) {
  const messages = await db.flowMessage.findMany({
    where: { shop, status: "scheduled" },
    orderBy: { scheduledAt: "asc" },
    take,
    select: {
      id: true,
      flowId: true,
      orderId: true,
      scheduledAt: true,
      error: true,
    },
  });
  return withOrderNames(db, shop, messages);
}

async function withOrderNames<T extends { orderId: string | null }>(
  db: PrismaClient,
  shop: string,
  messages: T[],
): Promise<(T & { orderName: string | null })[]> {
  const ids = [...new Set(messages.flatMap((m) => m.orderId ?? []))];
  const names = new Map(
    (
      await db.order.findMany({
        where: { shop, orderId: { in: ids } },
        select: { orderId: true, name: true },
      })
    ).map((o) => [o.orderId, o.name]),
  );
  return messages.map((m) => ({
    ...m,
    orderName: (m.orderId && names.get(m.orderId)) || null,
  }));
}

async function withCustomerNames<T extends { customerId: string | null }>(
  db: PrismaClient,
  shop: string,
  messages: T[],
): Promise<(T & { customerName: string | null })[]> {
  const ids = [...new Set(messages.flatMap((m) => m.customerId ?? []))];
  const names = new Map(
    (
      await db.customer.findMany({
        where: { shop, customerId: { in: ids } },
        select: { customerId: true, firstName: true, lastName: true },
      })
    ).map((c) => [c.customerId, fullName(c.firstName, c.lastName)]),
  );
  return messages.map((m) => ({
    ...m,
    customerName: (m.customerId && names.get(m.customerId)) || null,
  }));
}

/** Messages whose job gave up: the dead letters, with the reason, retryable. */
export async function deadLetters(db: PrismaClient, shop: string) {
  const jobs = await db.job.findMany({
    where: { shop, type: FOLLOWUP_JOB, status: "dead" },
    orderBy: { finishedAt: "desc" },
    take: 50,
    select: {
      id: true,
      key: true,
      lastError: true,
      attempts: true,
      finishedAt: true,
    },
  });
  return jobs;
}

export async function retryDeadLetter(
  db: PrismaClient,
  shop: string,
  jobId: string,
): Promise<boolean> {
  const job = await db.job.findFirst({
    where: { id: jobId, shop, type: FOLLOWUP_JOB, status: "dead" },
    select: { key: true },
  });
  if (!job) return false;
  // Only a message that never left may go again; "uncertain" ones stay for the merchant to check.
  await db.flowMessage.updateMany({
    where: { shop, idemKey: job.key, status: "failed" },
    data: { status: "scheduled", error: null },
  });
  return retryDeadJob(db, shop, jobId);
}

/** Saves channel settings; a blank secret keeps the stored one. Returns field error codes or null. */
export async function saveChannelSettings(
  db: PrismaClient,
  shop: string,
  form: Record<string, string>,
  secret: string,
): Promise<Record<string, string> | null> {
  const parsed = validateChannelSettings(form, {
    allowPrivateHosts: privateHostsAllowed(),
  });
  if (!parsed.ok) return parsed.errors;
  const v = parsed.value;
  const data = {
    smtpHost: v.smtpHost || null,
    smtpPort: v.smtpPort === "" ? null : v.smtpPort,
    smtpUser: v.smtpUser || null,
    smtpSecure: v.smtpSecure === "on",
    emailFrom: v.emailFrom || null,
    twilioSid: v.twilioSid || null,
    twilioFrom: v.twilioFrom || null,
    quietStart: v.quietStart,
    quietEnd: v.quietEnd,
    ...(v.smtpPass ? { smtpPass: sealSecret(v.smtpPass, secret) } : {}),
    ...(v.lineToken ? { lineToken: sealSecret(v.lineToken, secret) } : {}),
    ...(v.twilioToken
      ? { twilioToken: sealSecret(v.twilioToken, secret) }
      : {}),
  };
  await db.channelSettings.upsert({
    where: { shop },
    create: { shop, ...data },
    update: data,
  });
  return null;
}
