import { waitFor } from "@testing-library/preact";
import { beforeEach, describe, expect, it, vi } from "vitest";

/**
 * Rendering tests of the shared Tracking and Tutorials parts, run by each extension's own test
 * file against its own target (the tester finds the extension from the calling file, so the
 * harness is made there). Strings come from that extension's locales files, so a missing key
 * fails here too.
 */
export interface Harness {
  render(): Promise<void>;
  fetch: typeof globalThis.fetch;
  shopify: {
    lines: { value: unknown[] };
    appMetafields: { value: unknown[] };
    localization: { language: { value: { isoCode: string } } };
    i18n: {
      translate: (
        key: string,
        options?: Record<string, string | number>,
      ) => string;
      formatDate: (date: Date, options?: Intl.DateTimeFormatOptions) => string;
    };
    sessionToken: { get: () => Promise<string> };
  };
}

export interface Surface {
  extension: Harness;
  /** The extension's locales files. */
  strings: { ja: object; en: object };
  /** What the extension must call for the order its test set up. */
  fulfillmentsUrl: string;
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });

export const SHIPMENTS = {
  fulfillments: [
    {
      status: "SUCCESS",
      displayStatus: "IN_TRANSIT",
      createdAt: "2026-11-20T03:00:00Z",
      tracking: [
        {
          // As Shopify names it; shown as shoppers know it (carriers.ts).
          company: "Yamato (JA)",
          number: "1234-5678-9012",
          url: "https://track.example/1234",
        },
      ],
      lines: [{ title: "Drone X", quantity: 1 }],
    },
  ],
  unfulfilled: [{ title: "Battery", quantity: 2 }],
};

export const line = (productId: number, title: string, quantity = 1) => ({
  id: `gid://shopify/CartLine/${productId}`,
  quantity,
  merchandise: {
    type: "variant",
    id: `gid://shopify/ProductVariant/${productId}0`,
    title,
    product: {
      id: `gid://shopify/Product/${productId}`,
      vendor: "Tsunagu",
      productType: "",
    },
    selectedOptions: [],
    requiresShipping: true,
  },
  cost: { totalAmount: { amount: 1000, currencyCode: "JPY" } },
  attributes: [],
  discountAllocations: [],
  lineComponents: [],
});

export const tutorialsEntry = (productId: number, value: unknown) => ({
  target: { type: "product", id: `gid://shopify/Product/${productId}` },
  metafield: {
    namespace: "$app:tsunagu",
    key: "tutorials",
    value: typeof value === "string" ? value : JSON.stringify(value),
    valueType: "json_string",
    type: "json",
  },
});

const assembly = {
  kind: "video",
  locales: {
    ja: { title: "組み立て動画", url: "https://example.com/ja" },
    en: { title: "Assembly video", url: "https://example.com/en" },
  },
};

function translator(strings: object, language: string) {
  return (key: string, vars: Record<string, string | number> = {}) => {
    const value = key
      .split(".")
      .reduce<unknown>(
        (o, k) =>
          o && typeof o === "object"
            ? (o as Record<string, unknown>)[k]
            : undefined,
        strings,
      );
    if (typeof value !== "string")
      throw new Error(`no string "${key}" for ${language}`);
    return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) =>
      k in vars ? String(vars[k]) : m,
    );
  };
}

const links = () =>
  [...document.body.querySelectorAll("s-link")].map((l) => ({
    text: l.textContent,
    href: l.getAttribute("href") ?? (l as unknown as { href?: string }).href,
  }));
const headings = () =>
  [...document.body.querySelectorAll("s-section")].map(
    (s) =>
      s.getAttribute("heading") ??
      (s as unknown as { heading?: string }).heading,
  );
const body = () => document.body.textContent ?? "";
const settle = () => new Promise((r) => setTimeout(r, 20));

export function describeAfterSale(surface: Surface) {
  describe("shared after-sale parts", () => suite(surface));
}

function suite({ extension, strings, fulfillmentsUrl }: Surface) {
  const speak = (language: string) => {
    extension.shopify.localization.language.value = { isoCode: language };
    extension.shopify.i18n.translate = translator(
      language.startsWith("ja") ? strings.ja : strings.en,
      language,
    );
  };
  const answer = (fulfillments: () => Promise<Response>) => {
    const fetch = vi.fn(async (url: string) =>
      url.startsWith(fulfillmentsUrl.split("?")[0])
        ? fulfillments()
        : json({ survey: null }),
    );
    extension.fetch = fetch as never;
    return fetch;
  };

  beforeEach(() => {
    speak("en");
    extension.shopify.sessionToken.get = vi
      .fn()
      .mockResolvedValue("session-token");
    extension.shopify.i18n.formatDate = (d: Date) =>
      d.toISOString().slice(0, 10);
    extension.shopify.lines.value = [];
    extension.shopify.appMetafields.value = [];
  });

  describe("tracking part", () => {
    it("shows each shipment's state, carrier and tracking link, then what is still being prepared", async () => {
      const fetch = answer(async () => json(SHIPMENTS));
      await extension.render();
      await waitFor(() => expect(headings()).toContain("Shipping"));
      const call = fetch.mock.calls.find(([url]) =>
        url.startsWith(fulfillmentsUrl.split("?")[0]),
      )!;
      expect(call[0]).toBe(fulfillmentsUrl);
      expect(
        (
          (call as unknown as [string, RequestInit])[1].headers as Record<
            string,
            string
          >
        ).Authorization,
      ).toBe("Bearer session-token");
      expect(body()).toContain("In transit");
      expect(body()).toContain("Shipped 2026-11-20");
      expect(body()).toContain("Yamato Transport");
      expect(body()).not.toContain("Yamato (JA)");
      expect(body()).toContain("Drone X × 1");
      expect(links()).toEqual([
        { text: "1234-5678-9012", href: "https://track.example/1234" },
      ]);
      expect(body()).toContain("Preparing shipment");
      expect(body()).toContain("Battery × 2");
    });

    it("in Japanese for a Japanese customer", async () => {
      speak("ja");
      answer(async () =>
        json({
          ...SHIPMENTS,
          fulfillments: [
            { ...SHIPMENTS.fulfillments[0], displayStatus: "DELIVERED" },
          ],
        }),
      );
      await extension.render();
      await waitFor(() => expect(headings()).toContain("配送状況"));
      expect(body()).toContain("お届け済み");
      expect(body()).toContain("発送準備中");
      expect(body()).toContain("ヤマト運輸");
    });

    it("shows a tracking number whose URL is not http(s) as text, never as a link", async () => {
      const tracking = [
        { company: "Sagawa (EN)", number: "5555", url: "javascript:alert(1)" },
        { company: null, number: "7777", url: "tel:0120" },
        { company: "DHL Express", number: null, url: null },
      ];
      answer(async () =>
        json({
          fulfillments: [
            { ...SHIPMENTS.fulfillments[0], displayStatus: null, tracking },
          ],
          unfulfilled: [],
        }),
      );
      await extension.render();
      await waitFor(() => expect(body()).toContain("5555"));
      expect(body()).toContain("7777");
      expect(body()).toContain("Sagawa Express");
      expect(body()).toContain("DHL Express");
      expect(body()).toContain("Shipped");
      expect(links()).toEqual([]);
      expect(body()).not.toContain("Preparing shipment");
    });

    it.each([
      ["a server error", async () => json({ error: "x" }, 500)],
      [
        "an unknown order (404)",
        async () => json({ error: "unknown order" }, 404),
      ],
      [
        "an unreachable app",
        async () => Promise.reject(new TypeError("network")),
      ],
      ["an answer that is not the agreed shape", async () => json(["nope"])],
      [
        "an order with nothing to tell",
        async () => json({ fulfillments: [], unfulfilled: [] }),
      ],
    ])("shows nothing for %s", async (_name, reply) => {
      const fetch = answer(reply);
      await extension.render();
      await waitFor(() => expect(fetch).toHaveBeenCalled());
      await settle();
      expect(headings()).not.toContain("Shipping");
      expect(document.body.querySelector("s-banner")).toBeNull();
    });
  });

  describe("tutorials part", () => {
    beforeEach(() => {
      answer(async () => json({ error: "unknown order" }, 404));
    });

    it("links each product's tutorials in the customer's language, with the product it is for", async () => {
      speak("ja-JP");
      extension.shopify.lines.value = [line(1, "Drone X")];
      extension.shopify.appMetafields.value = [
        tutorialsEntry(1, {
          items: [
            assembly,
            {
              kind: "article",
              locales: {
                ja: {
                  title: "バッテリーの手入れ",
                  url: "https://example.com/care",
                },
              },
            },
          ],
        }),
      ];
      await extension.render();
      await waitFor(() => expect(headings()).toContain("商品の使い方"));
      expect(links()).toEqual([
        { text: "組み立て動画", href: "https://example.com/ja" },
        { text: "バッテリーの手入れ", href: "https://example.com/care" },
      ]);
      expect(body()).toContain("動画");
      expect(body()).toContain("記事");
      expect(body()).toContain("対象: Drone X");
    });

    it("in English for an English customer", async () => {
      extension.shopify.lines.value = [line(1, "Drone X")];
      extension.shopify.appMetafields.value = [
        tutorialsEntry(1, { items: [assembly] }),
      ];
      await extension.render();
      await waitFor(() =>
        expect(headings()).toContain("How to use your products"),
      );
      expect(links()).toEqual([
        { text: "Assembly video", href: "https://example.com/en" },
      ]);
      expect(body()).toContain("Video");
      expect(body()).toContain("For: Drone X");
    });

    it("falls back to the first language present when the customer's is missing", async () => {
      speak("fr");
      extension.shopify.lines.value = [line(1, "Drone X")];
      extension.shopify.appMetafields.value = [
        tutorialsEntry(1, { items: [assembly] }),
      ];
      await extension.render();
      await waitFor(() =>
        expect(links()).toEqual([
          { text: "組み立て動画", href: "https://example.com/ja" },
        ]),
      );
    });

    it("skips a malformed metafield and a non-http(s) link, and still shows the others", async () => {
      extension.shopify.lines.value = [
        line(1, "Drone X"),
        line(2, "Battery"),
        line(3, "Case"),
      ];
      extension.shopify.appMetafields.value = [
        tutorialsEntry(1, "{not json"),
        tutorialsEntry(2, {
          items: [
            {
              kind: "article",
              locales: {
                en: { title: "Charging", url: "https://example.com/charge" },
              },
            },
            {
              kind: "video",
              locales: { en: { title: "Bad", url: "javascript:alert(1)" } },
            },
          ],
        }),
        tutorialsEntry(3, { items: "nope" }),
      ];
      await extension.render();
      await waitFor(() =>
        expect(links()).toEqual([
          { text: "Charging", href: "https://example.com/charge" },
        ]),
      );
      expect(body()).toContain("For: Battery");
    });

    it("shows a tutorial several products share once, naming each product", async () => {
      extension.shopify.lines.value = [
        line(1, "Drone X"),
        line(2, "Drone X Pro"),
        line(1, "Drone X", 2),
      ];
      extension.shopify.appMetafields.value = [
        tutorialsEntry(1, { items: [assembly] }),
        tutorialsEntry(2, { items: [assembly] }),
      ];
      await extension.render();
      await waitFor(() =>
        expect(links()).toEqual([
          { text: "Assembly video", href: "https://example.com/en" },
        ]),
      );
      expect(body()).toContain("For: Drone X and Drone X Pro");
      // Three products, and in Japanese: the list as each language writes one.
      extension.shopify.lines.value = [
        line(1, "Drone X"),
        line(2, "Drone X Pro"),
        line(3, "Drone X Mini"),
      ];
      extension.shopify.appMetafields.value = [1, 2, 3].map((id) =>
        tutorialsEntry(id, { items: [assembly] }),
      );
      await extension.render();
      await waitFor(() =>
        expect(body()).toContain("For: Drone X, Drone X Pro, and Drone X Mini"),
      );
      speak("ja");
      await extension.render();
      await waitFor(() =>
        expect(body()).toContain("対象: Drone X、Drone X Pro、Drone X Mini"),
      );
    });

    it("shows nothing when no product has tutorials", async () => {
      extension.shopify.lines.value = [line(1, "Drone X")];
      extension.shopify.appMetafields.value = [
        {
          target: { type: "product", id: "gid://shopify/Product/1" },
          metafield: {
            namespace: "custom",
            key: "tutorials",
            value: JSON.stringify({ items: [assembly] }),
            valueType: "json_string",
            type: "json",
          },
        },
      ];
      await extension.render();
      await settle();
      expect(headings()).not.toContain("How to use your products");
    });
  });
}
