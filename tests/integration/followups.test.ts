import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { runDueJobs } from "~/jobs/worker.server";
import {
  FOLLOWUP_JOB,
  runFollowup,
  scheduleFlows,
  unsubscribe,
  type EngineDeps,
} from "~/followups/engine.server";
import { flowStats } from "~/followups/stats.server";
import { ensurePresets, toFlow } from "~/followups/flows.server";
import { saveCycles } from "~/followups/cycles.server";
import { emailChannel } from "~/followups/channels/email.server";
import { channelsFor, smtpFromUrl } from "~/followups/runtime.server";
import {
  recentMessages,
  saveChannelSettings,
  upcomingMessages,
} from "~/followups/admin.server";
import { env } from "~/env.server";
import { verifyToken } from "~/followups/links";
import type { Channel } from "~/followups/channels/channel";
import { startSmtpSink, type SmtpSink } from "../../dev-store/src/smtp-sink";
import { resetDatabase } from "../support/db";

const SHOP = "followups.myshopify.com";
let sink: SmtpSink;
const secret = () => process.env.SHOPIFY_API_SECRET!;
const deps = (
  channels?: Partial<Record<"email" | "line" | "sms", Channel>>,
): EngineDeps => ({
  appUrl: "https://app.example",
  secret: secret(),
  timeScale: 1,
  channels: async (shops) =>
    new Map(
      shops.map((s) => [
        s,
        channels ?? {
          email: emailChannel(smtpFromUrl(sink.url, "shop@example.com")),
        },
      ]),
    ),
});
const handlers = (d = deps()) => ({
  [FOLLOWUP_JOB]: (job: Parameters<typeof runFollowup>[1]) =>
    runFollowup(prisma, job, d).then(() => undefined),
});
const later = (days: number) =>
  new Date(Date.now() + days * 86_400_000 + 60_000);

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

/** A tutorial for the products of both orders: the tutorial email is sent only with one. */
async function tutorialsForOrders() {
  await prisma.tutorial.create({
    data: {
      shop: SHOP,
      kind: "video",
      locales: JSON.stringify({
        ja: { title: "使い方", url: "https://video.example/ja" },
        en: { title: "How to", url: "https://video.example/en" },
      }),
      products: JSON.stringify([
        { id: "501", title: "煎茶" },
        { id: "502", title: "急須" },
      ]),
    },
  });
}

beforeEach(async () => {
  await resetDatabase(prisma);
  sink.mails.length = 0;
  sink.onMessage = undefined;
  await prisma.shop.create({
    data: { shop: SHOP, name: "つなぐ茶舗", locale: "ja" },
  });
  await prisma.customer.create({
    data: {
      shop: SHOP,
      customerId: "101",
      email: "hanako@example.com",
      firstName: "Hanako",
      locale: "en",
      emailConsent: "SUBSCRIBED",
      ordersCount: 1,
    },
  });
  await prisma.customer.create({
    data: {
      shop: SHOP,
      customerId: "102",
      email: "taro@example.com",
      firstName: "太郎",
      locale: "ja",
      emailConsent: "NOT_SUBSCRIBED",
      ordersCount: 2,
    },
  });
  await prisma.order.create({
    data: {
      shop: SHOP,
      orderId: "9001",
      name: "#9001",
      customerId: "101",
      processedAt: new Date(),
      totalPrice: 4200,
      currency: "JPY",
      productIds: "501",
    },
  });
  await prisma.order.create({
    data: {
      shop: SHOP,
      orderId: "9002",
      name: "#9002",
      customerId: "102",
      processedAt: new Date(),
      totalPrice: 3000,
      currency: "JPY",
      productIds: "502",
    },
  });
  // No quiet hours here, so the test does not depend on the time of day (unit-tested apart).
  await prisma.channelSettings.create({
    data: { shop: SHOP, quietStart: 0, quietEnd: 0 },
  });
  await ensurePresets(prisma, SHOP);
  await prisma.flow.updateMany({
    where: { shop: SHOP, preset: { in: ["tracking", "tutorial"] } },
    data: { enabled: true },
  });
});

/** Schedules a guest order's follow-ups as its webhook does, with delays in real time. */
const schedule = (
  trigger: Parameters<typeof scheduleFlows>[2],
  orderId: string,
  extra: Partial<Parameters<typeof scheduleFlows>[3]> = {},
) =>
  scheduleFlows(
    prisma,
    SHOP,
    trigger,
    { orderId, customerId: null, at: new Date(), ...extra },
    { timeScale: 1 },
  );

const tracking = [
  {
    // As Shopify names it; the message names it as shoppers know it, in their language.
    company: "Yamato (JA)",
    number: "1234-5678",
    url: "https://track.example/1234-5678",
  },
];

/**
 * Schedules an order's shipping notice and runs its job `attempts` times, seven hours apart
 * (past every retry's backoff), through the given channels.
 */
async function sendShippingNotice(
  orderId: string,
  channels: Partial<Record<"email" | "line" | "sms", Channel>>,
  attempts: number,
): Promise<void> {
  await schedule("fulfilled", orderId, { tracking });
  let now = new Date();
  for (let i = 0; i < attempts; i++) {
    await runDueJobs({
      db: prisma,
      handlers: handlers(deps(channels)),
      now,
    });
    now = new Date(now.getTime() + 7 * 3_600_000);
  }
}

describe("follow-up messages", () => {
  it("sends the tracking email once, in the customer's language, with counted links, however often the webhook comes", async () => {
    for (let i = 0; i < 3; i++)
      await schedule("fulfilled", "9001", { tracking });
    expect(await prisma.job.count({ where: { type: FOLLOWUP_JOB } })).toBe(1);
    await runDueJobs({ db: prisma, handlers: handlers() });
    await runDueJobs({ db: prisma, handlers: handlers() });
    expect(sink.mails).toHaveLength(1);
    const mail = sink.mails[0];
    expect(mail.to).toEqual(["hanako@example.com"]);
    expect(mail.subject).toBe("Your order #9001 is on its way");
    const message = await prisma.flowMessage.findFirstOrThrow();
    expect(message).toMatchObject({
      status: "sent",
      channel: "email",
      recipient: "hanako@example.com",
      locale: "en",
    });
    // The tracking link goes through the app's signed redirect, which counts clicks.
    const token = /https:\/\/app\.example\/r\/([\w-]+\.[\w-]+)/.exec(
      message.body!,
    )![1];
    expect(verifyToken("click", token, secret())).toEqual([
      SHOP,
      message.id,
      "https://track.example/1234-5678",
    ]);
    expect(message.body).toContain("Yamato Transport 1234-5678");
  });

  it("still reaches the customer when the fulfilment's webhook came before the order's", async () => {
    await schedule("fulfilled", "9100", { tracking });
    await prisma.order.create({
      data: {
        shop: SHOP,
        orderId: "9100",
        name: "#9100",
        customerId: "101",
        processedAt: new Date(),
        totalPrice: 1200,
        currency: "JPY",
      },
    });
    await runDueJobs({ db: prisma, handlers: handlers() });
    expect(await prisma.flowMessage.findFirstOrThrow()).toMatchObject({
      status: "sent",
      recipient: "hanako@example.com",
    });
    expect(sink.mails.map((m) => m.subject)).toEqual([
      "Your order #9100 is on its way",
    ]);
  });

  it("waits for tracking added after the fulfilment and sends the notice once, with the link", async () => {
    const { topicHandlers } = await import("~/webhooks/process.server");
    const fulfilment = {
      id: 7001,
      order_id: 9001,
      shipment_status: null,
      tracking_company: null,
      tracking_number: null,
      tracking_numbers: [],
      tracking_urls: [],
    };
    // Marked fulfilled without a tracking number: the notice waits for one.
    await topicHandlers["fulfillments/create"](prisma, SHOP, fulfilment);
    expect(await runDueJobs({ db: prisma, handlers: handlers() })).toBe(0);
    expect(sink.mails).toHaveLength(0);
    // The number is added a minute later: the notice goes now, with its link.
    await topicHandlers["fulfillments/update"](prisma, SHOP, {
      ...fulfilment,
      tracking_company: "Yamato (EN)",
      tracking_number: "1234-5678",
      tracking_numbers: ["1234-5678"],
      tracking_urls: ["https://track.example/1234-5678"],
    });
    expect(await prisma.job.count({ where: { type: FOLLOWUP_JOB } })).toBe(1);
    await runDueJobs({ db: prisma, handlers: handlers() });
    expect(sink.mails).toHaveLength(1);
    const message = await prisma.flowMessage.findFirstOrThrow();
    expect(message.status).toBe("sent");
    expect(message.body).toContain("Yamato Transport 1234-5678");
    expect(message.body).toContain("Follow it here:");
    const token = /https:\/\/app\.example\/r\/([\w-]+\.[\w-]+)/.exec(
      message.body!,
    )![1];
    expect(verifyToken("click", token, secret())?.[2]).toBe(
      "https://track.example/1234-5678",
    );
    // A later correction changes nothing: it went once.
    await topicHandlers["fulfillments/update"](prisma, SHOP, {
      ...fulfilment,
      tracking_number: "9999",
      tracking_numbers: ["9999"],
      tracking_urls: ["https://track.example/9999"],
    });
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(1) });
    expect(sink.mails).toHaveLength(1);
  });

  it("sends the notice without a link line when no tracking came within the wait", async () => {
    await schedule("fulfilled", "9001", { tracking: [] });
    await runDueJobs({
      db: prisma,
      handlers: handlers(),
      now: new Date(Date.now() + 11 * 3_600_000),
    });
    expect(sink.mails).toHaveLength(0);
    await runDueJobs({
      db: prisma,
      handlers: handlers(),
      now: new Date(Date.now() + 13 * 3_600_000),
    });
    expect(sink.mails).toHaveLength(1);
    const body = (await prisma.flowMessage.findFirstOrThrow()).body!;
    expect(body).toContain("Your order #9001 has shipped.");
    expect(body).not.toContain("Follow it here");
  });

  it("never shows a tracking URL that is not http(s) as a link", async () => {
    await schedule("fulfilled", "9001", {
      tracking: [{ company: "X", number: "1", url: "javascript:alert(1)" }],
    });
    await runDueJobs({ db: prisma, handlers: handlers() });
    const body = (await prisma.flowMessage.findFirstOrThrow()).body!;
    expect(body).not.toContain("javascript:");
    expect(body).not.toContain("/r/");
  });

  it("sends marketing only with consent, always with a working unsubscribe link, and nothing after unsubscribing", async () => {
    await tutorialsForOrders();
    await schedule("delivered", "9001");
    await schedule("delivered", "9002");
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(1) });
    const messages = await prisma.flowMessage.findMany({
      orderBy: { orderId: "asc" },
    });
    expect(messages.map((m) => [m.orderId, m.status])).toEqual([
      ["9001", "sent"],
      ["9002", "skipped"],
    ]);
    expect(messages[1].error).toBe("no_channel");
    const unsub = /https:\/\/app\.example\/unsubscribe\/([\w-]+\.[\w-]+)/.exec(
      messages[0].body!,
    )![1];
    expect(verifyToken("unsubscribe", unsub, secret())).toEqual([
      SHOP,
      "101",
      "email",
      messages[0].id,
      "en",
    ]);

    // The customer unsubscribes; the next marketing message to them is skipped.
    await unsubscribe(prisma, SHOP, "101", "email");
    await prisma.order.create({
      data: {
        shop: SHOP,
        orderId: "9003",
        name: "#9003",
        customerId: "101",
        processedAt: new Date(),
        totalPrice: 1000,
        currency: "JPY",
      },
    });
    await schedule("delivered", "9003");
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(1) });
    expect(
      (
        await prisma.flowMessage.findFirstOrThrow({
          where: { orderId: "9003" },
        })
      ).status,
    ).toBe("skipped");
    expect(sink.mails).toHaveLength(1);
    const stats = (await flowStats(prisma, SHOP)).get(messages[0].flowId)!;
    expect(stats).toMatchObject({ sent: 1, skipped: 2 });
  });

  it("sends a flow's steps each after its delay, once, and stops a customer's steps after they unsubscribe; stats per step", async () => {
    await prisma.flow.updateMany({
      where: { shop: SHOP, preset: "tutorial" },
      data: { enabled: false },
    });
    const flow = await prisma.flow.findFirstOrThrow({
      where: { shop: SHOP, preset: "survey" },
    });
    const first = toFlow(flow).steps[0];
    const reminder = {
      email: {
        ja: {
          subject: "もう一度だけ: {{ order_name }}",
          body: `<p><a href="{{ survey_link }}">回答</a></p><a href="{{ unsubscribe_link }}">配信停止</a>`,
        },
        en: {
          subject: "One more time: {{ order_name }}",
          body: `<p><a href="{{ survey_link }}">Answer</a></p><a href="{{ unsubscribe_link }}">Unsubscribe</a>`,
        },
      },
    };
    await prisma.flow.update({
      where: { id: flow.id },
      data: {
        enabled: true,
        channels: "email",
        steps: JSON.stringify([
          first,
          { id: "remind01", delayMinutes: 7 * 1440, templates: reminder },
        ]),
      },
    });
    await prisma.survey.create({
      data: {
        shop: SHOP,
        kind: "nps",
        active: true,
        placements: "email",
        question: JSON.stringify({ ja: "おすすめ度は?", en: "Recommend?" }),
      },
    });
    const at = new Date();
    // A second order for Hanako, so one customer has two sequences running.
    await prisma.order.create({
      data: {
        shop: SHOP,
        orderId: "9004",
        name: "#9004",
        customerId: "101",
        processedAt: at,
        totalPrice: 800,
        currency: "JPY",
      },
    });
    for (let i = 0; i < 2; i++)
      for (const orderId of ["9001", "9004"])
        await schedule("delivered", orderId, { at });
    const scheduled = await prisma.flowMessage.findMany({
      where: { flowId: flow.id },
      orderBy: [{ orderId: "asc" }, { scheduledAt: "asc" }],
    });
    expect(
      scheduled.map((m) => [
        m.orderId,
        m.step,
        Math.round((m.scheduledAt.getTime() - at.getTime()) / 86_400_000),
      ]),
    ).toEqual([
      ["9001", "main", 14],
      ["9001", "remind01", 21],
      ["9004", "main", 14],
      ["9004", "remind01", 21],
    ]);
    // Day 15: only the first step is due.
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(15) });
    // (Both are due at the same moment: in either order.)
    expect(sink.mails.map((m) => m.subject).sort()).toEqual([
      "How was your order #9001?",
      "How was your order #9004?",
    ]);
    // She answers for 9001 through the email, then unsubscribes through the 9004 message's link.
    await prisma.surveyResponse.create({
      data: {
        shop: SHOP,
        surveyId: (await prisma.survey.findFirstOrThrow()).id,
        channel: "email",
        score: 9,
        locale: "en",
        customerId: "101",
        orderId: "9001",
        createdAt: later(16),
      },
    });
    const sent9004 = await prisma.flowMessage.findFirstOrThrow({
      where: { orderId: "9004", step: "main" },
    });
    const token = /https:\/\/app\.example\/unsubscribe\/([\w-]+\.[\w-]+)/.exec(
      sent9004.body!,
    )![1];
    const [, customerId, channel, messageId] = verifyToken(
      "unsubscribe",
      token,
      secret(),
    )!.map(String);
    await unsubscribe(prisma, SHOP, customerId, channel, messageId);
    // Day 22: the reminders are due; she unsubscribed, so neither goes.
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(22) });
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(22) });
    expect(sink.mails).toHaveLength(2);
    expect(
      (await prisma.flowMessage.findMany({ where: { step: "remind01" } })).map(
        (m) => m.status,
      ),
    ).toEqual(["skipped", "skipped"]);
    const stats = await flowStats(prisma, SHOP);
    expect(stats.get(`${flow.id}|main`)).toMatchObject({
      sent: 2,
      unsubscribed: 1,
      surveyAnswers: 1,
    });
    expect(stats.get(`${flow.id}|remind01`)).toMatchObject({
      sent: 0,
      skipped: 2,
      unsubscribed: 0,
      surveyAnswers: 0,
    });
    expect(stats.get(flow.id)).toMatchObject({
      sent: 2,
      skipped: 2,
      unsubscribed: 1,
      surveyAnswers: 1,
    });
    // The editor asks for its own flow only: the same numbers.
    expect(
      (await flowStats(prisma, SHOP, flow.id)).get(`${flow.id}|main`),
    ).toEqual(stats.get(`${flow.id}|main`));
  });

  it("does not ask an order for the survey it already answered on the thank-you page", async () => {
    const { thankYouKey } = await import("~/surveys/checkout.server");
    await prisma.flow.updateMany({
      where: { shop: SHOP, preset: "tutorial" },
      data: { enabled: false },
    });
    await prisma.flow.updateMany({
      where: { shop: SHOP, preset: "survey" },
      data: { enabled: true },
    });
    const survey = await prisma.survey.create({
      data: {
        shop: SHOP,
        kind: "nps",
        active: true,
        placements: "thankyou,email",
        question: JSON.stringify({ ja: "おすすめ度は?", en: "Recommend?" }),
      },
    });
    await prisma.order.create({
      data: {
        shop: SHOP,
        orderId: "9004",
        name: "#9004",
        customerId: "101",
        processedAt: new Date(),
        totalPrice: 800,
        currency: "JPY",
      },
    });
    for (const orderId of ["9001", "9004"])
      await schedule("delivered", orderId);
    await prisma.surveyResponse.create({
      data: {
        shop: SHOP,
        surveyId: survey.id,
        channel: "thankyou",
        score: 9,
        locale: "en",
        customerId: "101",
        orderId: "9001",
        responseKey: thankYouKey(survey.id, "9001"),
      },
    });
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(15) });
    expect(
      (await prisma.flowMessage.findMany({ orderBy: { orderId: "asc" } })).map(
        (m) => [m.orderId, m.status, m.error],
      ),
    ).toEqual([
      ["9001", "skipped", "already_answered"],
      ["9004", "sent", null],
    ]);
    expect(sink.mails.map((m) => m.subject)).toEqual([
      "How was your order #9004?",
    ]);
  });

  it("skips a scheduled step the merchant removed, and schedules a step added later only for new events", async () => {
    await tutorialsForOrders();
    const flow = await prisma.flow.findFirstOrThrow({
      where: { shop: SHOP, preset: "tutorial" },
    });
    const first = toFlow(flow).steps[0];
    await prisma.flow.update({
      where: { id: flow.id },
      data: {
        steps: JSON.stringify([
          first,
          { ...first, id: "second01", delayMinutes: 1440 },
        ]),
      },
    });
    await schedule("delivered", "9001");
    expect(await prisma.flowMessage.count({ where: { flowId: flow.id } })).toBe(
      2,
    );
    await prisma.flow.update({
      where: { id: flow.id },
      data: { steps: JSON.stringify([first]) },
    });
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(3) });
    const rows = await prisma.flowMessage.findMany({
      where: { flowId: flow.id },
      orderBy: { scheduledAt: "asc" },
    });
    expect(rows.map((m) => [m.step, m.status, m.error])).toEqual([
      ["main", "sent", null],
      ["second01", "skipped", "step_removed"],
    ]);
  });

  it("puts the order's product tutorials in the customer's language into the tutorial email, through counted links", async () => {
    await prisma.tutorial.create({
      data: {
        shop: SHOP,
        kind: "video",
        locales: JSON.stringify({
          ja: { title: "淹れ方の動画", url: "https://video.example/ja" },
          en: { title: "Brewing video", url: "https://video.example/en" },
        }),
        products: JSON.stringify([{ id: "501", title: "煎茶" }]),
      },
    });
    await prisma.tutorial.create({
      data: {
        shop: SHOP,
        kind: "article",
        locales: JSON.stringify({
          ja: { title: "保存のしかた", url: "https://blog.example/keep" },
        }),
        products: JSON.stringify([{ id: "999", title: "別の商品" }]),
      },
    });
    await schedule("delivered", "9001");
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(1) });
    const body = (
      await prisma.flowMessage.findFirstOrThrow({ where: { orderId: "9001" } })
    ).body!;
    expect(body).toContain("Brewing video");
    expect(body).not.toContain("淹れ方の動画");
    expect(body).not.toContain("保存のしかた");
    const token = /https:\/\/app\.example\/r\/([\w-]+\.[\w-]+)/.exec(body)![1];
    expect(verifyToken("click", token, secret())?.[2]).toBe(
      "https://video.example/en",
    );
  });

  it("does not send the tutorial email for an order none of whose products has a tutorial", async () => {
    await schedule("delivered", "9001");
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(1) });
    expect(
      await prisma.flowMessage.findFirstOrThrow({ where: { orderId: "9001" } }),
    ).toMatchObject({ status: "skipped", error: "no_tutorials" });
    expect(sink.mails).toHaveLength(0);
  });

  it("does not send a message asking for the survey when no survey is asked by email", async () => {
    await prisma.flow.updateMany({
      where: { shop: SHOP, preset: "tutorial" },
      data: { enabled: false },
    });
    await prisma.flow.updateMany({
      where: { shop: SHOP, preset: "survey" },
      data: { enabled: true },
    });
    // A survey on the thank-you page only, and one asked by email but switched off: none by email.
    for (const [placements, active] of [
      ["thankyou", true],
      ["email", false],
    ] as const)
      await prisma.survey.create({
        data: {
          shop: SHOP,
          kind: "nps",
          active,
          placements,
          question: JSON.stringify({ ja: "おすすめ度は?", en: "Recommend?" }),
        },
      });
    await schedule("delivered", "9001");
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(15) });
    expect(
      await prisma.flowMessage.findFirstOrThrow({ where: { orderId: "9001" } }),
    ).toMatchObject({ status: "skipped", error: "no_survey" });
    expect(sink.mails).toHaveLength(0);
    // Asked by email again: the next order's message goes, with its survey link.
    await prisma.survey.updateMany({
      where: { shop: SHOP, placements: "email" },
      data: { active: true },
    });
    await prisma.order.create({
      data: {
        shop: SHOP,
        orderId: "9004",
        name: "#9004",
        customerId: "101",
        processedAt: new Date(),
        totalPrice: 800,
        currency: "JPY",
      },
    });
    await schedule("delivered", "9004");
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(15) });
    const sent = await prisma.flowMessage.findFirstOrThrow({
      where: { orderId: "9004" },
    });
    expect(sent.status).toBe("sent");
    expect(sent.body).toMatch(
      /href="https:\/\/app\.example\/r\/[\w-]+\.[\w-]+"/,
    );
    expect(sink.mails).toHaveLength(1);
  });

  it("reminds to replenish after the shortest consumption cycle of the order's products, and not at all without one", async () => {
    await prisma.flow.updateMany({
      where: { shop: SHOP, preset: "replenish" },
      data: { enabled: true },
    });
    await saveCycles(prisma, SHOP, [
      { productId: "501", title: "煎茶", days: 20 },
      { productId: "777", title: "急須", days: 300 },
    ]);
    await prisma.order.update({
      where: { shop_orderId: { shop: SHOP, orderId: "9001" } },
      data: { productIds: "501,777" },
    });
    const at = new Date();
    await schedule("delivered", "9001", { at });
    await schedule("delivered", "9002", { at });
    const flow = await prisma.flow.findFirstOrThrow({
      where: { shop: SHOP, preset: "replenish" },
    });
    const replenish = await prisma.flowMessage.findMany({
      where: { flowId: flow.id },
    });
    expect(replenish.map((m) => m.orderId)).toEqual(["9001"]);
    // 20 days, then the shop's quiet hours may push it a little later.
    const due = replenish[0].scheduledAt.getTime() - at.getTime();
    expect(due).toBeGreaterThanOrEqual(20 * 86_400_000);
    expect(due).toBeLessThan(21 * 86_400_000);
    const status = async () =>
      (
        await prisma.flowMessage.findUniqueOrThrow({
          where: { id: replenish[0].id },
        })
      ).status;
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(19) });
    expect(await status()).toBe("scheduled");
    // The list of what goes out next names the order as the merchant knows it.
    expect(
      (await upcomingMessages(prisma, SHOP)).find(
        (m) => m.id === replenish[0].id,
      )?.orderName,
    ).toBe("#9001");
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(21) });
    expect(await status()).toBe("sent");
    expect(sink.mails.filter((m) => m.subject === "Running low?")).toHaveLength(
      1,
    );
    // So does the outbox, with the customer's name: a message held back has no recipient or
    // subject, and without them the merchant could not tell whose it was.
    const row = (await recentMessages(prisma, SHOP)).find(
      (m) => m.id === replenish[0].id,
    );
    expect(row?.orderName).toBe("#9001");
    expect(row?.customerName).toBe("Hanako");
  });

  it("starts a flow only for orders that meet its language, product and customer-group conditions", async () => {
    const flow = await prisma.flow.findFirstOrThrow({
      where: { shop: SHOP, preset: "tutorial" },
    });
    const only = async (conditions: Record<string, unknown>) => {
      await prisma.flow.update({
        where: { id: flow.id },
        data: { conditions: JSON.stringify(conditions) },
      });
      await prisma.flowMessage.deleteMany();
      await prisma.job.deleteMany();
      for (const orderId of ["9001", "9002"])
        await schedule("delivered", orderId);
      return (
        await prisma.flowMessage.findMany({
          where: { flowId: flow.id },
          orderBy: { orderId: "asc" },
        })
      ).map((m) => m.orderId);
    };
    expect(await only({})).toEqual(["9001", "9002"]);
    // 9001: Hanako, English, product 501, one order. 9002: 太郎, Japanese, product 502, two orders.
    expect(await only({ locales: ["ja"] })).toEqual(["9002"]);
    expect(
      await only({ productIds: ["501"], productTitles: { "501": "煎茶" } }),
    ).toEqual(["9001"]);
    // Hanako agreed to email marketing: in the engaged group; 太郎 did not.
    expect(await only({ groups: ["engaged"] })).toEqual(["9001"]);
    expect(
      await only({ groups: ["engaged", "dormant"], locales: ["en"] }),
    ).toEqual(["9001"]);
    expect(await only({ groups: ["points"] })).toEqual([]);
  });

  it("waits for the delay: nothing is sent before its time", async () => {
    await tutorialsForOrders();
    await schedule("delivered", "9001");
    expect(await runDueJobs({ db: prisma, handlers: handlers() })).toBe(0);
    expect(
      await runDueJobs({ db: prisma, handlers: handlers(), now: later(1) }),
    ).toBe(1);
    expect(sink.mails).toHaveLength(1);
  });

  it("retries an unreachable SMTP server with backoff, then dead-letters it with the error; nothing crashes", async () => {
    const dead = emailChannel(
      smtpFromUrl("smtp://127.0.0.1:9", "shop@example.com"),
    );
    await sendShippingNotice("9001", { email: dead }, 6);
    const job = await prisma.job.findFirstOrThrow({
      where: { type: FOLLOWUP_JOB },
    });
    expect(job).toMatchObject({ status: "dead", attempts: 6 });
    expect(job.lastError).toMatch(/SMTP/);
    expect(await prisma.flowMessage.findFirstOrThrow()).toMatchObject({
      status: "failed",
    });
  });

  it("never sends again when the SMTP server goes silent after taking the message body: uncertain, job done", async () => {
    // The server has the whole message, but its "250" comes after the client gave up waiting.
    let received = 0;
    let answered: Promise<void> = Promise.resolve();
    sink.onMessage = () => {
      received++;
      answered = new Promise((resolve) => setTimeout(resolve, 1000));
      return answered;
    };
    const slow = emailChannel({
      ...smtpFromUrl(sink.url, "shop@example.com"),
      socketTimeoutMs: 300,
    });
    await sendShippingNotice("9001", { email: slow }, 3);
    expect(received).toBe(1);
    const message = await prisma.flowMessage.findFirstOrThrow();
    expect(message.status).toBe("uncertain");
    expect(message.error).toMatch(/^uncertain:SMTP: Timeout/);
    expect(
      (await prisma.job.findFirstOrThrow({ where: { type: FOLLOWUP_JOB } }))
        .status,
    ).toBe("done");
    // (The late answer lands before the next test starts.)
    await answered;
  });

  it("SMS: retries when Twilio was never reached, never after a 5xx or a connection lost mid-request", async () => {
    const { smsChannel } = await import("~/followups/channels/sms.server");
    await prisma.customer.update({
      where: { shop_customerId: { shop: SHOP, customerId: "101" } },
      data: { phone: "+819012345678" },
    });
    await prisma.flow.updateMany({
      where: { shop: SHOP, preset: "tracking" },
      data: { channels: "sms" },
    });
    const created = () =>
      Response.json({ sid: "SM1" }, { status: 201 }) as Response;
    const fetchFailed = (code: string) =>
      Promise.reject(
        new TypeError("fetch failed", {
          cause: Object.assign(new Error(code), { code }),
        }),
      );
    const run = async (
      orderId: string,
      answers: (() => Promise<Response>)[],
    ) => {
      let calls = 0;
      const sms = smsChannel(
        { accountSid: "AC1", authToken: "t", from: "+15017122661" },
        () => answers[Math.min(calls++, answers.length - 1)](),
      );
      await sendShippingNotice(orderId, { sms }, 3);
      const m = await prisma.flowMessage.findFirstOrThrow({
        where: { orderId },
      });
      return { calls, status: m.status, error: m.error };
    };
    for (const orderId of ["9005", "9006", "9007"])
      await prisma.order.create({
        data: {
          shop: SHOP,
          orderId,
          name: `#${orderId}`,
          customerId: "101",
          processedAt: new Date(),
          totalPrice: 1000,
          currency: "JPY",
        },
      });
    // Refused before anything went out: tried again, then sent.
    expect(
      await run("9005", [
        () => fetchFailed("ECONNREFUSED"),
        async () => created(),
      ]),
    ).toMatchObject({ calls: 2, status: "sent" });
    // 503: Twilio may have created the message; not sent again.
    expect(
      await run("9006", [
        async () =>
          Response.json(
            { code: 20503, message: "Service Unavailable" },
            {
              status: 503,
            },
          ) as Response,
        async () => created(),
      ]),
    ).toMatchObject({ calls: 1, status: "uncertain" });
    // The connection dropped after the request was written: not sent again.
    expect(
      await run("9007", [
        () => fetchFailed("ECONNRESET"),
        async () => created(),
      ]),
    ).toMatchObject({ calls: 1, status: "uncertain" });
  });

  it("resends through LINE after a crash mid-send, with the same retry key LINE deduplicates", async () => {
    const keys: string[] = [];
    const line: Channel = {
      name: "line",
      idempotentRetry: true,
      send: async (m) => (keys.push(m.idemKey), { providerId: "L1" }),
    };
    await prisma.customer.update({
      where: { shop_customerId: { shop: SHOP, customerId: "101" } },
      data: { metafields: JSON.stringify({ "line.user_id": "U123" }) },
    });
    await prisma.flow.updateMany({
      where: { shop: SHOP, preset: "tracking" },
      data: { channels: "line" },
    });
    await schedule("fulfilled", "9001", { tracking });
    // As if a worker died after marking "sending": the next attempt goes through LINE again.
    await prisma.flowMessage.updateMany({
      data: { status: "sending", channel: "line" },
    });
    await runDueJobs({ db: prisma, handlers: handlers(deps({ line })) });
    expect(keys).toHaveLength(1);
    expect(await prisma.flowMessage.findFirstOrThrow()).toMatchObject({
      status: "sent",
      channel: "line",
      recipient: "U123",
    });
  });

  it("never sends twice when the worker is killed between send and commit and restarted", async () => {
    await schedule("fulfilled", "9001", { tracking });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      FOLLOWUP_SMTP_URL: sink.url,
      FOLLOWUP_EMAIL_FROM: "shop@example.com",
    };
    const run = (extra: Record<string, string> = {}): ChildProcess =>
      spawn(
        process.execPath,
        ["--import", "tsx", "tests/support/followup-worker.ts"],
        { env: { ...env, ...extra }, stdio: ["ignore", "pipe", "pipe"] },
      );

    // 1. The SMTP server has the message; before it answers, the worker is killed.
    const child = run();
    sink.onMessage = () => {
      child.kill("SIGKILL");
      return new Promise((resolve) => child.once("exit", () => resolve()));
    };
    const exit = await new Promise<string | null>((resolve) =>
      child.once("exit", (_code, signal) => resolve(signal)),
    );
    expect(exit).toBe("SIGKILL");
    await expect.poll(() => sink.mails.length).toBe(1);
    sink.onMessage = undefined;
    expect(await prisma.flowMessage.findFirstOrThrow()).toMatchObject({
      status: "sending",
    });

    // 2. A new worker after the dead one's lease: the message is not sent again.
    const again = run({
      WORKER_NOW: new Date(Date.now() + 6 * 60_000).toISOString(),
    });
    const out = await new Promise<string>((resolve, reject) => {
      let text = "";
      again.stdout?.on("data", (d: Buffer) => (text += d));
      again.stderr?.on("data", (d: Buffer) => (text += d));
      again.once("exit", (code) =>
        code === 0 ? resolve(text) : reject(new Error(text)),
      );
    });
    expect(out).toContain('{"ran":1}');
    expect(sink.mails).toHaveLength(1);
    expect(await prisma.flowMessage.findFirstOrThrow()).toMatchObject({
      status: "uncertain",
    });
    expect(
      (await prisma.job.findFirstOrThrow({ where: { type: FOLLOWUP_JOB } }))
        .status,
    ).toBe("done");
  }, 60_000);
});

describe("which server sends, as whom", () => {
  const settings = () => ({
    ...env(),
    FOLLOWUP_SMTP_URL: sink.url,
    FOLLOWUP_EMAIL_FROM: "followups@tsunagu.example",
  });
  const send = async () => {
    const email = (await channelsFor(prisma, settings())([SHOP])).get(
      SHOP,
    )?.email;
    await email!.send({
      idemKey: `sender-test:${Date.now()}`,
      to: "buyer@example.com",
      subject: "件名",
      body: "<p>本文</p>",
    });
    return sink.mails.at(-1)!;
  };

  it("sends from the app's shared server as the app, with the shop's address for replies", async () => {
    // Any merchant could type a bank's address; the shared server must not send as it.
    await prisma.channelSettings.update({
      where: { shop: SHOP },
      data: { emailFrom: "security@bank.example" },
    });
    const mail = await send();
    expect(mail.from).toBe("followups@tsunagu.example");
    expect(mail.raw).toMatch(/^From: followups@tsunagu\.example/im);
    expect(mail.raw).toMatch(/^Reply-To: security@bank\.example/im);
  });

  it("refuses a merchant's SMTP host inside the app's network in production, when saved", async () => {
    const form = {
      smtpHost: "169.254.169.254",
      smtpPort: "25",
      smtpUser: "",
      smtpPass: "",
      smtpSecure: "off",
      emailFrom: "",
      lineToken: "",
      twilioSid: "",
      twilioToken: "",
      twilioFrom: "",
      quietStart: "0",
      quietEnd: "0",
    };
    const was = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      for (const smtpHost of [
        "169.254.169.254",
        "localhost",
        "redis",
        "10.0.0.5",
      ])
        expect(
          await saveChannelSettings(prisma, SHOP, { ...form, smtpHost }, "s"),
        ).toEqual({ smtpHost: "private" });
      expect(
        await saveChannelSettings(
          prisma,
          SHOP,
          { ...form, smtpHost: "smtp.example.com" },
          "s",
        ),
      ).toBeNull();
    } finally {
      process.env.NODE_ENV = was;
    }
  });

  it("does not connect a merchant's server to a private address, even by a public-looking name", async () => {
    // By name ("localhost" resolves to 127.0.0.1, where the sink listens) and by address.
    for (const host of ["localhost", new URL(sink.url).hostname]) {
      const channel = emailChannel({
        ...smtpFromUrl(sink.url, "shop@example.com"),
        host,
        publicOnly: true,
      });
      await expect(
        channel.send({
          idemKey: `private:${host}:${Date.now()}`,
          to: "buyer@example.com",
          subject: "x",
          body: "x",
        }),
      ).rejects.toThrow(/not a public address/);
    }
    expect(sink.mails).toHaveLength(0);
  });
});

describe("links in messages", () => {
  it("unsubscribe asks first (GET changes nothing), records on POST, and rejects forged links", async () => {
    const { loader, action } = await import("~/routes/unsubscribe.$token");
    const { unsubscribeUrl } = await import("~/followups/links");
    const url = unsubscribeUrl(
      "https://app.example",
      secret(),
      SHOP,
      "101",
      "email",
    );
    const token = url.split("/").pop()!;
    const page = await (loader as (a: unknown) => Promise<Response>)({
      request: new Request(url),
      params: { token },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Unsubscribe");
    expect(await prisma.unsubscribe.count()).toBe(0);
    const done = await (action as (a: unknown) => Promise<Response>)({
      request: new Request(url, { method: "POST" }),
      params: { token },
    });
    expect(done.status).toBe(200);
    await (action as (a: unknown) => Promise<Response>)({
      request: new Request(url, { method: "POST" }),
      params: { token },
    });
    expect(
      await prisma.unsubscribe.findMany({
        select: { customerId: true, channel: true },
      }),
    ).toEqual([{ customerId: "101", channel: "email" }]);
    const forged = unsubscribeUrl(
      "https://app.example",
      "other-secret",
      SHOP,
      "102",
      "email",
    )
      .split("/")
      .pop()!;
    expect(
      (
        await (action as (a: unknown) => Promise<Response>)({
          request: new Request(url, { method: "POST" }),
          params: { token: forged },
        })
      ).status,
    ).toBe(400);
    expect(await prisma.unsubscribe.count()).toBe(1);
  });

  it("unsubscribe speaks the language the message went out in, and older links still work", async () => {
    const { loader, action } = await import("~/routes/unsubscribe.$token");
    const { unsubscribeUrl } = await import("~/followups/links");
    // Hanako's row has no language; the message went out in English.
    await prisma.customer.update({
      where: { shop_customerId: { shop: SHOP, customerId: "101" } },
      data: { locale: null },
    });
    await schedule("delivered", "9001");
    await prisma.flow.updateMany({
      where: { shop: SHOP, preset: "tutorial" },
      data: {
        steps: JSON.stringify([
          {
            id: "main",
            delayMinutes: 1440,
            templates: {
              email: {
                en: {
                  subject: "Hi",
                  body: `<a href="{{ unsubscribe_link }}">Unsubscribe</a>`,
                },
              },
            },
          },
        ]),
      },
    });
    await runDueJobs({ db: prisma, handlers: handlers(), now: later(1) });
    const message = await prisma.flowMessage.findFirstOrThrow();
    expect(message).toMatchObject({ status: "sent", locale: "en" });
    const token = /\/unsubscribe\/([\w-]+\.[\w-]+)/.exec(message.body!)![1];
    const call = (
      fn: unknown,
      t: string,
      init: RequestInit = {},
    ): Promise<Response> =>
      (fn as (a: unknown) => Promise<Response>)({
        request: new Request(`https://app.example/unsubscribe/${t}`, init),
        params: { token: t },
      });
    const page = await (await call(loader, token)).text();
    expect(page).toContain("Stop receiving news from this shop by email?");
    const done = await call(action, token, { method: "POST" });
    expect(await done.text()).toContain("You are unsubscribed.");
    expect(
      await prisma.unsubscribe.findFirstOrThrow({
        select: { customerId: true, channel: true, messageId: true },
      }),
    ).toEqual({ customerId: "101", channel: "email", messageId: message.id });
    // A link from before the language was carried: the customer's or the browser's language.
    const old = unsubscribeUrl(
      "https://app.example",
      secret(),
      SHOP,
      "101",
      "line",
      message.id,
    )
      .split("/")
      .pop()!;
    expect(await (await call(loader, old)).text()).toContain("配信を停止");
  });

  it("click links count and redirect only where they were signed to go", async () => {
    const { loader } = await import("~/routes/r.$token");
    const { clickUrl } = await import("~/followups/links");
    const msg = await prisma.flowMessage.create({
      data: {
        shop: SHOP,
        flowId: "f",
        idemKey: "k-click",
        scheduledAt: new Date(),
        status: "sent",
      },
    });
    const token = clickUrl(
      "https://app.example",
      secret(),
      SHOP,
      msg.id,
      "https://track.example/1",
    )
      .split("/")
      .pop()!;
    const res = await (loader as (a: unknown) => Promise<Response>)({
      request: new Request("https://app.example/r/x"),
      params: { token },
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://track.example/1");
    expect(
      (await prisma.flowMessage.findUniqueOrThrow({ where: { id: msg.id } }))
        .clicks,
    ).toBe(1);
    const [body] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify([SHOP, msg.id, "https://evil.example"])).toString("base64url")}.${token.split(".")[1]}`;
    const refused = await (loader as (a: unknown) => Promise<Response>)({
      request: new Request("https://app.example/r/x"),
      params: { token: forged },
    });
    expect(refused.status).toBe(400);
    // Nothing tells the reader's language: both.
    const text = await refused.text();
    expect(text).toContain("このリンクは無効です");
    expect(text).toContain("This link is not valid");
    expect(body).toBeTruthy();
  });
});
