import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UI_EXTENSION_BUDGET_GZIP, bundleUiExtension, uiExtensions } from "./ui-extension-bundles";

const flat = (o: Record<string, unknown>, prefix = ""): Record<string, string> =>
  Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? Object.entries(flat(v as Record<string, unknown>, `${prefix}${k}.`)) : [[`${prefix}${k}`, String(v)]])));

describe("UI extensions", () => {
  const extensions = uiExtensions();

  it("include the thank-you block", () => {
    expect(extensions.map((e) => e.name)).toContain("tsunagu-thank-you");
  });

  it.each(extensions.map((e) => [e.name, e] as const))("%s bundles within 16 KB gzipped", async (_name, ext) => {
    for (const m of ext.modules) expect((await bundleUiExtension(m)).gzip).toBeLessThanOrEqual(UI_EXTENSION_BUDGET_GZIP);
  }, 60_000);

  it.each(extensions.map((e) => [e.name, e] as const))("%s calls the app at shopify.app.toml's application_url", (_name, ext) => {
    const appUrl = /application_url\s*=\s*"([^"]+)"/.exec(readFileSync("shopify.app.toml", "utf8"))![1];
    expect(readFileSync(path.join(ext.dir, "src/config.ts"), "utf8")).toContain(`APP_URL = "${appUrl}"`);
  });

  it.each(extensions.map((e) => [e.name, e] as const))("%s has every string in Japanese and English with the same placeholders", (_name, ext) => {
    const en = flat(JSON.parse(readFileSync(path.join(ext.dir, "locales/en.default.json"), "utf8")));
    const ja = flat(JSON.parse(readFileSync(path.join(ext.dir, "locales/ja.json"), "utf8")));
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    const vars = (s: string) => (s.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();
    for (const k of Object.keys(en)) expect(vars(ja[k]), k).toEqual(vars(en[k]));
  });
});
