/** What the evaluation commands share: reading `--name value` and printing into a pipe. */

/** The value after `--name`, if given. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
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
