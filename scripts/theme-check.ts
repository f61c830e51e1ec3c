/**
 * Theme check for every theme app extension in extensions/ (type = "theme" in its
 * shopify.extension.toml), with Shopify's rules for app extensions. Exits 1 on any offence:
 * `shopify app build` only prints them.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { themeCheckRun } from "@shopify/theme-check-node";

export async function checkThemeExtension(dir: string): Promise<string[]> {
  const config = path.join(dir, ".theme-check.yml");
  if (!existsSync(config))
    writeFileSync(config, "extends: theme-check:theme-app-extension\n");
  const { offenses } = await themeCheckRun(dir, config, () => undefined);
  return offenses.map(
    (o) =>
      `${path.relative(process.cwd(), o.uri.replace("file://", ""))}: ${o.check}: ${o.message}`,
  );
}

export function themeExtensions(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((name) => path.join(root, name))
    .filter(
      (dir) =>
        existsSync(path.join(dir, "shopify.extension.toml")) &&
        /type\s*=\s*"theme"/.test(
          readFileSync(path.join(dir, "shopify.extension.toml"), "utf8"),
        ),
    );
}

if (process.argv[1]?.endsWith("theme-check.ts")) {
  const dirs = themeExtensions(path.resolve(process.argv[2] ?? "extensions"));
  if (!dirs.length)
    console.log("theme check: no theme app extension in extensions/ yet");
  let failed = 0;
  for (const dir of dirs) {
    const offences = await checkThemeExtension(dir);
    console.log(
      `theme check ${path.basename(dir)}: ${offences.length} offence(s)`,
    );
    offences.forEach((o) => console.log(`  ${o}`));
    failed += offences.length;
  }
  process.exit(failed ? 1 : 0);
}
