import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Finds every GraphQL operation the app and its extensions send: template literals tagged with
 * a leading `#graphql` comment (the Shopify template's convention, also read by codegen) and
 * .graphql files. Interpolation inside an operation is reported, never evaluated.
 */
export interface FoundOperation {
  file: string;
  line: number;
  source: string;
  interpolated: boolean;
}

const SOURCE = /\.(ts|tsx|js|jsx|graphql)$/;
const SKIP = new Set(["node_modules", "dist", "build", ".cache"]);

export function listSourceFiles(roots: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      if (SKIP.has(name)) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (SOURCE.test(name) && !/\.test\.tsx?$/.test(name))
        files.push(full);
    }
  };
  roots.forEach(walk);
  return files.sort();
}

export function findOperations(
  file: string,
  text = readFileSync(file, "utf8"),
): FoundOperation[] {
  if (file.endsWith(".graphql"))
    return [{ file, line: 1, source: text, interpolated: false }];
  const found: FoundOperation[] = [];
  const pattern = /`(\s*#graphql[^`]*)`/g;
  for (const match of text.matchAll(pattern)) {
    const line = text.slice(0, match.index).split("\n").length;
    found.push({
      file,
      line,
      source: match[1],
      interpolated: match[1].includes("${"),
    });
  }
  return found;
}

/** Template literals that look like GraphQL operations but are not tagged, so no check would see them. */
export function findUntaggedOperations(
  file: string,
  text = readFileSync(file, "utf8"),
): number[] {
  const lines: number[] = [];
  for (const match of text.matchAll(
    /`\s*(query|mutation|subscription)\s+[A-Za-z_]\w*\s*[({]/g,
  )) {
    lines.push(text.slice(0, match.index).split("\n").length);
  }
  return lines;
}
