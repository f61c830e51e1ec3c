/**
 * `npm run build:storefront`: bundles the storefront scripts of the theme app extension from
 * their TypeScript sources (the FAQ block's script shares app/faq/engine/query.ts with the
 * server). The output is committed, because Shopify deploys extension assets as files; a test
 * fails when it is out of date or over its size budget.
 */
import { build } from "esbuild";
import { minify } from "terser";
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { stopWhenPipeCloses } from "./cli";

export const STOREFRONT_SCRIPTS = [
  {
    entry: "app/faq/storefront/faq-element.ts",
    out: "extensions/tsunagu-theme/assets/faq.js",
    budgetGzip: 4096,
  },
  {
    entry: "app/surveys/storefront/survey-element.ts",
    out: "extensions/tsunagu-theme/assets/survey.js",
    budgetGzip: 2048,
  },
];

/** The engine's explanations serve the admin preview only (app/faq/engine/query.ts): dropped here. */
export const STOREFRONT_DEFINE = { "process.env.FAQ_STOREFRONT": '"1"' };

export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "iife",
    // Class fields as written, not through a helper (131 bytes gzipped of the FAQ block's 4 KB):
    // every browser Shopify's themes support has had them since 2021 (Safari 14.1).
    target: "es2022",
    write: false,
    legalComments: "none",
    define: STOREFRONT_DEFINE,
  });
  // Without the "use strict" prologue tsconfig's strict puts first: the code is type-checked as
  // strict, and its classes, where most of it is, are strict whatever the prologue says.
  return minifyAgain(result.outputFiles[0].text.replace(/^"use strict";/, ""));
}

/**
 * Terser over esbuild's output: its names compress better (the FAQ block's script 4,092 → 3,871
 * bytes gzipped, mostly from mangling alone). Its safe options only: the unsafe ones saved 20
 * bytes more and assume things of getters and `this` that custom elements can break. The
 * benchmark's browser build goes through it too, so it times the code that ships.
 */
export async function minifyAgain(code: string): Promise<string> {
  const out = await minify(code, {
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { ecma: 2020 },
  });
  if (!out.code) throw new Error("terser returned no code");
  return out.code;
}

export const gzipSize = (code: string) => gzipSync(code, { level: 9 }).length;

if (process.argv[1]?.endsWith("build-storefront.ts")) {
  stopWhenPipeCloses();
  for (const s of STOREFRONT_SCRIPTS) {
    const code = await bundle(s.entry);
    writeFileSync(path.resolve(s.out), code);
    console.log(
      `${s.out}: ${code.length} bytes, ${gzipSize(code)} bytes gzipped (budget ${s.budgetGzip})`,
    );
  }
}
