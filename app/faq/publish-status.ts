/**
 * Whether the admin says "Publishing…": only while a publish is running, due, or asked for by the
 * merchant a moment ago. The hourly publish that brings shoppers' views and votes to the index
 * waits queued for the top of the hour; until then it is not publishing, and the page said so
 * for the last minute before it, polling all along.
 */
export const FAQ_PUBLISH_JOB = "faq.publish";

/** A merchant's change publishes this much later, so saves made together share one publish. */
export const PUBLISH_DELAY_MS = 3_000;

/** Saves whose publish falls in the same five seconds share one job. */
export const publishKey = (shop: string, runAt: number) =>
  `${FAQ_PUBLISH_JOB}:${shop}:${Math.floor(runAt / 5_000)}`;

/** At most one learning publish an hour. */
export const learningKey = (shop: string, hour: number) =>
  `${learningPrefix(shop)}${hour}`;
const learningPrefix = (shop: string) => `${FAQ_PUBLISH_JOB}:${shop}:learn:`;

export interface PublishJob {
  key: string;
  status: string;
  runAt: Date;
}

export function isPublishing(
  jobs: PublishJob[],
  shop: string,
  now = Date.now(),
): boolean {
  return jobs.some(
    (j) =>
      j.status === "running" ||
      (j.status === "queued" &&
        // Due: it runs as soon as a worker is free (a retry after a failure too).
        (j.runAt.getTime() <= now ||
          // The merchant's own change, in the few seconds saves are grouped.
          (!j.key.startsWith(learningPrefix(shop)) &&
            j.runAt.getTime() <= now + PUBLISH_DELAY_MS))),
  );
}
