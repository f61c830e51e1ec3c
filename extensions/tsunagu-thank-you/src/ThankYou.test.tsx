/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor } from "@testing-library/preact";
import { signal } from "@preact/signals";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APP_URL } from "./config";

const extension = getExtension("purchase.thank-you.block.render");

const nps = {
  id: "csurvey0001",
  kind: "nps",
  question: "このショップを友人にすすめたいですか?",
  choices: [],
  followUp: true,
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
/** The survey endpoint as `handle` answers it; the tracking part's call finds no shipments. */
const survey = (
  handle: (url: string, init?: RequestInit) => Promise<Response>,
) =>
  vi.fn(async (url: string, init?: RequestInit) =>
    url.includes("/api/checkout/survey")
      ? handle(url, init)
      : json({ error: "unknown order" }, 404),
  );
const surveyCalls = (fetch: ReturnType<typeof survey>) =>
  fetch.mock.calls.filter(([url]) => url.includes("/api/checkout/survey"));

beforeEach(() => {
  extension.setUp();
  extension.shopify.orderConfirmation.value = {
    order: { id: "gid://shopify/OrderIdentity/5001" },
    number: "1001",
    isFirstOrder: true,
  };
  extension.shopify.checkoutToken.value = "c0ffee00c0ffee00";
  extension.shopify.sessionToken.get = vi
    .fn()
    .mockResolvedValue("session-token");
});
afterEach(() => extension.tearDown());

const buttons = () => [...document.body.querySelectorAll("s-button")];

describe("thank-you block: the survey part", () => {
  it("asks the order's question with the session token and posts the score and comment", async () => {
    const fetch = survey(async (_url, init) =>
      init?.method === "POST"
        ? json({ ok: true, outcome: "recorded" })
        : json({ survey: nps }),
    );
    extension.fetch = fetch as never;
    await extension.render();
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        "このショップを友人にすすめたいですか?",
      ),
    );
    const [url, init] = surveyCalls(fetch)[0];
    expect(url).toBe(
      `${APP_URL}/api/checkout/survey?order=5001&checkout=c0ffee00c0ffee00&locale=${extension.shopify.localization.language.value.isoCode}`,
    );
    expect((init!.headers as Record<string, string>).Authorization).toBe(
      "Bearer session-token",
    );

    // Eleven score buttons (0–10) and a disabled send button until a score is chosen.
    const scores = buttons().filter((b) => /^\d+$/.test(b.textContent ?? ""));
    expect(scores.map((b) => b.textContent)).toEqual([
      "0",
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
    const send = () =>
      buttons().find((b) => b.textContent === "survey.submit")!;
    expect(
      send().hasAttribute("disabled") ||
        (send() as unknown as { disabled: boolean }).disabled,
    ).toBe(true);
    expect(document.body.querySelector("s-text-area")).toBeNull();

    fireEvent.click(scores[9]);
    await waitFor(() =>
      expect(document.body.querySelector("s-text-area")).not.toBeNull(),
    );
    const area = document.body.querySelector(
      "s-text-area",
    ) as unknown as HTMLTextAreaElement;
    area.value = "梱包が丁寧でした";
    fireEvent.input(area);
    fireEvent.click(send());
    await waitFor(() =>
      expect(document.body.textContent).toContain("survey.thanks"),
    );
    const post = surveyCalls(fetch)[1];
    expect(post[0]).toBe(`${APP_URL}/api/checkout/survey`);
    expect(JSON.parse(String(post[1]!.body))).toEqual({
      survey: "csurvey0001",
      order: "5001",
      // The token of this checkout: the app answers only the order it came from.
      checkout: "c0ffee00c0ffee00",
      locale: extension.shopify.localization.language.value.isoCode,
      score: 9,
      choice: null,
      comment: "梱包が丁寧でした",
    });
  });

  it("offers a choice survey's options and sends the chosen one", async () => {
    const fetch = survey(async (_url, init) =>
      init?.method === "POST"
        ? json({ ok: true })
        : json({
            survey: {
              id: "csurvey0002",
              kind: "choice",
              question: "どこで知りましたか?",
              choices: [
                { value: "c1", label: "Instagram" },
                { value: "c2", label: "友人" },
              ],
              followUp: false,
            },
          }),
    );
    extension.fetch = fetch as never;
    await extension.render();
    await waitFor(() =>
      expect(buttons().some((b) => b.textContent === "友人")).toBe(true),
    );
    fireEvent.click(buttons().find((b) => b.textContent === "友人")!);
    fireEvent.click(buttons().find((b) => b.textContent === "survey.submit")!);
    await waitFor(() => expect(surveyCalls(fetch)).toHaveLength(2));
    expect(JSON.parse(String(surveyCalls(fetch)[1][1]!.body))).toMatchObject({
      choice: "c2",
      score: null,
    });
  });

  it("shows an error and keeps the answer when sending fails", async () => {
    extension.fetch = survey(async (_url, init) =>
      init?.method === "POST"
        ? json({ error: "x" }, 503)
        : json({ survey: { ...nps, kind: "csat" } }),
    ) as never;
    await extension.render();
    await waitFor(() =>
      expect(
        buttons()
          .filter((b) => /^\d+$/.test(b.textContent ?? ""))
          .map((b) => b.textContent),
      ).toEqual(["1", "2", "3", "4", "5"]),
    );
    fireEvent.click(buttons().find((b) => b.textContent === "4")!);
    fireEvent.click(buttons().find((b) => b.textContent === "survey.submit")!);
    await waitFor(() =>
      expect(document.body.querySelector("s-banner")?.textContent).toBe(
        "survey.error",
      ),
    );
  });

  it("shows nothing when the shop asks nothing, the app is unreachable, or there is no order", async () => {
    extension.fetch = survey(async () => json({ survey: null })) as never;
    await extension.render();
    await new Promise((r) => setTimeout(r, 20));
    expect(document.body.querySelector("s-section")).toBeNull();
  });

  it("stays hidden when the app cannot be reached", async () => {
    extension.fetch = vi.fn(async () => {
      throw new TypeError("network");
    }) as never;
    await extension.render();
    await new Promise((r) => setTimeout(r, 20));
    expect(document.body.querySelector("s-section")).toBeNull();
  });
});

describe("thank-you block: a checkout token that arrives late", () => {
  it("asks again with it, and the earlier answer without it does not hide the question", async () => {
    // As on Shopify: a signal the block re-renders on (the tester's is a plain object).
    const token = signal<string | undefined>(undefined);
    Object.assign(extension.shopify, { checkoutToken: token });
    let answerFirst!: () => void;
    const first = new Promise<void>((resolve) => (answerFirst = resolve));
    const fetch = survey(async (url) => {
      if (url.includes("checkout=")) return json({ survey: nps });
      await first; // the request without the token answers last
      return json({ error: "unknown order" }, 404);
    });
    extension.fetch = fetch as never;
    await extension.render();
    await waitFor(() => expect(surveyCalls(fetch)).toHaveLength(1));
    token.value = "c0ffee00c0ffee00";
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        "このショップを友人にすすめたいですか?",
      ),
    );
    expect(surveyCalls(fetch)[1][0]).toContain("checkout=c0ffee00c0ffee00");
    answerFirst();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(document.body.textContent).toContain(
      "このショップを友人にすすめたいですか?",
    );
  });
});
