/** What the repository's commands share: reading `--name value` and printing into a pipe. */
import { existsSync } from "node:fs";
import path from "node:path";

/** The value after `--name` (or of `--name=value`), if given. */
export function arg(
  name: string,
  argv: readonly string[] = process.argv,
): string | undefined {
  const flag = `--${name}`;
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}

/**
 * A file named by `--name`, as an absolute path. `npm run` starts scripts in the package's
 * folder, so a relative path is read from where npm was started (INIT_CWD): `npm --prefix
 * tsunagu run faq:eval -- --faq my/faq.json` finds my/faq.json beside the caller, not inside the
 * package. A path that only exists from the package's folder is still found there.
 */
export function fileArg(
  name: string,
  argv: readonly string[] = process.argv,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const value = arg(name, argv);
  if (value === undefined || value === "") return undefined;
  return callerPath(value, env);
}

/** A path a user typed, as an absolute path: read from where npm was started (see `fileArg`). */
export function callerPath(
  value: string,
  env: Record<string, string | undefined> = process.env,
): string {
  const fromCaller = path.resolve(env.INIT_CWD ?? process.cwd(), value);
  const fromHere = path.resolve(value);
  return existsSync(fromCaller) || !existsSync(fromHere)
    ? fromCaller
    : fromHere;
}

/** The number after `--name`, or `fallback` when the flag is not given. */
export function numberArg(name: string, fallback: number): number {
  const value = arg(name);
  return value === undefined ? fallback : Number(value);
}

/**
 * Ends quietly when the reader of stdout has gone (`… --json | head`): Node otherwise throws
 * EPIPE from the next write and prints a stack trace over the output.
 */
export function stopWhenPipeCloses(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}
