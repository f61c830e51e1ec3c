import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { PermanentChannelError, TransientChannelError, type Channel } from "./channel";

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
  let transport = transports.get(cacheKey);
  if (!transport) {
    transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.user ? { user: settings.user, pass: settings.pass ?? "" } : undefined,
      pool: true,
      maxConnections: 4,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
      // Local and test servers speak plain SMTP; a real server upgrades with STARTTLS when offered.
      tls: { rejectUnauthorized: !/^(127\.|localhost)/.test(settings.host) },
    });
    transports.set(cacheKey, transport);
  }
  const t = transport;
  return {
    name: "email",
    idempotentRetry: false,
    async send(m) {
      const messageId = `<${createHash("sha256").update(m.idemKey).digest("hex").slice(0, 32)}@tsunagu.app>`;
      try {
        const info = await t.sendMail({ from: settings.from, to: m.to, subject: m.subject ?? "", html: m.body, text: htmlToText(m.body), messageId, headers: { "X-Tsunagu-Key": m.idemKey } });
        return { providerId: info.messageId ?? messageId };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        const message = error instanceof Error ? error.message : String(error);
        // 5xx: the server refuses this message for good (bad mailbox, rejected sender).
        if (code && code >= 500 && code < 600) throw new PermanentChannelError(`SMTP ${code}: ${message}`);
        throw new TransientChannelError(`SMTP: ${message}`);
      }
    },
  };
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
