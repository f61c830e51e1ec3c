import type { PrismaClient } from "@prisma/client";
import { env, type Env } from "../env.server";
import type { Channel } from "./channels/channel";
import { emailChannel, type SmtpSettings } from "./channels/email.server";
import { lineChannel } from "./channels/line.server";
import { smsChannel } from "./channels/sms.server";
import type { EngineDeps } from "./engine.server";
import { openSecret } from "./secrets.server";
import { privateHostsAllowed } from "../security/public-host.server";

/** SMTP settings from a URL such as smtp://user:pass@host:2525 (the demo's local server). */
export function smtpFromUrl(url: string, from: string): SmtpSettings {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || (u.protocol === "smtps:" ? 465 : 25)),
    secure: u.protocol === "smtps:",
    user: u.username ? decodeURIComponent(u.username) : null,
    pass: u.password ? decodeURIComponent(u.password) : null,
    from,
  };
}

type ShopChannels = Partial<Record<"email" | "line" | "sms", Channel>>;

/**
 * The channels each shop has set up (Settings), with the app's default SMTP server when it has
 * none: one query for all the shops of a batch of messages.
 */
export function channelsFor(db: PrismaClient, settings?: Env) {
  return async (shops: string[]): Promise<Map<string, ShopChannels>> => {
    const e = settings ?? env();
    const rows = new Map(
      (
        await db.channelSettings.findMany({ where: { shop: { in: shops } } })
      ).map((r) => [r.shop, r]),
    );
    return new Map(
      shops.map((shop) => {
        const s = rows.get(shop);
        const out: ShopChannels = {};
        const appFrom = e.FOLLOWUP_EMAIL_FROM ?? `no-reply@${shop}`;
        if (s?.smtpHost && s.smtpPort)
          out.email = emailChannel({
            host: s.smtpHost,
            port: s.smtpPort,
            secure: s.smtpSecure,
            user: s.smtpUser,
            pass: openSecret(s.smtpPass, e.SHOPIFY_API_SECRET),
            from: s.emailFrom ?? appFrom,
            publicOnly: !privateHostsAllowed(),
          });
        // The app's shared server sends as the app, never as an address a merchant typed (any
        // merchant could type a bank's); the shop's address receives the replies.
        else if (e.FOLLOWUP_SMTP_URL)
          out.email = emailChannel({
            ...smtpFromUrl(e.FOLLOWUP_SMTP_URL, appFrom),
            replyTo: s?.emailFrom ?? null,
          });
        const lineToken = openSecret(s?.lineToken, e.SHOPIFY_API_SECRET);
        if (lineToken) out.line = lineChannel(lineToken);
        const twilioToken = openSecret(s?.twilioToken, e.SHOPIFY_API_SECRET);
        if (s?.twilioSid && twilioToken && s.twilioFrom)
          out.sms = smsChannel({
            accountSid: s.twilioSid,
            authToken: twilioToken,
            from: s.twilioFrom,
          });
        return [shop, out] as const;
      }),
    );
  };
}

export function engineDeps(db: PrismaClient): EngineDeps {
  const e = env();
  return {
    appUrl: e.SHOPIFY_APP_URL,
    secret: e.SHOPIFY_API_SECRET,
    timeScale: e.FOLLOWUP_TIME_SCALE,
    channels: channelsFor(db),
  };
}
