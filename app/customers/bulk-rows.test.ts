import { describe, expect, it } from "vitest";
import { parseSyncLine } from "./bulk-rows";

describe("customer sync lines", () => {
  it("reads a customer with Japanese tags and consent", () => {
    const row = parseSyncLine(
      JSON.stringify({
        id: "gid://shopify/Customer/7000000000001",
        firstName: "花子",
        lastName: "山田",
        locale: "ja",
        state: "ENABLED",
        tags: ["vip", "ニュースレター"],
        updatedAt: "2026-11-01T00:00:00Z",
        defaultEmailAddress: {
          emailAddress: "hanako@example.jp",
          marketingState: "SUBSCRIBED",
        },
        defaultPhoneNumber: null,
      }),
    );
    expect(row).toEqual({
      customer: expect.objectContaining({
        customerId: "7000000000001",
        firstName: "花子",
        lastName: "山田",
        tags: ",vip,ニュースレター,",
        emailConsent: "SUBSCRIBED",
        smsConsent: null,
      }),
    });
  });

  it("reads an order line under its customer, in the webhooks' status vocabulary", () => {
    const row = parseSyncLine(
      JSON.stringify({
        id: "gid://shopify/Order/5600000000001",
        __parentId: "gid://shopify/Customer/7000000000001",
        name: "#1001",
        processedAt: "2026-10-01T00:00:00Z",
        displayFinancialStatus: "PAID",
        displayFulfillmentStatus: "FULFILLED",
        currentTotalPriceSet: {
          shopMoney: { amount: "5400.0", currencyCode: "JPY" },
        },
      }),
    );
    expect(row).toEqual({
      order: expect.objectContaining({
        orderId: "5600000000001",
        customerId: "7000000000001",
        financialStatus: "paid",
        fulfillmentStatus: "fulfilled",
        totalPrice: "5400.0",
      }),
    });
  });

  it("stores dates as the tables do, whatever UTC text Shopify sends, and refuses impossible ones", () => {
    const order = (processedAt: string) =>
      parseSyncLine(
        JSON.stringify({
          id: "gid://shopify/Order/1",
          __parentId: "gid://shopify/Customer/2",
          name: "#1",
          processedAt,
          updatedAt: processedAt,
          currentTotalPriceSet: {
            shopMoney: { amount: "1", currencyCode: "JPY" },
          },
        }),
      );
    const texts = (processedAt: string) => {
      const row = order(processedAt);
      if (!("order" in row)) throw new Error("not an order");
      return [
        row.order.processedAtText,
        row.order.shopifyUpdatedAtText,
        row.order.processedAt.toISOString(),
      ];
    };
    expect(texts("2026-10-01T09:30:00.123Z")).toEqual([
      "2026-10-01T09:30:00.123+00:00",
      "2026-10-01T09:30:00.123+00:00",
      "2026-10-01T09:30:00.123Z",
    ]);
    expect(texts("2026-10-01T09:30:00Z")[0]).toBe(
      "2026-10-01T09:30:00.000+00:00",
    );
    expect(texts("2026-10-01T18:30:00+09:00")[0]).toBe(
      "2026-10-01T09:30:00.000+00:00",
    );
    // Date rolls an impossible day over; the stored text follows Date, not the sender's text.
    expect(texts("2026-02-30T00:00:00.000Z")[0]).toBe(
      "2026-03-02T00:00:00.000+00:00",
    );
    expect(texts("2026-02-30T00:00:00Z")[0]).toBe(
      "2026-03-02T00:00:00.000+00:00",
    );
    expect(() => order("2026-13-01T00:00:00.000Z")).toThrow(/processedAt/);
  });

  it("stores Shopify's UTC forms (with and without milliseconds) exactly as Date reads them, leap days and rolled-over days included", () => {
    const read = (text: string) => {
      try {
        const row = parseSyncLine(
          JSON.stringify({
            id: "gid://shopify/Order/1",
            __parentId: "gid://shopify/Customer/2",
            name: "#1",
            processedAt: text,
            currentTotalPriceSet: {
              shopMoney: { amount: "1", currencyCode: "JPY" },
            },
          }),
        );
        return "order" in row
          ? `${row.order.processedAt.getTime()} ${row.order.processedAtText}`
          : "?";
      } catch {
        return "refused";
      }
    };
    const byDate = (text: string) => {
      const at = new Date(text);
      if (
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text) ||
        Number.isNaN(at.getTime())
      )
        return "refused";
      return `${at.getTime()} ${at.toISOString().replace("Z", "+00:00")}`;
    };
    const texts = [
      "2024-02-29T00:00:00Z",
      "2023-02-29T00:00:00Z",
      "1900-02-29T12:00:00Z",
      "2000-02-29T23:59:59.999Z",
      "0050-01-01T00:00:00Z",
      "2024-04-31T00:00:00Z",
      "2024-01-01T24:00:00Z",
      "2024-01-01T23:60:00Z",
      "2024-01-01T23:00:60.000Z",
      "2024-01-01T23:00:00.12aZ",
      "2024-01-01 23:00:00Z",
    ];
    // And a deterministic sweep over fields slightly out of range.
    let seed = 7;
    const next = (n: number) =>
      (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const pad = (n: number, w: number) => String(n).padStart(w, "0");
    for (let i = 0; i < 3000; i++)
      texts.push(
        `${pad(1990 + next(60), 4)}-${pad(next(14), 2)}-${pad(next(33), 2)}T${pad(next(26), 2)}:${pad(next(62), 2)}:${pad(next(62), 2)}${next(2) ? `.${pad(next(1000), 3)}` : ""}Z`,
      );
    const differing = texts.filter((text) => read(text) !== byDate(text));
    expect(differing).toEqual([]);
    expect(read("2026-10-01T09:30:00Z")).toBe(
      `${Date.UTC(2026, 9, 1, 9, 30)} 2026-10-01T09:30:00.000+00:00`,
    );
  });

  it("refuses malformed lines", () => {
    expect(() => parseSyncLine("{")).toThrow(/not JSON/);
    expect(() =>
      parseSyncLine(JSON.stringify({ id: "gid://shopify/Product/1" })),
    ).toThrow();
    expect(() =>
      parseSyncLine(
        JSON.stringify({
          id: "gid://shopify/Order/1",
          __parentId: "gid://shopify/Customer/2",
          name: "#1",
          processedAt: "x",
          currentTotalPriceSet: {
            shopMoney: { amount: "1", currencyCode: "JPY" },
          },
        }),
      ),
    ).toThrow();
  });
});

describe("customer metafield lines", () => {
  it("reads a points balance under its customer", () => {
    const row = parseSyncLine(
      JSON.stringify({
        id: "gid://shopify/Metafield/9",
        __parentId: "gid://shopify/Customer/7000000000001",
        namespace: "loyalty",
        key: "points",
        value: "250",
      }),
    );
    expect(row).toEqual({
      metafield: {
        customerId: "7000000000001",
        namespace: "loyalty",
        key: "points",
        value: "250",
      },
    });
  });
});
