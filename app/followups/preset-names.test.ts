import { describe, expect, it } from "vitest";
import { messages, translator, type MessageKey } from "../i18n/i18n";
import { flowDisplayName } from "./preset-names";
import { PRESETS } from "./presets";

describe("ready-made flow names", () => {
  const ja = translator("ja");
  const en = translator("en");

  it("follow the admin's language whichever language the flow was created in", () => {
    for (const stored of [
      "発送のお知らせ(追跡リンク)",
      "Shipping notice with tracking link",
    ]) {
      const flow = { preset: "tracking", name: stored };
      expect(flowDisplayName(en, flow)).toBe(
        "Shipping notice with tracking link",
      );
      expect(flowDisplayName(ja, flow)).toBe("発送のお知らせ(追跡リンク)");
    }
  });

  it("stay as the merchant wrote them once renamed, and so do the merchant's own flows", () => {
    expect(
      flowDisplayName(en, { preset: "tracking", name: "発送メール" }),
    ).toBe("発送メール");
    expect(
      flowDisplayName(en, { preset: null, name: "発送のお知らせ(追跡リンク)" }),
    ).toBe("発送のお知らせ(追跡リンク)");
  });

  it("are the names the presets create, so stored flows are recognised as untouched", () => {
    for (const p of PRESETS)
      for (const locale of ["ja", "en"] as const) {
        expect(
          messages(locale)[`followups.presetName.${p.key}` as MessageKey],
          `${p.key} ${locale}`,
        ).toBe(p.name[locale]);
        expect(
          flowDisplayName(translator(locale), {
            preset: p.key,
            name: p.name.ja,
          }),
        ).toBe(p.name[locale]);
      }
  });
});
