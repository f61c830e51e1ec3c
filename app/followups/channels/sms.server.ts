import {
  PermanentChannelError,
  TransientChannelError,
  type Channel,
} from "./channel";

/** SMS through Twilio's Messages API (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource). */
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
        throw new TransientChannelError(
          `Twilio unreachable: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const body = (await res.json().catch(() => ({}))) as {
        sid?: string;
        code?: number;
        message?: string;
      };
      if (res.ok && body.sid) return { providerId: body.sid };
      if (res.status === 429 || res.status >= 500)
        throw new TransientChannelError(
          `Twilio ${res.status}: ${body.message ?? ""}`,
        );
      throw new PermanentChannelError(
        `Twilio ${res.status} (${body.code ?? "?"}): ${body.message ?? ""}`,
      );
    },
  };
}
