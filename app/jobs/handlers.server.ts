import type { PrismaClient } from "@prisma/client";
import { WEBHOOK_JOB } from "../webhooks/receive.server";
import { webhookJob } from "../webhooks/process.server";
import type { JobHandlers } from "./worker.server";

/** Every job type the worker knows. */
export function jobHandlers(db: PrismaClient): JobHandlers {
  return {
    [WEBHOOK_JOB]: webhookJob(db),
  };
}
