import { describe, expect, it } from "vitest";
import { createDevStore } from "../store";
import { runEvent } from "./events-api";

const store = () =>
  createDevStore({
    baseUrl: "http://127.0.0.1:4400",
    now: new Date("2026-11-01T00:00:00Z"),
  });

describe("event deliver", () => {
  it("delivers an order's latest undelivered fulfillment by --orderId, then says there is none left", async () => {
    const core = store();
    const order = core.state.orders.find((o) =>
      o.fulfillments.some((f) => f.displayStatus !== "DELIVERED"),
    )!;
    const pending = order.fulfillments.filter(
      (f) => f.displayStatus !== "DELIVERED",
    );
    for (const f of pending.reverse()) {
      const res = await runEvent(core, "deliver", {
        orderId: String(order.legacyId),
      });
      expect(res).toEqual({
        status: 200,
        body: { fulfillmentId: `gid://shopify/Fulfillment/${f.legacyId}` },
      });
      expect(f.displayStatus).toBe("DELIVERED");
    }
    const none = await runEvent(core, "deliver", {
      orderId: `gid://shopify/Order/${order.legacyId}`,
    });
    expect(none.status).toBe(422);
    expect((none.body as { error: string }).error).toContain(
      `order gid://shopify/Order/${order.legacyId} has no undelivered fulfillment`,
    );
  });

  it("names an order that does not exist", async () => {
    const res = await runEvent(store(), "deliver", { orderId: "1" });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: "no order gid://shopify/Order/1" });
  });
});

describe("invalid event input", () => {
  it("always carries a message, unknown options included (once `{errors: {}}`)", async () => {
    const core = store();
    const unknown = await runEvent(core, "fulfill", { fulfillmentId: "1" });
    expect(unknown).toEqual({
      status: 422,
      body: {
        error:
          "invalid input for event fulfill: fulfillmentId: not an option of event fulfill (its options: orderId, company, number, url)",
        errors: {
          fulfillmentId: [
            "not an option of event fulfill (its options: orderId, company, number, url)",
          ],
        },
      },
    });
    const badId = await runEvent(core, "deliver", { fulfillmentId: "x" });
    expect(badId.body).toMatchObject({
      error:
        "invalid input for event deliver: fulfillmentId: must be a numeric id or gid://shopify/Fulfillment/<id>",
    });
    const both = await runEvent(core, "deliver", {
      orderId: "1",
      fulfillmentId: "2",
    });
    expect((both.body as { error: string }).error).toContain(
      "give fulfillmentId or orderId, not both",
    );
  });
});
