import { describe, expect, it } from "vitest";
import { orderShipments } from "./fulfillments.server";

const order = (over: Record<string, unknown> = {}) => ({
  id: "gid://shopify/Order/1",
  createdAt: new Date().toISOString(),
  checkoutToken: "c0ffee00c0ffee00c0ffee00c0ffee00",
  customer: { id: "gid://shopify/Customer/7" },
  fulfillments: [
    {
      status: "SUCCESS",
      displayStatus: "IN_TRANSIT",
      createdAt: "2026-11-20T00:00:00Z",
      trackingInfo: [
        { company: "佐川急便", number: "123", url: "javascript:alert(1)" },
        { company: null, number: "456", url: "https://t.example/456" },
      ],
      fulfillmentLineItems: {
        nodes: [{ quantity: 1, lineItem: { title: "ドローン" } }],
      },
    },
    {
      status: "CANCELLED",
      displayStatus: "CANCELED",
      createdAt: "2026-11-19T00:00:00Z",
      trackingInfo: [],
      fulfillmentLineItems: { nodes: [] },
    },
  ],
  lineItems: {
    nodes: [
      { title: "ドローン", unfulfilledQuantity: 0 },
      { title: "予備バッテリー", unfulfilledQuantity: 2 },
    ],
  },
  ...over,
});
const graphql = (o: unknown) => async () =>
  new Response(JSON.stringify({ data: { order: o } }));

describe("order shipments", () => {
  it("never passes on a tracking URL that is not http(s), and leaves cancelled shipments out", async () => {
    const s = await orderShipments(graphql(order()), "1", {
      customerGid: null,
      mustOwn: false,
      checkoutToken: "c0ffee00c0ffee00c0ffee00c0ffee00",
    });
    expect(s).toEqual({
      fulfillments: [
        {
          status: "SUCCESS",
          displayStatus: "IN_TRANSIT",
          createdAt: "2026-11-20T00:00:00Z",
          tracking: [
            { company: "佐川急便", number: "123", url: null },
            { company: null, number: "456", url: "https://t.example/456" },
          ],
          lines: [{ title: "ドローン", quantity: 1 }],
        },
      ],
      unfulfilled: [{ title: "予備バッテリー", quantity: 2 }],
    });
  });

  it("shows the thank-you page only its own checkout's order, or the logged-in owner's", async () => {
    const asking = (viewer: {
      customerGid: string | null;
      checkoutToken: string | null;
    }) => orderShipments(graphql(order()), "1", { ...viewer, mustOwn: false });
    const token = "c0ffee00c0ffee00c0ffee00c0ffee00";
    expect(
      await asking({ customerGid: null, checkoutToken: token }),
    ).not.toBeNull();
    expect(
      await asking({
        customerGid: "gid://shopify/Customer/7",
        checkoutToken: null,
      }),
    ).not.toBeNull();
    // Another shopper's guest checkout naming this order's id.
    expect(await asking({ customerGid: null, checkoutToken: null })).toBeNull();
    expect(
      await asking({ customerGid: null, checkoutToken: "0ff1ce00".repeat(4) }),
    ).toBeNull();
    expect(
      await asking({
        customerGid: "gid://shopify/Customer/8",
        checkoutToken: null,
      }),
    ).toBeNull();
    // A guest order is no one's to read by customer: a logged-in buyer needs its checkout too.
    expect(
      await orderShipments(graphql(order({ customer: null })), "1", {
        customerGid: "gid://shopify/Customer/7",
        mustOwn: false,
        checkoutToken: null,
      }),
    ).toBeNull();
  });

  it("answers null for a missing order, someone else's order, or a guest checkout past the window", async () => {
    expect(
      await orderShipments(graphql(null), "1", {
        customerGid: null,
        mustOwn: false,
      }),
    ).toBeNull();
    expect(
      await orderShipments(graphql(order()), "1", {
        customerGid: "gid://shopify/Customer/8",
        mustOwn: true,
      }),
    ).toBeNull();
    expect(
      await orderShipments(graphql(order()), "1", {
        customerGid: null,
        mustOwn: true,
      }),
    ).toBeNull();
    expect(
      await orderShipments(graphql(order({ customer: null })), "1", {
        customerGid: "gid://shopify/Customer/7",
        mustOwn: true,
      }),
    ).toBeNull();
    expect(
      await orderShipments(
        graphql(order({ createdAt: "2026-01-01T00:00:00Z" })),
        "1",
        {
          customerGid: null,
          mustOwn: false,
          checkoutToken: "c0ffee00c0ffee00c0ffee00c0ffee00",
        },
        Date.parse("2026-03-01T00:00:00Z"),
      ),
    ).toBeNull();
    expect(
      await orderShipments(graphql(order()), "1", {
        customerGid: "gid://shopify/Customer/7",
        mustOwn: true,
      }),
    ).not.toBeNull();
  });
});
