import {
  PermanentChannelError,
  TransientChannelError,
  uuidFrom,
  type Channel,
} from "./channel";

export const LINE_PUSH_URL = "https://api.line.me/v2/bot/message/push";

/**
 * LINE Messaging API push (https://developers.line.biz/en/reference/messaging-api/#send-push-message).
 * `X-Line-Retry-Key` makes a retry safe: LINE answers 409 for a key it already accepted.
 */
export function lineChannel(
  token: string,
  fetchImpl: typeof fetch = fetch,
): Channel {
  return {
    name: "line",
    idempotentRetry: true,
    async send(m) {
      const retryKey = await uuidFrom(m.idemKey);
      let res: Response;
      try {
        res = await fetchImpl(LINE_PUSH_URL, {
          method: "POST",
          headers: {
            Authorization: `Bearer ${token}`,
            "Content-Type": "application/json",
            "X-Line-Retry-Key": retryKey,
          },
          body: JSON.stringify({
            to: m.to,
            messages: [{ type: "text", text: m.body.slice(0, 5000) }],
          }),
        });
      } catch (error) {
        throw new TransientChannelError(
          `LINE unreachable: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (res.status === 409)
        return {
          providerId: res.headers.get("x-line-accepted-request-id") ?? retryKey,
        };
      if (res.ok) {
        const body = (await res.json().catch(() => ({}))) as {
          sentMessages?: { id: string }[];
        };
        return {
          providerId:
            body.sentMessages?.[0]?.id ??
            res.headers.get("x-line-request-id") ??
            retryKey,
        };
      }
      const detail = await res.text().catch(() => "");
      if (res.status === 429 || res.status >= 500)
        throw new TransientChannelError(
          `LINE ${res.status}: ${detail.slice(0, 200)}`,
        );
      throw new PermanentChannelError(
        `LINE ${res.status}: ${detail.slice(0, 200)}`,
      );
    },
  };
}
