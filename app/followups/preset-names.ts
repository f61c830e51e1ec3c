import type { MessageKey, Translate } from "../i18n/i18n";
import { PRESETS } from "./presets";

/**
 * A ready-made flow's name follows the admin's language until the merchant renames it. The row
 * keeps one name, in whichever language the flow was created (or saved) in; a preset flow whose
 * name is still one of its ready-made names, in either language, is untouched and shown through
 * t(). Any other name is the merchant's and shown as written.
 */
export function flowDisplayName(
  t: Translate,
  flow: { preset: string | null; name: string },
): string {
  const preset = PRESETS.find((p) => p.key === flow.preset);
  if (!preset || !Object.values(preset.name).includes(flow.name))
    return flow.name;
  return t(`followups.presetName.${preset.key}` as MessageKey);
}
