import { z } from "zod";
import type { MessageKey, Translate } from "../i18n/i18n";

/**
 * The channel settings form (SMTP, LINE, Twilio, quiet hours), checked field by field: each
 * refused field gets a code saying what is wrong with it, which the page shows in the admin's
 * language with how to put it right (a host name, not a URL; a Twilio number in + format ...).
 * The page imports this file in the browser, so it holds nothing that needs Node: the check that
 * a host is not on the app's own network is in channel-settings.server.ts.
 */
const host = z
  .string()
  .trim()
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$/, "host");
// Typed by hand (the form has no native number checks): an empty field is not midnight.
const hour = z
  .string()
  .trim()
  .regex(/^\d{1,2}$/)
  .transform(Number)
  .pipe(z.number().int().min(0).max(23));
const port = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(65535));
export const channelSettingsSchema = z.object({
  smtpHost: z.union([z.literal(""), host]),
  smtpPort: z.union([z.literal(""), port]),
  smtpUser: z.string().max(200),
  smtpPass: z.string().max(500),
  smtpSecure: z.enum(["on", "off"]),
  emailFrom: z.union([z.literal(""), z.string().trim().email().max(200)]),
  lineToken: z.string().max(1000),
  twilioSid: z.union([z.literal(""), z.string().regex(/^AC[0-9a-fA-F]{32}$/)]),
  twilioToken: z.string().max(200),
  twilioFrom: z.union([z.literal(""), z.string().regex(/^\+[1-9]\d{6,14}$/)]),
  quietStart: hour,
  quietEnd: hour,
});
export type ChannelSettingsInput = z.infer<typeof channelSettingsSchema>;

/** Codes under `followups.settings.error.`; "private" is the host inside the app's network. */
const CODES = [
  "smtpHost",
  "smtpPort",
  "smtpPortRequired",
  "smtpUser",
  "smtpPass",
  "emailFrom",
  "lineToken",
  "twilioSid",
  "twilioToken",
  "twilioFrom",
  "hour",
  "private",
] as const;
/** A field's error in the admin's language; a code the page does not know reads "check this value". */
export function describeChannelSettingsError(t: Translate, code: string) {
  return (CODES as readonly string[]).includes(code)
    ? t(`followups.settings.error.${code}` as MessageKey)
    : t("followups.settings.invalid");
}
