import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

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
