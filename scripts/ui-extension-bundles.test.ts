import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  UI_EXTENSION_BUDGET_GZIP,
  bundleUiExtension,
  uiExtensions,
} from "./ui-extension-bundles";

const flat = (
  o: Record<string, unknown>,
  prefix = "",
): Record<string, string> =>
  Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) =>
      v && typeof v === "object"
        ? Object.entries(flat(v as Record<string, unknown>, `${prefix}${k}.`))
        : [[`${prefix}${k}`, String(v)]],
    ),
  );

describe("UI extensions", () => {
  const extensions = uiExtensions();

  it("include the thank-you and order-status blocks", () => {
    expect(extensions.map((e) => e.name)).toEqual(
      expect.arrayContaining(["tsunagu-thank-you", "tsunagu-order-status"]),
    );
  });

  it.each(extensions.map((e) => [e.name, e] as const))(
    "%s has every string its bundle uses (its own and the shared parts')",
    async (_name, ext) => {
      const en = flat(
        JSON.parse(
          readFileSync(path.join(ext.dir, "locales/en.default.json"), "utf8"),
        ),
      );
      const namespaces = [
        ...new Set(
          Object.keys(en)
            .filter((k) => k.includes("."))
            .map((k) => k.split(".")[0]),
        ),
      ];
      const literal = new RegExp(
        `["'\`]((?:${namespaces.join("|")})\\.[\\w.]+)["'\`]`,
        "g",
      );
      for (const m of ext.modules) {
        const { sources } = await bundleUiExtension(m);
        const keys = sources
          .filter((f) => !/\.test\.|suite/.test(f))
          .flatMap((f) =>
            [...readFileSync(f, "utf8").matchAll(literal)].map((x) => x[1]),
          );
        expect(keys.length).toBeGreaterThan(0);
        for (const k of keys)
          expect(en, `${ext.name} is missing "${k}"`).toHaveProperty([k]);
      }
    },
    60_000,
  );

  it.each(extensions.map((e) => [e.name, e] as const))(
    "%s declares network access and the tutorials metafield it reads",
    (_name, ext) => {
      const toml = readFileSync(
        path.join(ext.dir, "shopify.extension.toml"),
        "utf8",
      );
      expect(toml).toMatch(
        /\[extensions\.capabilities\][^[]*network_access = true/,
      );
      expect(toml).toMatch(
        /\[\[extensions\.metafields\]\]\s*namespace = "\$app:tsunagu"\s*key = "tutorials"/,
      );
    },
  );

  it.each(extensions.map((e) => [e.name, e] as const))(
    "%s bundles within 16 KB gzipped",
    async (_name, ext) => {
      for (const m of ext.modules)
        expect((await bundleUiExtension(m)).gzip).toBeLessThanOrEqual(
          UI_EXTENSION_BUDGET_GZIP,
        );
    },
    60_000,
  );

  it.each(extensions.map((e) => [e.name, e] as const))(
    "%s calls the app at shopify.app.toml's application_url",
    (_name, ext) => {
      const appUrl = /application_url\s*=\s*"([^"]+)"/.exec(
        readFileSync("shopify.app.toml", "utf8"),
      )![1];
      expect(
        readFileSync(path.join(ext.dir, "src/config.ts"), "utf8"),
      ).toContain(`APP_URL = "${appUrl}"`);
    },
  );

  it.each(extensions.map((e) => [e.name, e] as const))(
    "%s has every string in Japanese and English with the same placeholders",
    (_name, ext) => {
      const en = flat(
        JSON.parse(
          readFileSync(path.join(ext.dir, "locales/en.default.json"), "utf8"),
        ),
      );
      const ja = flat(
        JSON.parse(readFileSync(path.join(ext.dir, "locales/ja.json"), "utf8")),
      );
      expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
      const vars = (s: string) => (s.match(/\{\{\s*\w+\s*\}\}/g) ?? []).sort();
      for (const k of Object.keys(en))
        expect(vars(ja[k]), k).toEqual(vars(en[k]));
    },
  );
});
