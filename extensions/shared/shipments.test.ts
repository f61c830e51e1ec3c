import { describe, expect, it } from "vitest";
import { hasShipments, readShipments, statusLabel } from "./shipments";

describe("readShipments", () => {
  it("reads the agreed answer, keeping only http(s) tracking links", () => {
    const s = readShipments({
      fulfillments: [
        {
          status: "SUCCESS",
          displayStatus: "IN_TRANSIT",
          createdAt: "2026-11-20T03:00:00Z",
          tracking: [
            {
              company: "ヤマト運輸",
              number: "1234-5678-9012",
              url: "https://track.example/1234",
            },
            { company: null, number: "99", url: "javascript:alert(1)" },
          ],
          lines: [{ title: "Drone X", quantity: 1 }],
        },
      ],
      unfulfilled: [{ title: "Battery", quantity: 2 }],
    });
    expect(s).toEqual({
      fulfillments: [
        {
          displayStatus: "IN_TRANSIT",
          createdAt: new Date("2026-11-20T03:00:00Z"),
          tracking: [
            {
              company: "ヤマト運輸",
              number: "1234-5678-9012",
              url: "https://track.example/1234",
            },
            { company: null, number: "99", url: null },
          ],
          lines: [{ title: "Drone X", quantity: 1 }],
        },
      ],
      unfulfilled: [{ title: "Battery", quantity: 2 }],
    });
    expect(hasShipments(s)).toBe(true);
  });

  it("drops what is not shaped as agreed instead of throwing", () => {
    expect(readShipments(null)).toBeNull();
    expect(readShipments("x")).toBeNull();
    expect(readShipments([])).toBeNull();
    const s = readShipments({
      fulfillments: [
        null,
        3,
        {
          displayStatus: 7,
          createdAt: "not a date",
          tracking: "x",
          lines: [
            { title: "", quantity: 1 },
            { title: "A", quantity: "2" },
            { title: "B", quantity: 0 },
          ],
        },
      ],
      unfulfilled: { title: "C" },
    });
    expect(s).toEqual({
      fulfillments: [
        { displayStatus: null, createdAt: null, tracking: [], lines: [] },
      ],
      unfulfilled: [],
    });
    expect(hasShipments(readShipments({}))).toBe(false);
  });
});

describe("statusLabel", () => {
  it("folds Shopify's display statuses into a few labels, problems marked critical", () => {
    expect(statusLabel("IN_TRANSIT")).toEqual({
      key: "tracking.status.inTransit",
      critical: false,
    });
    expect(statusLabel("OUT_FOR_DELIVERY").key).toBe(
      "tracking.status.outForDelivery",
    );
    expect(statusLabel("DELIVERED").key).toBe("tracking.status.delivered");
    expect(statusLabel("ATTEMPTED_DELIVERY")).toEqual({
      key: "tracking.status.attempted",
      critical: true,
    });
    expect(statusLabel("FAILURE")).toEqual({
      key: "tracking.status.failed",
      critical: true,
    });
    expect(statusLabel("CANCELED").key).toBe("tracking.status.canceled");
    for (const shipped of [
      "FULFILLED",
      "LABEL_PRINTED",
      "CONFIRMED",
      "SOMETHING_NEW",
      null,
    ])
      expect(statusLabel(shipped)).toEqual({
        key: "tracking.status.shipped",
        critical: false,
      });
  });
});
