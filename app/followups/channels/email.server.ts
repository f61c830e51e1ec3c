import { createHash } from "node:crypto";
import net from "node:net";
import tls from "node:tls";
import nodemailer, { type Transporter } from "nodemailer";
import {
  isPrivateAddress,
  publicLookup,
} from "../../security/public-host.server";
import { Readable } from "node:stream";
import {
  PermanentChannelError,
  TransientChannelError,
  UncertainChannelError,
  type Channel,
} from "./channel";

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string | null;
  pass?: string | null;
  from: string;
  /** Where replies go when `from` is not the shop's own address (the app's shared server). */
  replyTo?: string | null;
  /** A merchant's server in production: never connect to a private address (public-host.server.ts). */
  publicOnly?: boolean;
  /** Silence on the connection after which it is dropped (10 s; shorter in tests). */
  socketTimeoutMs?: number;
  /** How long one send may take in all before it is given up (30 s; shorter in tests). */
  sendTimeoutMs?: number;
}

const transports = new Map<string, Transporter>();

/** Where a send's mail options carry its hand-over gate (see createTransport). */
const HAND_OVER = "tsunaguHandOver";
/** Answers whether the message body may go out now (false once the send was given up). */
type HandOverGate = () => boolean;

/**
 * Email over SMTP with nodemailer (pooled connections). The Message-ID is derived from the
 * idempotency key. SMTP has no way to ask whether a server kept a message, so a failure is
 * classified by when it happened: a reply (4xx: try later, 5xx: never) is the server's clear
 * answer; a broken or silent connection before the message body started is safe to retry; after
 * it started (the server may have it and its "250" got lost) it is "uncertain", never resent.
 */
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
      // Decided in one turn of the event loop each: either the body started before the send was
      // given up (then the server may have it), or it never will.
      let handedOver = false;
      let abandoned = false;
      const gate: HandOverGate = () => {
        if (abandoned) return false;
        handedOver = true;
        return true;
      };
      try {
        // A send never hangs the worker: after 30 s it is given up.
        const limit = settings.sendTimeoutMs ?? 30_000;
        const info = await Promise.race([
          t.sendMail({
            from: settings.from,
            ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
            to: m.to,
            subject: m.subject ?? "",
            html: m.body,
            text: htmlToText(m.body),
            messageId,
            headers: { "X-Tsunagu-Key": m.idemKey },
            [HAND_OVER]: gate,
          } as nodemailer.SendMailOptions),
          new Promise<never>((_, reject) =>
            setTimeout(() => {
              abandoned = true;
              reject(new Error(`timed out after ${limit / 1000} s`));
            }, limit).unref(),
          ),
        ]);
        return { providerId: info.messageId ?? messageId };
      } catch (error) {
        // A pool whose connections failed can be left without free slots: start a fresh one next time.
        if (transports.get(cacheKey) === t) {
          transports.delete(cacheKey);
          t.close();
        }
        const e = error as { responseCode?: number; command?: string };
        const message = error instanceof Error ? error.message : String(error);
        // The server answered a command (or the end of the message) with a refusal.
        const code =
          typeof e.responseCode === "number" && e.command !== "CONN"
            ? e.responseCode
            : null;
        // 5xx: the server refuses this message for good (bad mailbox, rejected sender).
        if (code && code >= 500 && code < 600)
          throw new PermanentChannelError(`SMTP ${code}: ${message}`);
        if (code && code >= 400)
          throw new TransientChannelError(`SMTP ${code}: ${message}`);
        if (handedOver)
          throw new UncertainChannelError(
            `SMTP: ${message} after the message was handed over`,
          );
        throw new TransientChannelError(`SMTP: ${message}`);
      }
    },
  };
}

/**
 * The message as the SMTP connection reads it, opened only when the connection starts reading
 * (after the server accepted DATA): the first read asks the send's gate, and a send already given
 * up ends here with an error, so the server never gets its body (nor the final "."). The message
 * itself is composed eagerly, so the gate has to sit on the reading end, not in a transform.
 */
function gated(input: Readable, gate: HandOverGate): Readable {
  let started = false;
  const out: Readable = new Readable({
    read() {
      if (started) {
        input.resume();
        return;
      }
      started = true;
      if (!gate()) {
        out.destroy(
          new Error("the send was given up before the message went out"),
        );
        return;
      }
      input.on("data", (chunk: Buffer) => {
        if (!out.push(chunk)) input.pause();
      });
      input.once("end", () => out.push(null));
    },
  });
  input.once("error", (error) => out.destroy(error));
  return out;
}

export function createTransport(settings: SmtpSettings): Transporter {
  const transport = nodemailer.createTransport({
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
    socketTimeout: settings.socketTimeoutMs ?? 10_000,
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
      if (
        settings.publicOnly &&
        net.isIP(settings.host) &&
        isPrivateAddress(settings.host)
      )
        return callback(new Error(`${settings.host} is not a public address`));
      const lookup = settings.publicOnly ? { lookup: publicLookup } : {};
      const socket = settings.secure
        ? tls.connect({
            host: settings.host,
            port: settings.port,
            servername: settings.host,
            ...lookup,
          })
        : net.connect({ port: settings.port, host: settings.host, ...lookup });
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
  // (Before DKIM signing, which this app does not set up: a signer would read the whole message
  // ahead of the connection and open the gate too early.)
  transport.use("stream", (mail, done) => {
    const gate = (mail.data as Record<string, unknown>)[HAND_OVER];
    if (typeof gate === "function")
      mail.message.processFunc((input) => gated(input, gate as HandOverGate));
    done();
  });
  return transport;
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
