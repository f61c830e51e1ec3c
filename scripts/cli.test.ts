import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { arg, fileArg } from "./cli";

/** Runs a script that prints far more than a pipe holds, and closes the pipe after its first line. */
function printIntoClosedPipe(
  withHandler: boolean,
): Promise<{ code: number | null; stderr: string }> {
  const source = `
    import { stopWhenPipeCloses } from "./scripts/cli.ts";
    ${withHandler ? "stopWhenPipeCloses();" : ""}
    for (let i = 0; i < 200000; i++) console.log("line " + i);
  `;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", source],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.stdout.once("data", () => child.stdout.destroy());
  return new Promise((resolve) =>
    child.on("close", (code) => resolve({ code, stderr })),
  );
}

describe("printing into a pipe (`npm run faq:eval -- … --json | head`)", () => {
  it("ends quietly when the reader goes away", async () => {
    expect(await printIntoClosedPipe(true)).toEqual({ code: 0, stderr: "" });
  }, 30_000);

  it("would otherwise die with an EPIPE stack (the case the handler is for)", async () => {
    const { code, stderr } = await printIntoClosedPipe(false);
    expect(code).not.toBe(0);
    expect(stderr).toContain("EPIPE");
  }, 30_000);
});

describe("reading flags", () => {
  const argv = [
    "node",
    "script",
    "--faq",
    "a.json",
    "--queries=q.tsv",
    "--json",
  ];
  it("reads --name value and --name=value", () => {
    expect(arg("faq", argv)).toBe("a.json");
    expect(arg("queries", argv)).toBe("q.tsv");
    expect(arg("missing", argv)).toBeUndefined();
  });

  it("reads a relative file from where npm was started, not from the package", () => {
    const caller = mkdtempSync(path.join(tmpdir(), "caller-"));
    writeFileSync(path.join(caller, "a.json"), "[]");
    expect(fileArg("faq", argv, { INIT_CWD: caller })).toBe(
      path.join(caller, "a.json"),
    );
    // Not beside the caller but inside the package: found there (a script run from the package).
    expect(
      fileArg("faq", ["n", "s", "--faq", "package.json"], { INIT_CWD: caller }),
    ).toBe(path.resolve("package.json"));
    expect(fileArg("faq", ["n", "s", "--faq", "/abs/x.json"], {})).toBe(
      "/abs/x.json",
    );
  });
});
