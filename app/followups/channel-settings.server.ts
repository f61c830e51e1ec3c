import {
  channelSettingsSchema,
  type ChannelSettingsInput,
} from "./channel-settings";
import { isPrivateHostName } from "../security/public-host.server";

/**
 * Checks a submitted channel settings form: each refused field gets a code (channel-settings.ts
 * says it in the admin's language). Server-only, as it looks host names up against the app's own
 * network (public-host.server.ts), which needs Node.
 */
const codeOf = (field: string) =>
  field === "quietStart" || field === "quietEnd" ? "hour" : field;

export function validateChannelSettings(
  form: Record<string, string>,
  opts: { allowPrivateHosts: boolean },
):
  | { ok: true; value: ChannelSettingsInput }
  | { ok: false; errors: Record<string, string> } {
  const parsed = channelSettingsSchema.safeParse(form);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      errors[field] ??= codeOf(field);
    }
    return { ok: false, errors };
  }
  const v = parsed.data;
  if (v.smtpHost && v.smtpPort === "")
    return { ok: false, errors: { smtpPort: "smtpPortRequired" } };
  if (v.smtpHost && !opts.allowPrivateHosts && isPrivateHostName(v.smtpHost))
    return { ok: false, errors: { smtpHost: "private" } };
  return { ok: true, value: v };
}
