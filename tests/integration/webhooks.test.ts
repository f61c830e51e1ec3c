import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { runDueJobs } from "~/jobs/worker.server";
import { jobHandlers } from "~/jobs/handlers.server";
import { action as ordersCreate } from "~/routes/webhooks.orders.create";
import { action as ordersUpdated } from "~/routes/webhooks.orders.updated";
import { readStats } from "~/dashboard/stats.server";
import { action as customersUpdate } from "~/routes/webhooks.customers.update";
import { action as customersDelete } from "~/routes/webhooks.customers.delete";
import { action as appUninstalled } from "~/routes/webhooks.app.uninstalled";
import { action as dataRequest } from "~/routes/webhooks.customers.data_request";
import { action as customersRedact } from "~/routes/webhooks.customers.redact";
import { action as shopRedact } from "~/routes/webhooks.shop.redact";
import { listDataRequests } from "~/settings/settings.server";
import { resetDatabase } from "../support/db";
import { TEST_SHOP, webhookRequest } from "../support/webhooks";

const args = (request: Request) => ({ request, params: {}, context: {} });
const respond = async (
  fn: (a: ReturnType<typeof args>) => Promise<Response>,
  request: Request,
) => {
  try {
    return await fn(args(request));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown; // the library throws its 4xx answers
    throw thrown;
  }
};
const work = () => runDueJobs({ db: prisma, handlers: jobHandlers(prisma) });

function order(
  id: number,
  customerId: number | null,
  total = "5400",
  at = "2026-11-01T10:00:00+09:00",
) {
  return {
    id,
    name: `#${id}`,
    email: "hanako@example.jp",
    created_at: at,
    processed_at: at,
    updated_at: at,
    total_price: total,
    currency: "JPY",
    financial_status: "paid",
    fulfillment_status: null,
    customer_locale: "ja",
    customer: customerId
      ? { id: customerId, email: "hanako@example.jp", first_name: "花子" }
      : null,
    line_items: [{ product_id: 9001, title: "深蒸し煎茶", quantity: 1 }],
  };
}

beforeEach(async () => {
  await resetDatabase(prisma);
});

describe("webhook signatures", () => {
  it("accepts a correctly signed delivery and processes it in a job", async () => {
    const res = await respond(
      ordersCreate,
      webhookRequest({ topic: "orders/create", payload: order(1001, 501) }),
    );
    expect(res.status).toBe(200);
    expect(await prisma.webhookEvent.count()).toBe(1);
    expect(await prisma.order.count()).toBe(0); // not inline: a job does it
    expect(await work()).toBe(1);
    const stored = await prisma.order.findFirstOrThrow({
      where: { shop: TEST_SHOP, orderId: "1001" },
    });
    expect(stored.totalPrice.toString()).toBe("5400");
    const customer = await prisma.customer.findFirstOrThrow({
      where: { customerId: "501" },
    });
    expect(customer.ordersCount).toBe(1);
    const event = await prisma.webhookEvent.findFirstOrThrow();
    expect(event.processedAt).not.toBeNull();
    expect(event.payload).toBe("{}"); // personal data is not kept once processed
  });

  it.each([
    ["forged", "bm90IHRoZSByaWdodCBzaWduYXR1cmU="],
    ["missing", null],
  ])(
    "rejects a %s signature with 401 and stores nothing",
    async (_label, hmac) => {
      const res = await respond(
        ordersCreate,
        webhookRequest({
          topic: "orders/create",
          payload: order(1002, 502),
          hmac,
        }),
      );
      expect(res.status).toBe(401);
      expect(await prisma.webhookEvent.count()).toBe(0);
      expect(await prisma.job.count()).toBe(0);
    },
  );

  it("rejects a body signed with another app's secret", async () => {
    const res = await respond(
      ordersCreate,
      webhookRequest({
        topic: "orders/create",
        payload: order(1003, 503),
        secret: "someone-else",
      }),
    );
    expect(res.status).toBe(401);
    expect(await prisma.webhookEvent.count()).toBe(0);
  });

  it("refuses a topic delivered to another topic's endpoint", async () => {
    const res = await respond(
      ordersCreate,
      webhookRequest({ topic: "customers/update", payload: { id: 1 } }),
    );
    expect(res.status).toBe(400);
    expect(await prisma.webhookEvent.count()).toBe(0);
  });
});

describe("idempotency", () => {
  it("a redelivery with the same webhook id has no second effect", async () => {
    const request = () =>
      webhookRequest({
        topic: "orders/create",
        payload: order(1004, 504),
        webhookId: "wh-1",
        eventId: "ev-1",
      });
    expect((await respond(ordersCreate, request())).status).toBe(200);
    expect((await respond(ordersCreate, request())).status).toBe(200);
    expect(await prisma.webhookEvent.count()).toBe(1);
    expect(await prisma.job.count()).toBe(1);
    await work();
    expect(await work()).toBe(0);
    expect(
      (await prisma.customer.findFirstOrThrow({ where: { customerId: "504" } }))
        .ordersCount,
    ).toBe(1);
  });

  it("the same event under a new webhook id is recognised too", async () => {
    await respond(
      ordersCreate,
      webhookRequest({
        topic: "orders/create",
        payload: order(1005, 505),
        webhookId: "a",
        eventId: "same",
      }),
    );
    await respond(
      ordersCreate,
      webhookRequest({
        topic: "orders/create",
        payload: order(1005, 505),
        webhookId: "b",
        eventId: "same",
      }),
    );
    expect(await prisma.webhookEvent.count()).toBe(1);
  });

  it("customers/delete removes a customer deleted in Shopify, once", async () => {
    await respond(
      customersUpdate,
      webhookRequest({
        topic: "customers/update",
        payload: {
          id: 507,
          first_name: "消",
          updated_at: "2026-11-01T00:00:00Z",
        },
      }),
    );
    await work();
    const gone = webhookRequest({
      topic: "customers/delete",
      payload: { id: 507 },
    });
    expect((await respond(customersDelete, gone)).status).toBe(200);
    await work();
    expect(
      await prisma.customer.count({
        where: { shop: TEST_SHOP, customerId: "507" },
      }),
    ).toBe(0);
    expect(
      (
        await respond(
          customersDelete,
          webhookRequest({ topic: "customers/delete", payload: { id: "x" } }),
        )
      ).status,
    ).toBe(200); // accepted; the job then ends dead with its reason, nothing else happens
    await work();
  });

  it("an older customers/update arriving late does not overwrite a newer one", async () => {
    const newer = {
      id: 506,
      first_name: "新",
      last_name: "山田",
      tags: "vip",
      updated_at: "2026-11-02T00:00:00Z",
    };
    const older = {
      id: 506,
      first_name: "旧",
      tags: "",
      updated_at: "2026-11-01T00:00:00Z",
    };
    await respond(
      customersUpdate,
      webhookRequest({ topic: "customers/update", payload: newer }),
    );
    await work();
    await respond(
      customersUpdate,
      webhookRequest({ topic: "customers/update", payload: older }),
    );
    await work();
    const c = await prisma.customer.findFirstOrThrow({
      where: { customerId: "506" },
    });
    expect(c.firstName).toBe("新");
    expect(c.lastName).toBe("山田");
    expect(c.tags).toBe(",vip,");
  });

  it("a customers/update in the 2025-01+ shape (no tags, consents or locale) keeps what the sync stored", async () => {
    await prisma.customer.create({
      data: {
        shop: TEST_SHOP,
        customerId: "507",
        locale: "ja",
        tags: ",points,",
        emailConsent: "SUBSCRIBED",
        smsConsent: "NOT_SUBSCRIBED",
      },
    });
    await respond(
      customersUpdate,
      webhookRequest({
        topic: "customers/update",
        payload: {
          id: 507,
          first_name: "花子",
          email: "hanako@example.jp",
          updated_at: "2026-11-03T00:00:00Z",
        },
      }),
    );
    await work();
    const c = await prisma.customer.findFirstOrThrow({
      where: { customerId: "507" },
    });
    expect(c).toMatchObject({
      firstName: "花子",
      email: "hanako@example.jp",
      locale: "ja",
      tags: ",points,",
      emailConsent: "SUBSCRIBED",
      smsConsent: "NOT_SUBSCRIBED",
    });
  });

  it("an order moved to another customer counts for that customer only", async () => {
    await respond(
      ordersCreate,
      webhookRequest({ topic: "orders/create", payload: order(3001, 501) }),
    );
    await work();
    // "Change customer" in Shopify admin: orders/updated names another customer.
    await respond(
      ordersUpdated,
      webhookRequest({
        topic: "orders/updated",
        payload: {
          ...order(3001, 502),
          updated_at: "2026-11-02T10:00:00+09:00",
        },
      }),
    );
    await work();
    expect(
      await prisma.customer.findMany({
        where: { shop: TEST_SHOP },
        orderBy: { customerId: "asc" },
        select: { customerId: true, ordersCount: true, lastOrderAt: true },
      }),
    ).toEqual([
      { customerId: "501", ordersCount: 0, lastOrderAt: null },
      {
        customerId: "502",
        ordersCount: 1,
        lastOrderAt: new Date("2026-11-01T01:00:00Z"),
      },
    ]);
    const { months, days } = await readStats(prisma, TEST_SHOP);
    expect(months.reduce((a, m) => a + m.orders, 0)).toBe(1);
    expect(days.reduce((a, d) => a + d.lastOrders, 0)).toBe(1);
  });

  it("a signed but malformed payload ends as a dead job with its reason, not a crash", async () => {
    await respond(
      ordersCreate,
      webhookRequest({
        topic: "orders/create",
        payload: { id: "x", name: "" },
      }),
    );
    await work();
    const job = await prisma.job.findFirstOrThrow();
    expect(job.status).toBe("dead");
    expect(job.lastError).toMatch(/bad payload/);
  });
});

describe("app/uninstalled", () => {
  it("removes the shop's sessions at once", async () => {
    await prisma.session.create({
      data: {
        id: `offline_${TEST_SHOP}`,
        shop: TEST_SHOP,
        state: "",
        accessToken: "shpat_x",
      },
    });
    await prisma.session.create({
      data: {
        id: "offline_other.myshopify.com",
        shop: "other.myshopify.com",
        state: "",
        accessToken: "y",
      },
    });
    const res = await respond(
      appUninstalled,
      webhookRequest({
        topic: "app/uninstalled",
        payload: { id: 1, domain: TEST_SHOP },
      }),
    );
    expect(res.status).toBe(200);
    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await prisma.session.count()).toBe(1);
  });
});

describe("compliance topics with data present", () => {
  async function seed() {
    await respond(
      ordersCreate,
      webhookRequest({
        topic: "orders/create",
        payload: order(2001, 601, "3000"),
      }),
    );
    await respond(
      ordersCreate,
      webhookRequest({
        topic: "orders/create",
        payload: order(2002, 601, "4000"),
      }),
    );
    await respond(
      ordersCreate,
      webhookRequest({
        topic: "orders/create",
        payload: order(2003, 602, "1000"),
      }),
    );
    await respond(
      ordersCreate,
      webhookRequest({
        topic: "orders/create",
        payload: order(2004, 601),
        shop: "other.myshopify.com",
      }),
    );
    await work();
    // What the customer said and was sent: a survey answer, a follow-up, an unsubscribe.
    for (const [customerId, orderId] of [
      ["601", "2001"],
      ["602", "2003"],
    ]) {
      await prisma.surveyResponse.create({
        data: {
          shop: TEST_SHOP,
          surveyId: "s1",
          channel: "thankyou",
          score: 3,
          comment: `サイズが小さかった (${customerId})`,
          locale: "ja",
          customerId,
          orderId,
          responseKey: `thankyou:s1:${orderId}`,
        },
      });
      await prisma.flowMessage.create({
        data: {
          shop: TEST_SHOP,
          flowId: "f1",
          idemKey: `f1:${orderId}`,
          orderId,
          customerId,
          channel: "email",
          recipient: `c${customerId}@example.jp`,
          body: "花子さま、ご注文ありがとうございます",
          scheduledAt: new Date(),
        },
      });
      await prisma.unsubscribe.create({
        data: { shop: TEST_SHOP, customerId, channel: "email" },
      });
    }
  }

  it("customers/data_request assembles everything held about the customer", async () => {
    await seed();
    const payload = {
      shop_id: 1,
      shop_domain: TEST_SHOP,
      orders_requested: [2001, 2002],
      customer: { id: 601, email: "hanako@example.jp", phone: null },
      data_request: { id: 9999 },
    };
    expect(
      (
        await respond(
          dataRequest,
          webhookRequest({ topic: "customers/data_request", payload }),
        )
      ).status,
    ).toBe(200);
    await work();
    // The job run again (a worker stopped before recording it done): still one report.
    const { fulfilDataRequest } =
      await import("~/compliance/compliance.server");
    const { dataRequestPayload } = await import("~/compliance/payloads");
    await fulfilDataRequest(
      prisma,
      TEST_SHOP,
      dataRequestPayload.parse(payload),
    );
    expect(await prisma.dataRequest.count({ where: { shop: TEST_SHOP } })).toBe(
      1,
    );
    const row = await prisma.dataRequest.findFirstOrThrow({
      where: { shop: TEST_SHOP },
    });
    const report = JSON.parse(row.report);
    expect(report.request.customer.id).toBe("601");
    expect(report.data.customerProfile).toHaveLength(1);
    expect(report.data.customerProfile[0]).toMatchObject({
      customerId: "601",
      ordersCount: 2,
      amountSpent: "7000",
    });
    expect(
      report.data.orders.map((o: { orderId: string }) => o.orderId).sort(),
    ).toEqual(["2001", "2002"]);
    expect(
      report.data.webhookEvents.map((e: { topic: string }) => e.topic),
    ).toEqual(["orders/create", "orders/create"]);
    expect(report.data.surveyResponses).toMatchObject([
      { comment: "サイズが小さかった (601)", score: 3, orderId: "2001" },
    ]);
    expect(report.data.followUpMessages).toMatchObject([
      { recipient: "c601@example.jp", channel: "email" },
    ]);
    expect(report.data.unsubscribes).toMatchObject([{ channel: "email" }]);
    // The other shop's order for a customer with the same id is not part of this shop's report.
    expect(
      report.data.orders.some((o: { orderId: string }) => o.orderId === "2004"),
    ).toBe(false);
  });

  it("lists a data request by the customer's name and email, not only their Shopify id", async () => {
    await seed();
    await respond(
      dataRequest,
      webhookRequest({
        topic: "customers/data_request",
        payload: {
          shop_id: 1,
          shop_domain: TEST_SHOP,
          orders_requested: [2001, 2002],
          customer: { id: 601, email: "hanako@example.jp", phone: null },
          data_request: { id: 9999 },
        },
      }),
    );
    await work();
    // Not synced yet (orders/create only notes the id): the email Shopify sent with the request.
    expect(await listDataRequests(prisma, TEST_SHOP)).toMatchObject([
      { customerId: "601", name: null, email: "hanako@example.jp" },
    ]);
    await prisma.customer.updateMany({
      where: { shop: TEST_SHOP, customerId: "601" },
      data: { firstName: "花子", lastName: "山田", email: "hanako@example.jp" },
    });
    expect(await listDataRequests(prisma, TEST_SHOP)).toMatchObject([
      { customerId: "601", name: "山田 花子", email: "hanako@example.jp" },
    ]);
    // A customer redacted since: the email is still in the request's report.
    await prisma.customer.deleteMany({
      where: { shop: TEST_SHOP, customerId: "601" },
    });
    expect(await listDataRequests(prisma, TEST_SHOP)).toMatchObject([
      { customerId: "601", name: null, email: "hanako@example.jp" },
    ]);
  });

  it("customers/redact erases the customer everywhere and nothing else", async () => {
    await seed();
    const payload = {
      shop_id: 1,
      shop_domain: TEST_SHOP,
      customer: { id: 601, email: "x", phone: null },
      orders_to_redact: [2001, 2002],
    };
    await respond(
      customersRedact,
      webhookRequest({ topic: "customers/redact", payload }),
    );
    await work();
    expect(
      await prisma.customer.count({
        where: { shop: TEST_SHOP, customerId: "601" },
      }),
    ).toBe(0);
    expect(
      await prisma.order.count({
        where: { shop: TEST_SHOP, orderId: { in: ["2001", "2002"] } },
      }),
    ).toBe(0);
    expect(
      await prisma.webhookEvent.count({
        where: { shop: TEST_SHOP, customerId: "601" },
      }),
    ).toBe(0);
    expect(
      await prisma.order.count({ where: { shop: TEST_SHOP, orderId: "2003" } }),
    ).toBe(1);
    // The answer still counts in the survey's figures, without the person or their words.
    expect(
      await prisma.surveyResponse.findMany({
        where: { shop: TEST_SHOP },
        orderBy: { comment: "asc" },
        select: { score: true, comment: true, customerId: true, orderId: true },
      }),
    ).toEqual([
      { score: 3, comment: "", customerId: null, orderId: null },
      {
        score: 3,
        comment: "サイズが小さかった (602)",
        customerId: "602",
        orderId: "2003",
      },
    ]);
    expect(
      await prisma.flowMessage.findMany({
        where: { shop: TEST_SHOP },
        select: { recipient: true },
      }),
    ).toEqual([{ recipient: "c602@example.jp" }]);
    expect(
      await prisma.unsubscribe.findMany({
        where: { shop: TEST_SHOP },
        select: { customerId: true },
      }),
    ).toEqual([{ customerId: "602" }]);
    expect(
      await prisma.customer.count({
        where: { shop: "other.myshopify.com", customerId: "601" },
      }),
    ).toBe(1);
  });

  it("shop/redact erases everything of the shop", async () => {
    await seed();
    await prisma.session.create({
      data: {
        id: `offline_${TEST_SHOP}`,
        shop: TEST_SHOP,
        state: "",
        accessToken: "t",
      },
    });
    await respond(
      shopRedact,
      webhookRequest({
        topic: "shop/redact",
        payload: { shop_id: 1, shop_domain: TEST_SHOP },
      }),
    );
    await work();
    for (const count of [
      prisma.customer.count({ where: { shop: TEST_SHOP } }),
      prisma.order.count({ where: { shop: TEST_SHOP } }),
      prisma.webhookEvent.count({ where: { shop: TEST_SHOP } }),
      prisma.session.count({ where: { shop: TEST_SHOP } }),
      prisma.job.count({ where: { shop: TEST_SHOP } }),
    ]) {
      expect(await count).toBe(0);
    }
    expect(
      await prisma.order.count({ where: { shop: "other.myshopify.com" } }),
    ).toBe(1);
  });
});
