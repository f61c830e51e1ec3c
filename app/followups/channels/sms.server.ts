import {
  failedBeforeSending,
  PermanentChannelError,
  TransientChannelError,
  UncertainChannelError,
  type Channel,
} from "./channel";

/**
 * SMS through Twilio's Messages API (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource).
 * Twilio has no idempotency key for creating a message, so only a failure known to have come
 * before Twilio took the request is retried: no connection at all, 429 (refused for the rate), or
 * another 4xx (refused for good). A network error after the request may have gone out, or a 5xx
 * (Twilio may have created the message before failing), is "uncertain" and never sent again.
 */
export function smsChannel(
  o: { accountSid: string; authToken: string; from: string },
  fetchImpl: typeof fetch = fetch,
): Channel {
  const url = `https://api.twilio.com/2010-04-01/Accounts/${encodeURIComponent(o.accountSid)}/Messages.json`;
  return {
    name: "sms",
    idempotentRetry: false,
    async send(m) {
      let res: Response;
      try {
        res = await fetchImpl(url, {
          method: "POST",
          headers: {
            Authorization: `Basic ${Buffer.from(`${o.accountSid}:${o.authToken}`).toString("base64")}`,
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({
            To: m.to,
            From: o.from,
            Body: m.body.slice(0, 1600),
          }),
        });
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        const cause = (error as { cause?: { code?: unknown } }).cause?.code;
        const message = `Twilio unreachable: ${detail}${typeof cause === "string" ? ` (${cause})` : ""}`;
        if (failedBeforeSending(error))
          throw new TransientChannelError(message);
        throw new UncertainChannelError(message);
      }
      const body = (await res.json().catch(() => ({}))) as {
        sid?: string;
        code?: number;
        message?: string;
      };
      // Created: sent, even if the answer's body was cut off.
      if (res.ok) return { providerId: body.sid ?? `twilio:${res.status}` };
      if (res.status === 429)
        throw new TransientChannelError(
          `Twilio ${res.status}: ${body.message ?? ""}`,
        );
      if (res.status >= 500)
        throw new UncertainChannelError(
          `Twilio ${res.status}: ${body.message ?? ""}`,
        );
      throw new PermanentChannelError(
        `Twilio ${res.status} (${body.code ?? "?"}): ${body.message ?? ""}`,
      );
    },
  };
}
