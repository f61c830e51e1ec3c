/**
 * Delay before retry number `attempt` (1-based): exponential from 30 s, capped at 6 h, with
 * ±20 % jitter so jobs that failed together don't retry in lockstep. `random` is injectable for tests.
 */
export function retryDelayMs(
  attempt: number,
  random: () => number = Math.random,
): number {
  const base = 30_000 * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(base, 6 * 60 * 60 * 1000);
  const jitter = 1 + (random() * 0.4 - 0.2);
  return Math.round(capped * jitter);
}

/** A job whose lock is older than this is assumed to belong to a dead worker and is claimed again. */
export const LEASE_MS = 5 * 60 * 1000;
