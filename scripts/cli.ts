/** What the repository's commands share: reading `--name value` and printing into a pipe. */

/** The value after `--name`, if given. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
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
