import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkThemeExtension, themeExtensions } from "./theme-check";

const fixture = path.resolve("dev-store/test-fixtures/extensions/demo-theme");

describe("theme check step", () => {
  it("finds theme app extensions by their toml", () => {
    expect(
      themeExtensions(path.resolve("dev-store/test-fixtures/extensions")),
    ).toEqual([fixture]);
  });

  it("passes a clean block and fails one with a missing translation", async () => {
    const dir = path.join(
      mkdtempSync(path.join(tmpdir(), "theme-check-")),
      "demo-theme",
    );
    cpSync(fixture, dir, { recursive: true });
    expect(await checkThemeExtension(dir)).toEqual([]);
    writeFileSync(
      path.join(dir, "blocks", "broken.liquid"),
      `<p>{{ 'hello.nope' | t }}</p>\n{% schema %}\n{ "name": "Broken", "target": "section", "settings": [] }\n{% endschema %}\n`,
    );
    const offences = await checkThemeExtension(dir);
    expect(offences.join("\n")).toMatch(/TranslationKeyExists|hello\.nope/);
  }, 60_000);
});
