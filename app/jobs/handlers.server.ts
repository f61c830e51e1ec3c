import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { WEBHOOK_JOB } from "../webhooks/receive.server";
import {
  CUSTOMER_SYNC_JOB,
  CUSTOMER_SYNC_RETRY_JOB,
  webhookJob,
} from "../webhooks/process.server";
import { applyCustomerSync, startCustomerSync } from "../customers/sync.server";
import { offlineAdmin } from "../shopify.server";
import type { JobHandlers } from "./worker.server";
import { STATS_REBUILD_JOB, rebuildStats } from "../dashboard/stats.server";
import { publishFaq } from "../faq/publish.server";
import { FAQ_PUBLISH_JOB } from "../faq/publish-status";
import {
  publishSurveys,
  SURVEY_ANALYZE_JOB,
  SURVEYS_PUBLISH_JOB,
} from "../surveys/surveys.server";
import { analyzeResponse } from "../surveys/analyze.server";
import { FOLLOWUP_JOB, runFollowupBatch } from "../followups/engine.server";
import { engineDeps } from "../followups/runtime.server";
import {
  publishAllTutorials,
  refreshCollection,
  TUTORIALS_COLLECTION_JOB,
  TUTORIALS_PUBLISH_JOB,
  tutorialsMayUseCollection,
} from "../tutorials/tutorials.server";
import { CollectionTooLarge } from "../tutorials/collections.server";
import {
  flowsMayUseCollection,
  refreshFlowCollection,
} from "../followups/flows.server";
import { PermanentJobError } from "./queue.server";
import {
  CUSTOMER_REFRESH_JOB,
  refreshCustomer,
} from "../customers/refresh.server";

/** Every job type the worker knows. */
export function jobHandlers(db: PrismaClient): JobHandlers {
  return {
    [WEBHOOK_JOB]: webhookJob(db),
    [CUSTOMER_SYNC_JOB]: async (job) => {
      const { runId } = z.object({ runId: z.string() }).parse(job.data);
      const { admin } = await offlineAdmin(job.shop);
      await applyCustomerSync(db, runId, admin.graphql);
    },
    [CUSTOMER_REFRESH_JOB]: async (job) => {
      const { customerId } = z
        .object({ customerId: z.string().regex(/^\d{1,20}$/) })
        .parse(job.data);
      const { admin } = await offlineAdmin(job.shop);
      await refreshCustomer(db, job.shop, customerId, admin.graphql);
    },
    [STATS_REBUILD_JOB]: (job) => rebuildStats(db, job.shop),
    [FAQ_PUBLISH_JOB]: async (job) => {
      const { admin } = await offlineAdmin(job.shop);
      await publishFaq(db, job.shop, admin.graphql);
    },
    [FOLLOWUP_JOB]: {
      batch: async (jobs, ctx) => {
        const results = await runFollowupBatch(
          db,
          jobs,
          engineDeps(db),
          ctx.complete,
        );
        return new Map(
          jobs.map((j) => {
            const r = results.get(j.id);
            return [
              j.id,
              r instanceof Error
                ? r
                : r === undefined
                  ? new Error("no result")
                  : null,
            ];
          }),
        );
      },
    },
    [SURVEY_ANALYZE_JOB]: async (job) => {
      const { responseId } = z
        .object({ responseId: z.string() })
        .parse(job.data);
      const { admin } = await offlineAdmin(job.shop);
      await analyzeResponse(db, job.shop, responseId, admin.graphql);
    },
    [SURVEYS_PUBLISH_JOB]: async (job) => {
      const { admin } = await offlineAdmin(job.shop);
      await publishSurveys(db, job.shop, admin.graphql);
    },
    [TUTORIALS_PUBLISH_JOB]: async (job) => {
      const { admin } = await offlineAdmin(job.shop);
      await publishAllTutorials(db, job.shop, admin.graphql);
    },
    [TUTORIALS_COLLECTION_JOB]: async (job) => {
      const { collectionId, deleted } = z
        .object({
          collectionId: z.string().regex(/^\d{1,20}$/),
          deleted: z.boolean(),
        })
        .parse(job.data);
      // Tutorials and follow-up conditions that use the collection follow it. No Admin API call
      // (and no session needed) when neither does.
      const [tutorials, flows] = await Promise.all([
        tutorialsMayUseCollection(db, job.shop, collectionId),
        flowsMayUseCollection(db, job.shop, collectionId),
      ]);
      if (!tutorials && !flows) return;
      const { admin } = await offlineAdmin(job.shop);
      try {
        if (tutorials)
          await refreshCollection(
            db,
            admin.graphql,
            job.shop,
            collectionId,
            deleted,
          );
        if (flows)
          await refreshFlowCollection(
            db,
            admin.graphql,
            job.shop,
            collectionId,
            deleted,
          );
      } catch (error) {
        // Too many products stays too many on retry; the tutorials keep their last published state.
        if (error instanceof CollectionTooLarge)
          throw new PermanentJobError(error.message);
        throw error;
      }
    },
    [CUSTOMER_SYNC_RETRY_JOB]: async (job) => {
      const { admin } = await offlineAdmin(job.shop);
      await startCustomerSync(db, job.shop, admin.graphql);
    },
  };
}
