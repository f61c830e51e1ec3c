import { describe, expect, it } from "vitest";
import { createDevStore } from "./store";
import type { WebhookEvent } from "./contract";

const NOW = new Date("2026-11-01T00:00:00Z");
const ALL = [
  "read_customers",
  "write_customers",
  "read_orders",
  "read_products",
  "write_products",
  "read_fulfillments",
  "write_metaobject_definitions",
  "write_metaobjects",
];

function store(
  extra: Parameters<typeof createDevStore>[0] extends infer O
    ? Partial<O>
    : never = {},
) {
  return createDevStore({
    baseUrl: "http://127.0.0.1:4400",
    now: NOW,
    ...extra,
  });
}

async function gql(
  s: ReturnType<typeof store>,
  query: string,
  variables?: Record<string, unknown>,
  scopes = ALL,
) {
  const res = await s.execute({
    version: "2026-07",
    query,
    variables,
    scopes,
    bucketKey: "test",
  });
  return res.body as {
    data?: Record<string, any>;
    errors?: any[];
    extensions?: any;
  };
}

describe("seeded store", () => {
  it("has the promised size and is deterministic", () => {
    const a = store();
    const b = store();
    expect(a.state.products.length).toBeGreaterThanOrEqual(200);
    expect(a.state.customers.length).toBeGreaterThanOrEqual(2000);
    expect(a.state.orders.length).toBeGreaterThanOrEqual(6000);
    expect(JSON.stringify(a.state.orders.slice(0, 50))).toBe(
      JSON.stringify(b.state.orders.slice(0, 50)),
    );
    const first = Date.parse(a.state.orders[0].processedAt);
    expect((NOW.getTime() - first) / 86_400_000).toBeGreaterThan(500);
    expect(new Set(a.state.customers.map((c) => c.locale))).toEqual(
      new Set(["ja", "en"]),
    );
  });
});

describe("Admin GraphQL against the published schema", () => {
  it("rejects an unknown field the way Shopify does", async () => {
    const body = await gql(store(), "query { shop { name nope } }");
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "Field 'nope' doesn't exist on type 'Shop'",
        extensions: {
          code: "undefinedField",
          typeName: "Shop",
          fieldName: "nope",
        },
      }),
    ]);
  });

  it("requires first or last and caps pages at 250", async () => {
    const s = store();
    expect(
      (await gql(s, "query { customers { nodes { id } } }")).errors?.[0]
        .message,
    ).toBe("you must provide one of first or last");
    expect(
      (await gql(s, "query { customers(first: 251) { nodes { id } } }"))
        .errors?.[0].message,
    ).toMatch(/250/);
  });

  it("denies fields the token's scopes do not cover", async () => {
    const body = await gql(
      store(),
      "query { customers(first: 1) { nodes { id } } }",
      undefined,
      ["read_orders"],
    );
    expect(body.errors?.[0]).toMatchObject({
      extensions: { code: "ACCESS_DENIED" },
    });
    expect(body.errors?.[0].message).toMatch(/read_customers/);
  });

  it("pages through every customer exactly once", async () => {
    const s = store({ throttle: { maximumAvailable: 1e9, restoreRate: 1e9 } });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const body = await gql(
        s,
        "query Page($after: String) { customers(first: 250, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }",
        { after },
      );
      const page = body.data!.customers;
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.length).toBe(s.state.customers.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("filters with Shopify's search syntax", async () => {
    const s = store();
    const vip = s.state.customers.filter((c) => c.tags.includes("vip")).length;
    const body = await gql(
      s,
      'query { customersCount(query: "tag:vip") { count } }',
    );
    expect(body.data!.customersCount.count).toBe(vip);
  });

  it("reports cost and throttles at the configured rate", async () => {
    let t = 0;
    const s = store({
      throttle: { maximumAvailable: 100, restoreRate: 50 },
      clock: () => t,
    });
    const q = "query { customers(first: 40) { nodes { id } } }"; // 2 + 40 x 1 = 42
    const first = await gql(s, q);
    expect(first.extensions.cost.requestedQueryCost).toBe(42);
    expect(first.extensions.cost.throttleStatus).toMatchObject({
      maximumAvailable: 100,
      restoreRate: 50,
    });
    await gql(s, q);
    const third = await gql(s, q);
    expect(third.errors?.[0]).toMatchObject({
      message: "Throttled",
      extensions: { code: "THROTTLED" },
    });
    t += 2000; // two seconds restore 100 points
    expect((await gql(s, q)).errors).toBeUndefined();
  });

  it("refuses a single query over the max cost", async () => {
    const body = await gql(
      store(),
      "query { customers(first: 250) { nodes { orders(first: 250) { nodes { id } } } } }",
    );
    expect(body.errors?.[0].extensions.code).toBe("MAX_COST_EXCEEDED");
  });

  it("writes app-owned metafields readable from the app installation", async () => {
    const s = store();
    const set = await gql(
      s,
      `mutation { metafieldsSet(metafields: [{ ownerId: "gid://shopify/AppInstallation/1", namespace: "$app:tsunagu", key: "faq", type: "json", value: "{\\"v\\":1}" }]) { metafields { namespace key } userErrors { message } } }`,
    );
    expect(set.data!.metafieldsSet.userErrors).toEqual([]);
    const read = await gql(
      s,
      `query { currentAppInstallation { metafield(namespace: "$app:tsunagu", key: "faq") { value } } }`,
    );
    expect(read.data!.currentAppInstallation.metafield.value).toBe('{"v":1}');
    expect(s.shopMetafields()["tsunagu.faq"]).toBe('{"v":1}');
  });

  it("sets a metafield only if it still has the digest the caller read", async () => {
    const s = store();
    const set = (value: string, digest: string | null | undefined) =>
      gql(
        s,
        `mutation($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { value } userErrors { field code } } }`,
        {
          m: [
            {
              ownerId: "gid://shopify/AppInstallation/1",
              namespace: "$app:tsunagu",
              key: "cas",
              type: "json",
              value,
              ...(digest === undefined ? {} : { compareDigest: digest }),
            },
          ],
        },
      );
    const digestNow = async () =>
      (
        await gql(
          s,
          `query { currentAppInstallation { metafield(namespace: "$app:tsunagu", key: "cas") { compareDigest } } }`,
        )
      ).data!.currentAppInstallation.metafield?.compareDigest as string;
    // Null: create only if nobody has.
    expect((await set("1", null)).data!.metafieldsSet.userErrors).toEqual([]);
    const first = await digestNow();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect((await set("2", null)).data!.metafieldsSet.userErrors).toEqual([
      { field: ["metafields", "0"], code: "STALE_OBJECT" },
    ]);
    expect((await set("2", first)).data!.metafieldsSet.userErrors).toEqual([]);
    // The digest read before that write is stale now; nothing is written.
    const stale = await set("3", first);
    expect(stale.data!.metafieldsSet).toEqual({
      metafields: [],
      userErrors: [{ field: ["metafields", "0"], code: "STALE_OBJECT" }],
    });
    expect(s.shopMetafields()["tsunagu.cas"]).toBe("2");
    expect(
      (await set("3", "not a digest")).data!.metafieldsSet.userErrors[0].code,
    ).toBe("INVALID_COMPARE_DIGEST");
    // Without a digest, a write is unconditional as before.
    expect((await set("4", undefined)).data!.metafieldsSet.userErrors).toEqual(
      [],
    );
    expect(await digestNow()).not.toBe(first);
  });
});

describe("segments", () => {
  it("counts members like an independent computation over the seed", async () => {
    const s = store();
    const created = await gql(
      s,
      `mutation { segmentCreate(name: "Repeat", query: "number_of_orders >= 2 AND customer_account_status = 'ENABLED'") { segment { id } userErrors { message } } }`,
    );
    const id = created.data!.segmentCreate.segment.id;
    const members = await gql(
      s,
      `query($id: ID!) { customerSegmentMembers(segmentId: $id, first: 1) { totalCount } }`,
      { id },
    );
    const expected = s.state.customers.filter(
      (c) => c.orderIds.length >= 2 && c.state === "ENABLED",
    ).length;
    expect(members.data!.customerSegmentMembers.totalCount).toBe(expected);
  });

  it("reports an invalid segment query as a user error", async () => {
    const body = await gql(
      store(),
      `mutation { segmentCreate(name: "Bad", query: "favourite_colour = 'blue'") { segment { id } userErrors { field message } } }`,
    );
    expect(body.data!.segmentCreate.segment).toBeNull();
    expect(body.data!.segmentCreate.userErrors[0]).toMatchObject({
      field: ["query"],
    });
  });
});

describe("bulk operations", () => {
  it("writes JSONL that matches the query, nested nodes with __parentId", async () => {
    const s = store();
    const events: WebhookEvent[] = [];
    s.onWebhook((e) => events.push(e));
    const run = await gql(
      s,
      `mutation { bulkOperationRunQuery(query: "{ customers { edges { node { id email orders { edges { node { id name } } } } } } }") { bulkOperation { id status } userErrors { message } } }`,
    );
    expect(run.data!.bulkOperationRunQuery.userErrors).toEqual([]);
    for (let i = 0; i < 100 && !events.length; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(events[0].topic).toBe("bulk_operations/finish");
    const op = (
      await gql(
        s,
        "query { currentBulkOperation { id status objectCount rootObjectCount url } }",
      )
    ).data!.currentBulkOperation;
    expect(op.status).toBe("COMPLETED");
    const id = op.id.split("/").pop();
    const chunks: Buffer[] = [];
    for await (const chunk of s.openBulkResult(id)! as AsyncIterable<Buffer>)
      chunks.push(chunk);
    const lines = Buffer.concat(chunks)
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.length).toBe(Number(op.objectCount));
    const customers = lines.filter((l) => !l.__parentId);
    expect(customers.length).toBe(s.state.customers.length);
    expect(Object.keys(customers[0]).sort()).toEqual(["email", "id"]);
    const orders = lines.filter((l) => l.__parentId);
    expect(orders.length).toBe(
      s.state.orders.filter((o) => o.customerId).length,
    );
    expect(Object.keys(orders[0]).sort()).toEqual(["__parentId", "id", "name"]);
  });

  it("rejects a bulk query without a connection", async () => {
    const body = await gql(
      store(),
      `mutation { bulkOperationRunQuery(query: "{ shop { name } }") { bulkOperation { id } userErrors { field message } } }`,
    );
    expect(body.data!.bulkOperationRunQuery.userErrors[0].message).toMatch(
      /connection/,
    );
  });
});

describe("story events", () => {
  it("emit the webhooks Shopify would, with REST-shaped payloads", async () => {
    const s = store();
    const events: WebhookEvent[] = [];
    s.onWebhook((e) => events.push(e));
    const customer = s.state.customers.find((c) => c.state === "ENABLED")!;
    const variant = s.state.products[0].variants[0];
    const { orderId } = await s.createOrder({
      customerId: `gid://shopify/Customer/${customer.legacyId}`,
      lines: [
        {
          variantId: `gid://shopify/ProductVariant/${variant.legacyId}`,
          quantity: 2,
        },
      ],
    });
    const { fulfillmentId } = await s.fulfillOrder(orderId, {
      company: "Yamato (JA)",
      number: "123456789012",
      url: "https://toi.kuronekoyamato.co.jp/x",
    });
    await s.markDelivered(fulfillmentId);
    expect(events.map((e) => e.topic)).toEqual([
      "orders/create",
      "customers/update",
      "fulfillments/create",
      "orders/updated",
      "fulfillments/update",
      "orders/updated",
    ]);
    const order = events[0].payload as {
      id: number;
      customer: { id: number };
      total_price: string;
    };
    expect(`gid://shopify/Order/${order.id}`).toBe(orderId);
    expect(order.customer.id).toBe(customer.legacyId);
    expect(order.total_price).toBe(String(variant.price * 2));
    expect(
      (events[4].payload as { shipment_status: string }).shipment_status,
    ).toBe("delivered");
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  });
});

describe("bulk operations at scale and with faults", () => {
  async function runBulk(s: ReturnType<typeof store>, query: string) {
    const events: WebhookEvent[] = [];
    s.onWebhook((e) => events.push(e));
    await gql(
      s,
      `mutation($q: String!) { bulkOperationRunQuery(query: $q) { userErrors { message } } }`,
      { q: query },
    );
    for (let i = 0; i < 500 && !events.length; i++)
      await new Promise((r) => setTimeout(r, 20));
    const op = (
      await gql(
        s,
        "query { currentBulkOperation { id status errorCode objectCount rootObjectCount } }",
      )
    ).data!.currentBulkOperation;
    const stream = s.openBulkResult(op.id.split("/").pop());
    let text = "";
    if (stream)
      for await (const chunk of stream as AsyncIterable<Buffer>)
        text += chunk.toString("utf8");
    return { op, lines: text ? text.trim().split("\n") : [], events };
  }

  it("streams a larger shop than it holds in memory", async () => {
    const s = store({ scale: { customers: 3000, orders: 9500 } });
    const { op, lines } = await runBulk(
      s,
      "{ orders { edges { node { id name } } } }",
    );
    expect(op.status).toBe("COMPLETED");
    expect(lines.length).toBe(9500);
    expect(Number(op.objectCount)).toBe(9500);
    expect(new Set(lines.map((l) => JSON.parse(l).id)).size).toBe(9500);
    const customers = await runBulk(
      s,
      "{ customers { edges { node { id } } } }",
    );
    expect(Number(customers.op.rootObjectCount)).toBe(3000);
  });

  it("can fail or truncate on purpose, and says so", async () => {
    const failing = store();
    failing.bulkFaults.fail = true;
    const failed = await runBulk(
      failing,
      "{ customers { edges { node { id } } } }",
    );
    expect(failed.op).toMatchObject({
      status: "FAILED",
      errorCode: "INTERNAL_SERVER_ERROR",
    });
    expect(failed.events[0].payload).toMatchObject({
      status: "failed",
      error_code: "internal_server_error",
    });

    const truncating = store();
    truncating.bulkFaults.truncate = true;
    const cut = await runBulk(
      truncating,
      "{ customers { edges { node { id } } } }",
    );
    expect(cut.op.status).toBe("COMPLETED");
    expect(cut.lines.length).toBeLessThan(Number(cut.op.objectCount));
  });
});

describe("metaobjects", () => {
  it("defines an app-owned type, upserts entries by handle and reads them back", async () => {
    const s = store();
    const def = await gql(
      s,
      `mutation { metaobjectDefinitionCreate(definition: { type: "$app:faq_entry", name: "FAQ", displayNameKey: "question", fieldDefinitions: [{ key: "question", type: "single_line_text_field", required: true }, { key: "answer", type: "multi_line_text_field" }] }) { metaobjectDefinition { type } userErrors { message } } }`,
    );
    expect(def.data!.metaobjectDefinitionCreate.metaobjectDefinition.type).toBe(
      "app--1--faq_entry",
    );
    const upsert = (question: string) =>
      gql(
        s,
        `mutation($q: String!) { metaobjectUpsert(handle: { type: "$app:faq_entry", handle: "shipping" }, metaobject: { fields: [{ key: "question", value: $q }] }) { metaobject { handle displayName } userErrors { code } } }`,
        { q: question },
      );
    expect(
      (await upsert("送料はいくら?")).data!.metaobjectUpsert.metaobject
        .displayName,
    ).toBe("送料はいくら?");
    await upsert("送料について");
    const list = await gql(
      s,
      `query { metaobjects(type: "$app:faq_entry", first: 10) { nodes { handle field(key: "question") { value } } } }`,
    );
    expect(list.data!.metaobjects.nodes).toEqual([
      { handle: "shipping", field: { value: "送料について" } },
    ]);
    const bad = await gql(
      s,
      `mutation { metaobjectUpsert(handle: { type: "$app:faq_entry", handle: "x" }, metaobject: { fields: [{ key: "nope", value: "1" }] }) { metaobject { id } userErrors { code } } }`,
    );
    expect(
      bad.data!.metaobjectUpsert.userErrors.map(
        (e: { code: string }) => e.code,
      ),
    ).toContain("UNDEFINED_OBJECT_FIELD");
  });
});
