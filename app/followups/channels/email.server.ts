import { createHash } from "node:crypto";
import net from "node:net";
import tls from "node:tls";
import nodemailer, { type Transporter } from "nodemailer";
import {
  PermanentChannelError,
  TransientChannelError,
  type Channel,
} from "./channel";

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string | null;
  pass?: string | null;
  from: string;
}

const transports = new Map<string, Transporter>();

/** Email over SMTP with nodemailer (pooled connections). The Message-ID is derived from the idempotency key. */
export function emailChannel(settings: SmtpSettings): Channel {
  const cacheKey = JSON.stringify(settings);
  const transport = (): Transporter => {
    let t = transports.get(cacheKey);
    if (!t) {
      t = createTransport(settings);
      transports.set(cacheKey, t);
    }
    return t;
  };
  return {
    name: "email",
    idempotentRetry: false,
    async send(m) {
      const messageId = `<${createHash("sha256").update(m.idemKey).digest("hex").slice(0, 32)}@tsunagu.app>`;
      const t = transport();
      try {
        // A send never hangs the worker: after 30 s it counts as a transient failure.
        const info = await Promise.race([
          t.sendMail({
            from: settings.from,
            to: m.to,
            subject: m.subject ?? "",
            html: m.body,
            text: htmlToText(m.body),
            messageId,
            headers: { "X-Tsunagu-Key": m.idemKey },
          }),
          new Promise<never>((_, reject) =>
            setTimeout(
              () => reject(new Error("timed out after 30 s")),
              30_000,
            ).unref(),
          ),
        ]);
        return { providerId: info.messageId ?? messageId };
      } catch (error) {
        // A pool whose connections failed can be left without free slots: start a fresh one next time.
        if (transports.get(cacheKey) === t) {
          transports.delete(cacheKey);
          t.close();
        }
        const code = (error as { responseCode?: number }).responseCode;
        const message = error instanceof Error ? error.message : String(error);
        // 5xx: the server refuses this message for good (bad mailbox, rejected sender).
        if (code && code >= 500 && code < 600)
          throw new PermanentChannelError(`SMTP ${code}: ${message}`);
        throw new TransientChannelError(`SMTP: ${message}`);
      }
    },
  };
}

export function createTransport(settings: SmtpSettings): Transporter {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user
      ? { user: settings.user, pass: settings.pass ?? "" }
      : undefined,
    pool: true,
    maxConnections: 4,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
    // Local and test servers speak plain SMTP; a real server upgrades with STARTTLS when offered.
    tls: { rejectUnauthorized: !/^(127\.|localhost)/.test(settings.host) },
    // Our own sockets with Nagle off: SMTP's small commands otherwise wait ~40 ms each for
    // delayed ACKs (48 ms per message against a local server, 3 ms without).
    getSocket: (
      _options: unknown,
      callback: (
        err: Error | null,
        socket?: { connection: net.Socket; secured?: boolean },
      ) => void,
    ) => {
      const socket = settings.secure
        ? tls.connect({
            host: settings.host,
            port: settings.port,
            servername: settings.host,
          })
        : net.connect(settings.port, settings.host);
      socket.setNoDelay(true);
      socket.setTimeout(10_000, () =>
        socket.destroy(new Error("SMTP connection timed out")),
      );
      socket.once("error", (error) => callback(error));
      socket.once(settings.secure ? "secureConnect" : "connect", () => {
        socket.setTimeout(0);
        callback(null, { connection: socket, secured: settings.secure });
      });
    },
  } as nodemailer.TransportOptions);
}

export function htmlToText(html: string): string {
  return html
    .replace(/<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gi, "$2 ($1)")
    .replace(/<(br|\/p|\/div|\/li)[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
