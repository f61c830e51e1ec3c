import { beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { action } from "~/routes/proxy.faq.events";
import { gapReport, learnedSignals } from "~/faq/events.server";
import { publishPending } from "~/faq/publish.server";
import { resetDatabase } from "../support/db";
import {
  callRoute,
  installShop,
  proxyParams,
  signedProxyUrl,
} from "../support/proxy";

const SHOP = "faq-beacons.myshopify.com";
let entryId = "";

beforeEach(async () => {
  await resetDatabase(prisma);
  await installShop(prisma, SHOP);
  const entry = await prisma.faqEntry.create({
    data: {
      shop: SHOP,
      handle: "shipping-fee",
      published: true,
      translations: {
        create: [
          {
            locale: "ja",
            question: "送料はいくらですか",
            answer: "<p>全国一律500円</p>",
          },
        ],
      },
    },
  });
  entryId = entry.id;
});

let ip = 0;
function post(
  body: string,
  opts: { secret?: string; ip?: string; params?: Record<string, string> } = {},
) {
  const url = signedProxyUrl(
    "/faq/events",
    opts.params ?? proxyParams(SHOP),
    opts.secret,
  );
  return callRoute(
    action as never,
    new Request(url, {
      method: "POST",
      body,
      headers: {
        "Content-Type": "text/plain",
        "X-Forwarded-For": opts.ip ?? `198.51.100.${++ip % 250}`,
      },
    }),
  );
}

const batch = (id: string, e: unknown[]) => JSON.stringify({ id, l: "ja", e });

describe("FAQ beacons through the app proxy", () => {
  it("counts opens and votes on the entry, and keeps weak searches for the gap report", async () => {
    const edited = await prisma.faqEntry.findUniqueOrThrow({
      where: { id: entryId },
      select: { updatedAt: true },
    });
    const res = await post(
      batch("batch-0001", [
        { t: "search", q: "ラッピングできる?", r: "empty" },
        { t: "search", q: "らっぴんぐ できる", r: "weak" },
        { t: "open", h: "shipping-fee", q: "そうりょう" },
        { t: "vote", h: "shipping-fee", v: 1, q: "そうりょう" },
        { t: "open", h: "deleted-since-publish" },
      ]),
    );
    expect(res.status).toBe(204);
    expect(
      await prisma.faqEntry.findUnique({
        where: { id: entryId },
        select: { views: true, helpful: true, notHelpful: true },
      }),
    ).toEqual({
      views: 1,
      helpful: 1,
      notHelpful: 0,
    });
    // Counting is not editing: a form the merchant opened before can still be saved.
    expect(
      (
        await prisma.faqEntry.findUniqueOrThrow({
          where: { id: entryId },
          select: { updatedAt: true },
        })
      ).updatedAt,
    ).toEqual(edited.updatedAt);
    const gaps = await gapReport(prisma, SHOP);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({
      count: 2,
      empty: 1,
      examples: ["らっぴんぐ できる", "ラッピングできる?"],
    });
    // One shopper's open and vote teach nothing yet; a second shopper's open does.
    expect(await learnedSignals(prisma, SHOP)).toEqual([]);
    await post(
      batch("batch-0002", [{ t: "open", h: "shipping-fee", q: "そうりょう" }]),
    );
    expect(await learnedSignals(prisma, SHOP)).toEqual([
      {
        locale: "ja",
        query: "そうりょう",
        handle: "shipping-fee",
        opens: 2,
        helpful: 1,
        notHelpful: 0,
      },
    ]);
  });

  it("learns from shoppers, not from batches: one address sending many teaches nothing", async () => {
    const rig = (n: number, ip: string) =>
      post(
        batch(`rig-${ip.split(".").join("")}-${n}`, [
          { t: "open", h: "shipping-fee", q: "ぬいぐるみを買いたい" },
          { t: "vote", h: "shipping-fee", v: 1, q: "ぬいぐるみを買いたい" },
        ]),
        { ip },
      );
    for (let n = 0; n < 10; n++)
      expect((await rig(n, "203.0.113.7")).status).toBe(204);
    const learned = () =>
      learnedSignals(prisma, SHOP).then((all) =>
        all.find((x) => x.query === "ぬいぐるみを買いたい"),
      );
    expect(await learned()).toBeUndefined();
    // A second shopper: now two opens and two helpful votes, not eleven.
    await rig(0, "203.0.113.8");
    expect(await learned()).toMatchObject({ opens: 2, helpful: 2 });
    // What is kept cannot be read back as an address.
    const visitors = await prisma.faqEvent.findMany({
      where: { shop: SHOP, query: "ぬいぐるみを買いたい" },
      select: { visitor: true },
      distinct: ["visitor"],
    });
    expect(visitors).toHaveLength(2);
    for (const v of visitors) {
      expect(v.visitor).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(v.visitor).not.toContain("203");
    }
  });

  it("counts an entry's open and vote, and a search, once per batch", async () => {
    const before = await prisma.faqEntry.findUniqueOrThrow({
      where: { id: entryId },
      select: { views: true, helpful: true },
    });
    const res = await post(
      batch("batch-stuffed", [
        ...Array.from({ length: 8 }, () => ({
          t: "vote",
          h: "shipping-fee",
          v: 1,
          q: "x",
        })),
        ...Array.from({ length: 8 }, () => ({
          t: "open",
          h: "shipping-fee",
          q: "x",
        })),
        ...Array.from({ length: 4 }, () => ({
          t: "search",
          q: "ぬいぐるみ",
          r: "empty",
        })),
      ]),
    );
    expect(res.status).toBe(204);
    expect(
      await prisma.faqEntry.findUniqueOrThrow({
        where: { id: entryId },
        select: { views: true, helpful: true },
      }),
    ).toEqual({ views: before.views + 1, helpful: before.helpful + 1 });
    expect(
      await prisma.faqEvent.count({
        where: { shop: SHOP, query: "ぬいぐるみ" },
      }),
    ).toBe(1);
    expect(
      (await learnedSignals(prisma, SHOP)).find((s) => s.query === "x"),
    ).toBeUndefined();
  });

  it("schedules one learning publish an hour when shoppers open or vote", async () => {
    await post(
      batch("batch-learn-1", [
        { t: "open", h: "shipping-fee", q: "そうりょう" },
      ]),
    );
    await post(
      batch("batch-learn-2", [
        { t: "vote", h: "shipping-fee", v: 1, q: "そうりょう" },
      ]),
    );
    await post(
      batch("batch-learn-3", [{ t: "search", q: "なにか", r: "empty" }]),
    );
    const jobs = await prisma.job.findMany({
      where: { shop: SHOP, type: "faq.publish" },
    });
    expect(jobs).toHaveLength(1);
    expect(jobs[0].runAt.getTime()).toBeGreaterThan(Date.now());
    // Waiting for its hour, it is not "Publishing…" in the admin, even in the last minute.
    const due = jobs[0].runAt.getTime();
    expect(await publishPending(prisma, SHOP, due - 30_000)).toBe(false);
    expect(await publishPending(prisma, SHOP, due)).toBe(true);
  });

  it("counts a batch delivered twice only once", async () => {
    const body = batch("batch-dup-1", [{ t: "open", h: "shipping-fee" }]);
    expect((await post(body)).status).toBe(204);
    expect((await post(body)).status).toBe(204);
    expect(
      (await prisma.faqEntry.findUnique({ where: { id: entryId } }))!.views,
    ).toBe(1);
  });

  it("rejects forged signatures with 401 and stores nothing", async () => {
    const res = await post(
      batch("batch-forged", [{ t: "search", q: "x", r: "empty" }]),
      { secret: "not-the-secret" },
    );
    expect(res.status).toBe(401);
    expect(await prisma.faqEvent.count()).toBe(0);
  });

  it.each([
    ["not JSON", "{", 400],
    [
      "unknown event",
      batch("batch-bad-1", [{ t: "buy", h: "shipping-fee" }]),
      400,
    ],
    ["bad handle", batch("batch-bad-2", [{ t: "open", h: "../etc" }]), 400],
    [
      "extra field",
      JSON.stringify({
        id: "batch-bad-3",
        l: "ja",
        e: [{ t: "open", h: "shipping-fee" }],
        admin: true,
      }),
      400,
    ],
    [
      "too many events",
      batch(
        "batch-bad-4",
        Array.from({ length: 21 }, () => ({ t: "open", h: "shipping-fee" })),
      ),
      400,
    ],
    [
      "query too long",
      batch("batch-bad-5", [{ t: "search", q: "あ".repeat(201), r: "weak" }]),
      400,
    ],
    [
      "oversized",
      batch("batch-bad-6", [{ t: "search", q: "x".repeat(9000), r: "weak" }]),
      413,
    ],
  ])(
    "answers %s with a 4xx and stores nothing",
    async (_name, body, status) => {
      expect((await post(body)).status).toBe(status);
      expect(await prisma.faqEvent.count()).toBe(0);
      expect(
        (await prisma.faqEntry.findUnique({ where: { id: entryId } }))!.views,
      ).toBe(0);
    },
  );

  it("rate-limits a flood from one address", async () => {
    // Time stands still during the flood, so no token comes back however slow the database is.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 40; i++) {
        last = await post(
          batch(`flood-${String(i).padStart(4, "0")}`, [
            { t: "open", h: "shipping-fee" },
          ]),
          { ip: "203.0.113.66" },
        );
        statuses.push(last.status);
      }
      expect(statuses.filter((s) => s === 204).length).toBe(30);
      expect(statuses.at(-1)).toBe(429);
      // A beacon is a script's request: it keeps the JSON answer.
      expect(last!.headers.get("retry-after")).toBe("5");
      expect(await last!.json()).toEqual({ error: "too many requests" });
      expect(
        (await prisma.faqEntry.findUnique({ where: { id: entryId } }))!.views,
      ).toBe(30);
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses shops that have not installed the app", async () => {
    const res = await post(
      batch("batch-other", [{ t: "open", h: "shipping-fee" }]),
      { params: proxyParams("someone-else.myshopify.com") },
    );
    expect(res.status).toBe(401);
  });
});

describe("FAQ search without JavaScript", () => {
  it("answers the block's form with a Liquid page of published answers, escaped", async () => {
    const { loader } = await import("~/routes/proxy.faq");
    await prisma.faqEntry.create({
      data: {
        shop: SHOP,
        handle: "draft-only",
        published: false,
        translations: {
          create: [
            { locale: "ja", question: "送料の下書き", answer: "<p>下書き</p>" },
          ],
        },
      },
    });
    const url = signedProxyUrl("/faq", {
      ...proxyParams(SHOP),
      q: "そうりょう<script>",
      locale: "ja",
    });
    const res = await callRoute(
      loader as never,
      new Request(url, { headers: { "X-Forwarded-For": "192.0.2.10" } }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/liquid");
    const body = await res.text();
    expect(body).toContain("送料はいくらですか");
    expect(body).toContain("全国一律500円");
    expect(body).not.toContain("下書き");
    expect(body).toContain('value="そうりょう&lt;script&gt;"');
  });

  it("links back to the page the search came from, and never to another site", async () => {
    const { loader } = await import("~/routes/proxy.faq");
    const page = async (back: string) =>
      (
        await callRoute(
          loader as never,
          new Request(
            signedProxyUrl("/faq", {
              ...proxyParams(SHOP),
              q: "送料",
              locale: "ja",
              back,
            }),
            { headers: { "X-Forwarded-For": "192.0.2.11" } },
          ),
        )
      ).text();
    const body = await page("/pages/faq");
    expect(body).toContain('<a href="/pages/faq"');
    expect(body).toContain("よくある質問の一覧に戻る");
    // Searching again keeps the way back.
    expect(body).toContain('name="back" value="/pages/faq"');
    for (const forged of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
    ]) {
      const html = await page(forged);
      expect(html).not.toContain("evil.example");
      expect(html).toContain('<a href="/"');
    }
  });

  it("answers a language the shop has no entries in without building or keeping an index", async () => {
    const { loader } = await import("~/routes/proxy.faq");
    const { cachedIndexes } = await import("~/faq/preview.server");
    const before = cachedIndexes();
    for (const locale of ["ab-ghij", "xy", "zz-abcd"]) {
      const res = await callRoute(
        loader as never,
        new Request(
          signedProxyUrl("/faq", { ...proxyParams(SHOP), q: "送料", locale }),
          { headers: { "X-Forwarded-For": "192.0.2.11" } },
        ),
      );
      expect(res.status).toBe(200);
      expect(await res.text()).not.toContain("全国一律500円");
    }
    expect(cachedIndexes()).toBe(before);
  });

  it("turns a flood of searches away with a page in the shopper's language", async () => {
    const { loader } = await import("~/routes/proxy.faq");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      const search = () =>
        callRoute(
          loader as never,
          new Request(
            signedProxyUrl("/faq", {
              ...proxyParams(SHOP),
              q: "送料",
              locale: "en",
            }),
            {
              headers: {
                Accept: "text/html,application/xhtml+xml,*/*;q=0.8",
                "X-Forwarded-For": "203.0.113.88",
              },
            },
          ),
        );
      let res = await search();
      for (let i = 0; i < 40 && res.status !== 429; i++) res = await search();
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(res.headers.get("content-type")).toContain("application/liquid");
      const body = await res.text();
      expect(body).toContain("Too many requests in a short time");
      expect(body).not.toContain('"error"');
    } finally {
      vi.useRealTimers();
    }
  });

  it("rejects unsigned requests", async () => {
    const { loader } = await import("~/routes/proxy.faq");
    const res = await callRoute(
      loader as never,
      new Request(`${process.env.SHOPIFY_APP_URL}/proxy/faq?q=x&shop=${SHOP}`),
    );
    expect(res.status).toBe(401);
  });
});
