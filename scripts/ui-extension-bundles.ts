/**
 * Bundles each UI extension (checkout, customer account) the way Shopify CLI does — esbuild, ESM,
 * minified, Preact JSX — and measures it against our 16 KB gzip budget (Shopify rejects over
 * 64 KB at deploy). `npx tsx scripts/ui-extension-bundles.ts` prints the sizes; a test enforces them.
 */
import { build } from "esbuild";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const UI_EXTENSION_BUDGET_GZIP = 16 * 1024;

export function uiExtensions(
  root = "extensions",
): { name: string; dir: string; modules: string[] }[] {
  return readdirSync(root)
    .map((name) => ({ name, dir: path.join(root, name) }))
    .filter(
      ({ dir }) =>
        existsSync(path.join(dir, "shopify.extension.toml")) &&
        /type\s*=\s*"ui_extension"/.test(
          readFileSync(path.join(dir, "shopify.extension.toml"), "utf8"),
        ),
    )
    .map(({ name, dir }) => ({
      name,
      dir,
      modules: [
        ...readFileSync(
          path.join(dir, "shopify.extension.toml"),
          "utf8",
        ).matchAll(/module\s*=\s*"([^"]+)"/g),
      ].map((m) => path.join(dir, m[1])),
    }));
}

/** Size of one extension module's bundle, and our own source files in it (shared parts included). */
export async function bundleUiExtension(
  entry: string,
): Promise<{ bytes: number; gzip: number; sources: string[] }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    write: false,
    legalComments: "none",
    jsx: "automatic",
    jsxImportSource: "preact",
    logLevel: "silent",
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  const sources = Object.keys(result.metafile.inputs).filter(
    (f) => !f.includes("node_modules/"),
  );
  return {
    bytes: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    sources,
  };
}

if (process.argv[1]?.endsWith("ui-extension-bundles.ts")) {
  for (const ext of uiExtensions()) {
    for (const m of ext.modules) {
      const size = await bundleUiExtension(m);
      console.log(
        `${m}: ${size.bytes} bytes, ${size.gzip} bytes gzipped (budget ${UI_EXTENSION_BUDGET_GZIP})`,
      );
    }
  }
}
