import { SMTPServer } from "smtp-server";
import type { AddressInfo, Socket } from "node:net";

/**
 * A real SMTP server that keeps what it receives: the demo's and the tests' outbox (it stands in
 * for the merchant's mail provider). Messages keep their raw source and a few parsed headers.
 */
export interface ReceivedMail {
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  key: string | null;
  raw: string;
  receivedAt: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** Called for each message before the server answers; throwing rejects it (a 4xx/5xx). */
  onMessage?: (mail: ReceivedMail) => void | Promise<void>;
  close(): Promise<void>;
}

function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  const m = new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head);
  return m ? m[1].trim() : null;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?...?= / =?UTF-8?Q?...?=) in a header. */
function decodeWords(value: string): string {
  return value.replace(
    /=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi,
    (_m, enc: string, text: string) =>
      enc.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9a-f]{2})/gi, (_x, h: string) =>
                String.fromCharCode(parseInt(h, 16)),
              ),
            "latin1",
          ).toString("utf8"),
  );
}

export async function startSmtpSink(
  port = 0,
  host = "127.0.0.1",
): Promise<SmtpSink> {
  const sink: SmtpSink = {
    port: 0,
    url: "",
    mails: [],
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // No reverse DNS per connection: this machine may have no resolver, and the lookup would stall.
    disableReverseLookup: true,
    logger: false,
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail: ReceivedMail = {
          messageId: header(raw, "Message-ID"),
          from: session.envelope.mailFrom
            ? session.envelope.mailFrom.address
            : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeWords(header(raw, "Subject") ?? ""),
          key: header(raw, "X-Tsunagu-Key"),
          raw,
          receivedAt: new Date().toISOString(),
        };
        try {
          await sink.onMessage?.(mail);
          sink.mails.push(mail);
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  // Small SMTP replies must not wait for delayed ACKs (Nagle): 40 ms per message otherwise.
  server.server.on("connection", (socket: Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://${host}:${sink.port}`;
  sink.close = () =>
    new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
