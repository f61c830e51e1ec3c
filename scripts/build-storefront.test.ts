import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { STOREFRONT_SCRIPTS, bundle, gzipSize } from "./build-storefront";

describe("storefront scripts", () => {
  it.each(STOREFRONT_SCRIPTS)(
    "$out is built from its source and within its gzip budget",
    async ({ entry, out, budgetGzip }) => {
      const code = await bundle(entry);
      expect(readFileSync(out, "utf8"), "run `npm run build:storefront`").toBe(
        code,
      );
      expect(gzipSize(code)).toBeLessThanOrEqual(budgetGzip);
    },
  );
});
