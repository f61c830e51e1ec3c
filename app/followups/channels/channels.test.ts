import { readFileSync } from "node:fs";
import path from "node:path";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { lineChannel, LINE_PUSH_URL } from "./line.server";
import { smsChannel } from "./sms.server";
import {
  PermanentChannelError,
  TransientChannelError,
  UncertainChannelError,
  uuidFrom,
} from "./channel";
import { htmlToText } from "./email.server";

/**
 * LINE and Twilio cannot be reached from here: both are called through their documented HTTP APIs
 * and checked against recorded contracts (contracts/*.json, from their API references).
 */
const contract = (name: string) =>
  JSON.parse(readFileSync(path.join(__dirname, "contracts", name), "utf8"));
const line = contract("line-push.json");
const twilio = contract("twilio-message.json");
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const reply = (r: {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}) =>
  HttpResponse.json(r.body as Record<string, unknown>, {
    status: r.status,
    headers: r.headers,
  });

describe("LINE push", () => {
  it("sends the documented request with a retry key derived from the message, and reads the message id", async () => {
    let seen: { headers: Headers; body: unknown } | null = null;
    server.use(
      http.post(LINE_PUSH_URL, async ({ request }) => {
        seen = { headers: request.headers, body: await request.json() };
        return reply(line.responses.ok);
      }),
    );
    const result = await lineChannel("token-123").send({
      idemKey: "flow1:order9",
      to: "U4af4980629",
      body: "発送しました",
    });
    expect(result.providerId).toBe("461230966842064897");
    expect(seen!.headers.get("authorization")).toBe("Bearer token-123");
    expect(seen!.headers.get("x-line-retry-key")).toBe(
      await uuidFrom("flow1:order9"),
    );
    expect(seen!.headers.get("x-line-retry-key")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(seen!.body).toEqual({
      to: "U4af4980629",
      messages: [{ type: "text", text: "発送しました" }],
    });
  });

  it("treats a retry LINE already accepted (409) as sent, 429 as transient and 400 as permanent", async () => {
    server.use(
      http.post(LINE_PUSH_URL, () => reply(line.responses.retryAccepted)),
    );
    expect(
      await lineChannel("t").send({ idemKey: "k", to: "U1", body: "x" }),
    ).toEqual({
      providerId:
        line.responses.retryAccepted.headers["x-line-accepted-request-id"],
    });
    server.use(
      http.post(LINE_PUSH_URL, () => reply(line.responses.rateLimited)),
    );
    await expect(
      lineChannel("t").send({ idemKey: "k", to: "U1", body: "x" }),
    ).rejects.toBeInstanceOf(TransientChannelError);
    // A 5xx or a lost connection may hide an accepted push; retrying is still safe, since LINE
    // answers 409 for a retry key it already accepted (the engine resends only such channels).
    server.use(
      http.post(LINE_PUSH_URL, () =>
        HttpResponse.json({ message: "Internal error" }, { status: 500 }),
      ),
    );
    await expect(
      lineChannel("t").send({ idemKey: "k", to: "U1", body: "x" }),
    ).rejects.toBeInstanceOf(TransientChannelError);
    server.use(
      http.post(LINE_PUSH_URL, () => reply(line.responses.badRecipient)),
    );
    await expect(
      lineChannel("t").send({ idemKey: "k", to: "bad", body: "x" }),
    ).rejects.toBeInstanceOf(PermanentChannelError);
  });
});

describe("Twilio SMS", () => {
  const url = "https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json";
  it("posts the documented form with basic auth and reads the message sid", async () => {
    let seen: { auth: string | null; form: Record<string, string> } | null =
      null;
    server.use(
      http.post(url, async ({ request }) => {
        seen = {
          auth: request.headers.get("authorization"),
          form: Object.fromEntries(new URLSearchParams(await request.text())),
        };
        return reply(twilio.responses.created);
      }),
    );
    const result = await smsChannel({
      accountSid: "AC123",
      authToken: "secret",
      from: "+15017122661",
    }).send({ idemKey: "k", to: "+819012345678", body: "発送しました" });
    expect(result.providerId).toBe(twilio.responses.created.body.sid);
    expect(seen!.auth).toBe(
      `Basic ${Buffer.from("AC123:secret").toString("base64")}`,
    );
    expect(seen!.form).toEqual({
      To: "+819012345678",
      From: "+15017122661",
      Body: "発送しました",
    });
  });

  it("fails an invalid number for good, retries a 429, and never resends after a 5xx (Twilio may have created it)", async () => {
    const send = (to: string) =>
      smsChannel({ accountSid: "AC123", authToken: "s", from: "+1" }).send({
        idemKey: "k",
        to,
        body: "x",
      });
    server.use(http.post(url, () => reply(twilio.responses.invalidTo)));
    await expect(send("+8190")).rejects.toThrow(/21211/);
    server.use(
      http.post(url, () =>
        HttpResponse.json(
          { code: 20429, message: "Too Many Requests" },
          {
            status: 429,
          },
        ),
      ),
    );
    await expect(send("+819012345678")).rejects.toBeInstanceOf(
      TransientChannelError,
    );
    server.use(http.post(url, () => reply(twilio.responses.serverError)));
    await expect(send("+819012345678")).rejects.toBeInstanceOf(
      UncertainChannelError,
    );
  });

  it("retries when the request never left (DNS, refused, TLS) and not when it may have (reset, timeout)", async () => {
    // fetch (undici) fails with "fetch failed" and the socket's error as its cause.
    const failing = (cause: unknown) =>
      smsChannel({ accountSid: "AC123", authToken: "s", from: "+1" }, () =>
        Promise.reject(new TypeError("fetch failed", { cause })),
      ).send({ idemKey: "k", to: "+819012345678", body: "x" });
    const coded = (code: string) => Object.assign(new Error(code), { code });
    for (const cause of [
      coded("ENOTFOUND"),
      coded("ECONNREFUSED"),
      coded("UND_ERR_CONNECT_TIMEOUT"),
      coded("CERT_HAS_EXPIRED"),
      new AggregateError([coded("ECONNREFUSED"), coded("ENETUNREACH")]),
    ])
      await expect(failing(cause), String(cause)).rejects.toBeInstanceOf(
        TransientChannelError,
      );
    for (const cause of [
      coded("ECONNRESET"),
      coded("UND_ERR_SOCKET"),
      coded("UND_ERR_HEADERS_TIMEOUT"),
      new DOMException("The operation timed out.", "TimeoutError"),
      undefined,
    ])
      await expect(failing(cause), String(cause)).rejects.toBeInstanceOf(
        UncertainChannelError,
      );
  });
});

describe("email text part", () => {
  it("keeps link targets readable", () => {
    expect(
      htmlToText(
        '<p>発送しました</p><p><a href="https://t.example/1">追跡</a></p>',
      ),
    ).toBe("発送しました\n追跡 (https://t.example/1)");
  });
});
