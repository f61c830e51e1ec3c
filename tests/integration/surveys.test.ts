import { beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { action } from "~/routes/proxy.survey";
import {
  commentsCsvRows,
  followUpItems,
  markFollowedUp,
  saveSurvey,
  surveyDashboard,
  voiceByProduct,
} from "~/surveys/surveys.server";
import { toCsv } from "~/csv/csv";
import { resetDatabase } from "../support/db";
import {
  callRoute,
  installShop,
  proxyParams,
  signedProxyUrl,
} from "../support/proxy";

const SHOP = "survey-answers.myshopify.com";
let nps = "";
let choice = "";

beforeEach(async () => {
  await resetDatabase(prisma);
  await installShop(prisma, SHOP);
  nps = (await saveSurvey(prisma, SHOP, null, {
    kind: "nps",
    question: { ja: "友人にすすめたいですか?", en: "Would you recommend us?" },
    choices: [],
    followUp: true,
    placements: ["block"],
    audience: "all",
    locales: [],
    cooldownDays: 90,
    active: true,
  }))!;
  choice = (await saveSurvey(prisma, SHOP, null, {
    kind: "choice",
    question: { ja: "どこで知りましたか?" },
    choices: [
      { value: "c1", labels: { ja: "Instagram" } },
      { value: "c2", labels: { ja: "友人" } },
    ],
    followUp: false,
    placements: ["block"],
    audience: "all",
    locales: [],
    cooldownDays: 0,
    active: true,
  }))!;
});

let ip = 0;
function post(
  fields: Record<string, string>,
  opts: {
    customer?: string;
    secret?: string;
    json?: boolean;
    ip?: string;
    shop?: string;
  } = {},
) {
  const url = signedProxyUrl(
    "/survey",
    proxyParams(opts.shop ?? SHOP, opts.customer ?? ""),
    opts.secret,
  );
  const headers: Record<string, string> = {
    "X-Forwarded-For": opts.ip ?? `198.51.100.${++ip % 250}`,
  };
  if (opts.json !== false) headers.Accept = "application/json";
  return callRoute(
    action as never,
    new Request(url, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers,
    }),
  );
}

describe("survey answers through the app proxy", () => {
  it("records an anonymous answer with its comment and queues the comment's analysis", async () => {
    const res = await post({
      survey: nps,
      locale: "ja",
      score: "9",
      comment: "Tevaのハリケーンを探していたのでここで買いました",
      rid: "answer-0001",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, outcome: "recorded" });
    const rows = await prisma.surveyResponse.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      surveyId: nps,
      channel: "block",
      score: 9,
      customerId: null,
      locale: "ja",
      comment: "Tevaのハリケーンを探していたのでここで買いました",
    });
    expect(await prisma.job.count({ where: { type: "survey.analyze" } })).toBe(
      1,
    );
  });

  it("answers a plain form post (no JavaScript) with a Liquid thank-you page", async () => {
    const res = await post(
      { survey: choice, locale: "en", choice: "c2", back: "/products/x" },
      { json: false },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/liquid");
    const body = await res.text();
    expect(body).toContain("Thank you");
    expect(body).toContain('href="/products/x"');
  });

  it("never sends the shopper elsewhere: an outside 'back' link becomes the home page", async () => {
    const body = await (
      await post(
        {
          survey: choice,
          locale: "ja",
          choice: "c1",
          back: "//evil.example/phish",
        },
        { json: false },
      )
    ).text();
    expect(body).toContain('href="/"');
    expect(body).not.toContain("evil");
  });

  it("links a logged-in customer and does not take the same survey from them again inside the window", async () => {
    expect(
      (
        await post(
          { survey: nps, score: "3", rid: "answer-0002" },
          { customer: "4242" },
        )
      ).status,
    ).toBe(200);
    // The same submission retried counts once and still looks successful.
    expect(
      (
        await post(
          { survey: nps, score: "3", rid: "answer-0002" },
          { customer: "4242" },
        )
      ).status,
    ).toBe(200);
    // A new answer inside the 90-day window is refused.
    expect(
      (
        await post(
          { survey: nps, score: "10", rid: "answer-0003" },
          { customer: "4242" },
        )
      ).status,
    ).toBe(409);
    const rows = await prisma.surveyResponse.findMany();
    expect(rows.map((r) => [r.customerId, r.score])).toEqual([["4242", 3]]);
  });

  it("counts an anonymous retry of the same submission once", async () => {
    await post({ survey: nps, score: "8", rid: "answer-0004" });
    await post({ survey: nps, score: "8", rid: "answer-0004" });
    expect(await prisma.surveyResponse.count()).toBe(1);
  });

  it("keeps nothing from a filled honeypot but answers like a success", async () => {
    const res = await post({
      survey: nps,
      score: "10",
      website: "http://spam.example",
    });
    expect(res.status).toBe(200);
    expect(await prisma.surveyResponse.count()).toBe(0);
  });

  it.each([
    ["score above the range", { score: "11" }, 422],
    ["negative score", { score: "-1" }, 422],
    ["fractional score", { score: "7.5" }, 422],
    ["text score", { score: "ten" }, 422],
    ["comment over the limit", { score: "5", comment: "あ".repeat(1001) }, 422],
    ["malformed survey id", { survey: "../../etc" }, 400],
    ["unknown survey", { survey: "cunknownsurvey0000000000" }, 404],
  ])(
    "answers %s with a 4xx and stores nothing",
    async (_name, fields, status) => {
      const res = await post({ survey: nps, locale: "ja", ...fields } as Record<
        string,
        string
      >);
      expect(res.status).toBe(status);
      expect(await prisma.surveyResponse.count()).toBe(0);
    },
  );

  it("refuses a choice that is not the survey's, and a paused survey", async () => {
    expect((await post({ survey: choice, choice: "c9" })).status).toBe(422);
    await prisma.survey.update({
      where: { id: choice },
      data: { active: false },
    });
    expect((await post({ survey: choice, choice: "c1" })).status).toBe(404);
    expect(await prisma.surveyResponse.count()).toBe(0);
  });

  it("rejects forged signatures and shops without the app with 401", async () => {
    expect(
      (await post({ survey: nps, score: "9" }, { secret: "forged" })).status,
    ).toBe(401);
    expect(
      (
        await post(
          { survey: nps, score: "9" },
          { shop: "someone-else.myshopify.com" },
        )
      ).status,
    ).toBe(401);
    expect(await prisma.surveyResponse.count()).toBe(0);
  });

  it("rate-limits a flood from one address", async () => {
    // Time stands still during the flood, so no token comes back however slow the database is.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++)
        statuses.push(
          (
            await post(
              {
                survey: choice,
                choice: "c1",
                rid: `flood-${String(i).padStart(4, "0")}`,
              },
              { ip: "203.0.113.77" },
            )
          ).status,
        );
      expect(statuses.filter((s) => s === 200)).toHaveLength(30);
      expect(statuses.at(-1)).toBe(429);
      expect(await prisma.surveyResponse.count()).toBe(30);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("survey dashboard", () => {
  it("counts people first by channel, language and month, follows up detractors, and exports comments safely", async () => {
    const at = (d: string) => new Date(`${d}T03:00:00Z`);
    const now = at("2026-11-20");
    const answers = [
      {
        channel: "block",
        score: 10,
        locale: "ja",
        createdAt: at("2026-10-02"),
        comment: "",
      },
      {
        channel: "block",
        score: 9,
        locale: "en",
        createdAt: at("2026-11-03"),
        comment: "",
      },
      {
        channel: "thankyou",
        score: 7,
        locale: "ja",
        createdAt: at("2026-11-04"),
        comment: "",
      },
      {
        channel: "email",
        score: 2,
        locale: "ja",
        createdAt: at("2026-11-05"),
        comment: '=HYPERLINK("http://x")届くのが遅い',
        customerId: "77",
      },
    ];
    for (const a of answers)
      await prisma.surveyResponse.create({
        data: { shop: SHOP, surveyId: nps, ...a },
      });
    await prisma.surveyResponse.create({
      data: {
        shop: SHOP,
        surveyId: choice,
        channel: "block",
        choice: "c1",
        locale: "ja",
        createdAt: at("2026-11-06"),
      },
    });
    const d = await surveyDashboard(prisma, SHOP, 365, now);
    expect(d.total).toBe(5);
    expect(d.nps).toEqual({
      responses: 4,
      promoters: 2,
      passives: 1,
      detractors: 1,
      nps: 25,
    });
    expect(d.byChannel.map((c) => [c.key, c.responses])).toEqual([
      ["block", 2],
      ["email", 1],
      ["thankyou", 1],
    ]);
    expect(d.byLocale.map((c) => [c.key, c.promoters, c.detractors])).toEqual([
      ["en", 1, 0],
      ["ja", 1, 1],
    ]);
    expect(d.byMonth.map((c) => [c.key, c.responses])).toEqual([
      ["2026-10", 1],
      ["2026-11", 3],
    ]);

    const items = await followUpItems(prisma, SHOP);
    expect(items.map((i) => i.score)).toEqual([2]);
    expect(await markFollowedUp(prisma, SHOP, items[0].id, true)).toBe(true);
    expect(await followUpItems(prisma, SHOP)).toEqual([]);
    expect(
      await markFollowedUp(prisma, "other.myshopify.com", items[0].id, false),
    ).toBe(false);

    const csv = toCsv(
      ["comment"],
      (await commentsCsvRows(prisma, SHOP, {})).map((r) => [r[6]]),
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")届くのが遅い"`);
  });

  it("cuts months in the shop's time zone", async () => {
    const answer = (createdAt: string) =>
      prisma.surveyResponse.create({
        data: {
          shop: SHOP,
          surveyId: nps,
          channel: "block",
          score: 9,
          locale: "ja",
          createdAt: new Date(createdAt),
        },
      });
    // 08:30 on 1 November in Tokyo, still 31 October in UTC; and 23:00 on 30 November in Tokyo.
    await answer("2026-10-31T23:30:00Z");
    await answer("2026-11-30T14:00:00Z");
    const months = async () =>
      (
        await surveyDashboard(
          prisma,
          SHOP,
          365,
          new Date("2026-12-20T00:00:00Z"),
        )
      ).byMonth.map((m) => [m.key, m.responses]);
    // No shop row yet: Japan, the app's default.
    expect(await months()).toEqual([["2026-11", 2]]);
    await prisma.shop.create({
      data: { shop: SHOP, timezone: "America/New_York" },
    });
    expect(await months()).toEqual([
      ["2026-10", 1],
      ["2026-11", 1],
    ]);
  });

  it("groups answers by the products bought, with each product's loyalty shares", async () => {
    const day = (d: string) => new Date(`${d}T00:00:00Z`);
    await prisma.order.create({
      data: {
        shop: SHOP,
        orderId: "5001",
        name: "#5001",
        customerId: "11",
        processedAt: day("2026-09-01"),
        totalPrice: 5000,
        currency: "JPY",
        productIds: "301,302",
      },
    });
    await prisma.order.create({
      data: {
        shop: SHOP,
        orderId: "5002",
        name: "#5002",
        customerId: "11",
        processedAt: day("2026-11-01"),
        totalPrice: 3000,
        currency: "JPY",
        productIds: "303",
      },
    });
    await prisma.order.create({
      data: {
        shop: SHOP,
        orderId: "5003",
        name: "#5003",
        customerId: "12",
        processedAt: day("2026-11-02"),
        totalPrice: 3000,
        currency: "JPY",
        productIds: "301",
      },
    });
    // Customer 11 answered in October: their September order (301, 302) is what they judged.
    await prisma.surveyResponse.create({
      data: {
        shop: SHOP,
        surveyId: nps,
        channel: "block",
        score: 10,
        locale: "ja",
        customerId: "11",
        loyalty: "psychological",
        comment: "x",
        createdAt: day("2026-10-01"),
      },
    });
    // The thank-you page names its own order.
    await prisma.surveyResponse.create({
      data: {
        shop: SHOP,
        surveyId: nps,
        channel: "thankyou",
        score: 4,
        locale: "ja",
        customerId: "12",
        orderId: "5003",
        loyalty: "behavioral",
        comment: "y",
        createdAt: day("2026-11-02"),
      },
    });
    // Anonymous answers have no product.
    await prisma.surveyResponse.create({
      data: {
        shop: SHOP,
        surveyId: nps,
        channel: "block",
        score: 10,
        locale: "ja",
        createdAt: day("2026-11-03"),
      },
    });
    const voice = await voiceByProduct(prisma, SHOP, 365, day("2026-11-20"));
    expect(voice).toEqual([
      {
        productId: "301",
        responses: 2,
        promoters: 1,
        passives: 0,
        detractors: 1,
        nps: 0,
        loyalty: { psychological: 1, behavioral: 1, none: 0 },
      },
      {
        productId: "302",
        responses: 1,
        promoters: 1,
        passives: 0,
        detractors: 0,
        nps: 100,
        loyalty: { psychological: 1, behavioral: 0, none: 0 },
      },
    ]);
  });
});

describe("email score links", () => {
  let emailSurvey = "";
  const secret = () => process.env.SHOPIFY_API_SECRET!;
  const link = async (o: {
    customer?: string | null;
    order?: string | null;
    score: number;
    secret?: string;
    survey?: string;
    locale?: string;
    days?: number;
  }) => {
    const { scoreLinks } = await import("~/surveys/email-link");
    const links = scoreLinks({
      appUrl: process.env.SHOPIFY_APP_URL!,
      secret: o.secret ?? secret(),
      shop: SHOP,
      survey: o.survey ?? emailSurvey,
      kind: "nps",
      customer: o.customer === undefined ? "501" : o.customer,
      order: o.order === undefined ? "9001" : o.order,
      locale: o.locale ?? "ja",
      days: o.days,
    });
    return links.find((l) => l.score === o.score)!.url;
  };
  const open = async (url: string) => {
    const { loader } = await import("~/routes/survey.$token");
    return callRoute(
      loader as never,
      new Request(url, {
        headers: { "X-Forwarded-For": `192.0.2.${++ip % 250}` },
      }),
      {
        token: url.split("/").pop()!,
      },
    );
  };
  const comment = async (url: string, text: string) => {
    const { action: post } = await import("~/routes/survey.$token");
    return callRoute(
      post as never,
      new Request(url, {
        method: "POST",
        body: new URLSearchParams({ comment: text }),
        headers: { "X-Forwarded-For": `192.0.2.${++ip % 250}` },
      }),
      { token: url.split("/").pop()! },
    );
  };

  beforeEach(async () => {
    emailSurvey = (await saveSurvey(prisma, SHOP, null, {
      kind: "nps",
      question: { ja: "いかがでしたか?", en: "How was it?" },
      choices: [],
      followUp: true,
      placements: ["email"],
      audience: "all",
      locales: [],
      cooldownDays: 90,
      active: true,
    }))!;
  });

  it("records the clicked score once, linked to the customer and order, and takes one comment", async () => {
    const url = await link({ score: 4 });
    const res = await open(url);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("ご回答ありがとうございました");
    expect(page).toContain("<textarea");
    expect(
      await prisma.surveyResponse.findMany({
        select: { channel: true, score: true, customerId: true, orderId: true },
      }),
    ).toEqual([
      { channel: "email", score: 4, customerId: "501", orderId: "9001" },
    ]);

    // Clicking again, or clicking another score in the same email, changes nothing.
    expect((await open(url)).status).toBe(200);
    const other = await (await open(await link({ score: 10 }))).text();
    expect(other).toContain("すでにご回答");
    expect(other).toContain("4");
    expect(
      (await prisma.surveyResponse.findMany()).map((r) => r.score),
    ).toEqual([4]);

    const sent = await comment(url, "<b>届くのが遅かった</b>");
    expect(sent.status).toBe(200);
    const thanks = await sent.text();
    expect(thanks).toContain("ご回答ありがとうございました");
    expect(thanks).not.toContain("すでにご回答");
    expect((await comment(url, "上書き")).status).toBe(409);
    const row = await prisma.surveyResponse.findFirstOrThrow();
    expect(row.comment).toBe("<b>届くのが遅かった</b>");
    expect(await prisma.job.count({ where: { type: "survey.analyze" } })).toBe(
      1,
    );
    // Shown as text, never as markup.
    const after = await (await open(url)).text();
    expect(after).not.toContain("<b>");
  });

  it("counts one answer per survey and order, whichever of the thank-you page and the email comes first", async () => {
    const { recordResponse } = await import("~/surveys/surveys.server");
    const { thankYouKey } = await import("~/surveys/checkout.server");
    const thankYou = (orderId: string, score: number) =>
      recordResponse(
        prisma,
        SHOP,
        { id: emailSurvey, cooldownDays: 0 },
        {
          channel: "thankyou",
          score,
          choice: null,
          comment: "",
          locale: "ja",
          customerId: "501",
          orderId,
          responseKey: thankYouKey(emailSurvey, orderId),
        },
      );
    // Answered on the thank-you page: the email's link shows that answer and records nothing.
    expect((await thankYou("9001", 9)).outcome).toBe("recorded");
    const page = await (await open(await link({ score: 3 }))).text();
    expect(page).toContain("すでにご回答");
    expect(page).toContain("あなたの回答: 9");
    // Answered through the email first: the thank-you page's answer is a duplicate.
    await open(await link({ score: 4, order: "9002" }));
    expect((await thankYou("9002", 10)).outcome).toBe("duplicate");
    // An answer stored before the two shared a key still counts.
    await prisma.surveyResponse.create({
      data: {
        shop: SHOP,
        surveyId: emailSurvey,
        channel: "thankyou",
        score: 6,
        locale: "ja",
        orderId: "9003",
        responseKey: `thankyou:${emailSurvey}:9003`,
      },
    });
    expect(
      await (await open(await link({ score: 1, order: "9003" }))).text(),
    ).toContain("あなたの回答: 6");
    expect(
      (
        await prisma.surveyResponse.findMany({ orderBy: { orderId: "asc" } })
      ).map((r) => [r.orderId, r.channel, r.score]),
    ).toEqual([
      ["9001", "thankyou", 9],
      ["9002", "email", 4],
      ["9003", "thankyou", 6],
    ]);
  });

  it("keeps another recipient's answer apart: a different order is a different answer", async () => {
    await open(await link({ score: 9, order: "9001" }));
    await open(await link({ score: 2, order: "9002", customer: "777" }));
    expect(
      (
        await prisma.surveyResponse.findMany({ orderBy: { orderId: "asc" } })
      ).map((r) => [r.orderId, r.score]),
    ).toEqual([
      ["9001", 9],
      ["9002", 2],
    ]);
  });

  it("rejects forged, tampered, expired and malformed links with a 4xx and stores nothing", async () => {
    const forged = await link({ score: 10, secret: "not-the-secret" });
    const refused = await open(forged);
    expect(refused.status).toBe(403);
    // A link that cannot be trusted says nothing of the reader's language: both.
    const text = await refused.text();
    expect(text).toContain("このリンクは無効です");
    expect(text).toContain("This link is not valid");
    const good = await link({ score: 10 });
    const [body, sig] = good.split("/").pop()!.split(".");
    const swapped = Buffer.from(
      JSON.parse(
        JSON.stringify(Buffer.from(body, "base64url").toString()),
      ).replace('"501"', '"502"'),
    ).toString("base64url");
    expect(
      (await open(`${process.env.SHOPIFY_APP_URL}/survey/${swapped}.${sig}`))
        .status,
    ).toBe(403);
    expect((await open(await link({ score: 10, days: -1 }))).status).toBe(410);
    // An expired link is still the app's own: in its language.
    const expired = await open(
      await link({ score: 10, days: -1, locale: "en" }),
    );
    expect(await expired.text()).toContain("This link has expired.");
    expect(
      (await open(`${process.env.SHOPIFY_APP_URL}/survey/not-a-token`)).status,
    ).toBe(400);
    // A survey that is not sent by email, and a score outside the survey's range.
    expect((await open(await link({ score: 5, survey: nps }))).status).toBe(
      404,
    );
    expect((await comment(forged, "x")).status).toBe(403);
    expect(await prisma.surveyResponse.count()).toBe(0);
  });

  /** The survey page a follow-up message links to, for a link that expires at `exp`. */
  async function askPage(exp: number, locale = "ja") {
    const { loader } = await import("~/routes/survey.ask.$token");
    const { signLink } = await import("~/surveys/email-link");
    const token = signLink(
      {
        shop: SHOP,
        survey: emailSurvey,
        customer: "501",
        order: "9001",
        score: 5,
        locale,
        exp,
      },
      secret(),
    );
    return callRoute(
      loader as never,
      new Request(`${process.env.SHOPIFY_APP_URL}/survey/ask/${token}`),
      { token },
    );
  }

  it("gives the score links of a follow-up's survey page the expiry of the link that led there", async () => {
    const { verifyLink } = await import("~/surveys/email-link");
    // Ten hours left: the score links must not get a day.
    const exp = Math.floor(Date.now() / 1000) + 10 * 3600;
    const res = await askPage(exp);
    expect(res.status).toBe(200);
    const links = [
      ...(await res.text()).matchAll(/\/survey\/([\w-]+\.[\w-]{43})"/g),
    ].map((m) => m[1]);
    expect(links).toHaveLength(11);
    for (const l of links)
      expect(verifyLink(l, secret())).toMatchObject({
        ok: true,
        claims: { exp },
      });
  });

  it("heads the survey page and the score link's page with the shop's name as Shopify gives it", async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    // Before the shop's details were read: its myshopify handle, not a bare "Survey".
    expect(await (await askPage(exp)).text()).toContain(
      "<title>survey-answersからのアンケート</title>",
    );
    await prisma.shop.create({ data: { shop: SHOP, name: "つなぐ茶房" } });
    expect(await (await askPage(exp)).text()).toContain(
      "<title>つなぐ茶房からのアンケート</title>",
    );
    expect(await (await askPage(exp, "en")).text()).toContain(
      "<title>A survey from つなぐ茶房</title>",
    );
    const answered = await open(await link({ score: 9, locale: "en" }));
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain(
      `<h1>A survey from <span class="name">つなぐ茶房</span></h1>`,
    );
  });

  it("tells a follow-up's survey page reader in their language that the link expired or the survey ended", async () => {
    const open = async (exp: number, locale = "en") => {
      const res = await askPage(exp, locale);
      return { status: res.status, text: await res.text() };
    };
    const past = Math.floor(Date.now() / 1000) - 60;
    expect(await open(past)).toMatchObject({ status: 410 });
    expect((await open(past)).text).toContain("This link has expired.");
    expect((await open(past, "ja")).text).toContain("有効期限が切れています");
    await prisma.survey.update({
      where: { id: emailSurvey },
      data: { active: false },
    });
    const ended = await open(Math.floor(Date.now() / 1000) + 3600);
    expect(ended.status).toBe(404);
    expect(ended.text).toContain("This survey has ended.");
    expect(ended.text).not.toContain("終了しました");
  });

  it("turns a flood from one address away in both languages", async () => {
    const { loader } = await import("~/routes/survey.$token");
    const url = await link({ score: 10, locale: "en" });
    const click = () =>
      callRoute(
        loader as never,
        new Request(url, { headers: { "X-Forwarded-For": "203.0.113.77" } }),
        { token: url.split("/").pop()! },
      );
    let last: Response | null = null;
    for (let i = 0; i < 40 && last?.status !== 429; i++) last = await click();
    expect(last!.status).toBe(429);
    const text = await last!.text();
    expect(text).toContain("少し待ってから");
    expect(text).toContain("try again in a moment");
  });

  it("refuses a comment over the limit without storing it", async () => {
    const url = await link({ score: 8, locale: "en" });
    await open(url);
    const res = await comment(url, "a".repeat(1001));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("1,000 characters");
    expect((await prisma.surveyResponse.findFirstOrThrow()).comment).toBe("");
  });
});
