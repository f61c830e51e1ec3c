import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { enqueueJob } from "../jobs/queue.server";
import {
  buildStorefrontPayload,
  MANIFEST_KEY,
  NAMESPACE,
  type PublishableEntry,
  versionOfKey,
} from "./storefront-data";
import { TRANSLATION_FIELDS } from "./entries.server";
import { buildLocaleIndex } from "./index-build.server";
import { learnedSignals } from "./events.server";
import { parseSynonyms } from "./settings";
import { answerText } from "./sanitize";
import { PublishError, storedPublishError } from "./publish-errors";
import type { GraphQL } from "../admin-graphql";
import {
  FAQ_PUBLISH_JOB,
  isPublishing,
  learningKey,
  PUBLISH_DELAY_MS,
  publishKey,
} from "./publish-status";

/**
 * Every change publishes the FAQ a few seconds later; saves within the same five seconds share
 * one job (the job key), and the job always publishes the state of the moment it runs.
 */
export async function requestPublish(
  db: PrismaClient,
  shop: string,
  delayMs = PUBLISH_DELAY_MS,
  now = Date.now(),
): Promise<void> {
  const runAt = new Date(now + delayMs);
  await enqueueJob(db, {
    shop,
    type: FAQ_PUBLISH_JOB,
    key: publishKey(shop, runAt.getTime()),
    payload: {},
    runAt,
    maxAttempts: 5,
  });
}

/**
 * What shoppers open and find helpful reaches the storefront index at the next publish; with no
 * merchant change, one publish an hour at most picks it up.
 */
export async function requestLearningPublish(
  db: PrismaClient,
  shop: string,
  now = Date.now(),
): Promise<void> {
  const hour = Math.floor(now / 3_600_000);
  await enqueueJob(db, {
    shop,
    type: FAQ_PUBLISH_JOB,
    key: learningKey(shop, hour),
    payload: {},
    runAt: new Date((hour + 1) * 3_600_000),
    maxAttempts: 5,
  });
}

/** Whether a publish is running or about to (publish-status.ts): what the admin's banner says. */
export async function publishPending(
  db: PrismaClient,
  shop: string,
  now = Date.now(),
): Promise<boolean> {
  const jobs = await db.job.findMany({
    where: {
      shop,
      type: FAQ_PUBLISH_JOB,
      status: { in: ["queued", "running"] },
    },
    select: { key: true, status: true, runAt: true },
  });
  return isPublishing(jobs, shop, now);
}

const INSTALLATION = `#graphql
  query FaqInstallation {
    currentAppInstallation {
      id
      metafields(first: 250, namespace: "tsunagu") { nodes { key } }
    }
    shop { primaryDomain { url } }
  }
`;

const SET = `#graphql
  mutation FaqPublish($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { key }
      userErrors { field message code }
    }
  }
`;

const DELETE = `#graphql
  mutation FaqUnpublishStale($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields { key }
      userErrors { field message }
    }
  }
`;

const MANIFEST = `#graphql
  query FaqManifest {
    currentAppInstallation {
      metafield(namespace: "tsunagu", key: "faq") { value compareDigest }
    }
  }
`;
const manifestResult = z.object({
  data: z.object({
    currentAppInstallation: z.object({
      metafield: z
        .object({ value: z.string(), compareDigest: z.string() })
        .nullable(),
    }),
  }),
});
/** When the publish that wrote this manifest started (0 for manifests from before `at`). */
function manifestTime(value: string | undefined): number {
  try {
    const at = (JSON.parse(value ?? "{}") as { at?: unknown }).at;
    return typeof at === "number" ? at : 0;
  } catch {
    return 0;
  }
}

const installationResult = z.object({
  data: z.object({
    currentAppInstallation: z.object({
      id: z.string(),
      metafields: z.object({ nodes: z.array(z.object({ key: z.string() })) }),
    }),
  }),
});
const setResult = z.object({
  data: z.object({
    metafieldsSet: z.object({
      userErrors: z.array(
        z.object({ message: z.string(), code: z.string().nullish() }),
      ),
    }),
  }),
});
const deleteResult = z.object({
  data: z.object({
    metafieldsDelete: z.object({
      userErrors: z.array(z.object({ message: z.string() })),
    }),
  }),
});

async function call<T>(
  graphql: GraphQL,
  query: string,
  schema: z.ZodType<T>,
  variables?: Record<string, unknown>,
): Promise<T> {
  const response = await graphql(query, variables ? { variables } : undefined);
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (body.errors?.length)
    throw new PublishError(
      "shopify",
      body.errors.map((e) => e.message).join("; "),
    );
  return schema.parse(body);
}

/** Loads the published entries of a shop, grouped by locale. */
async function publishedEntries(db: PrismaClient, shop: string) {
  const rows = await db.faqEntry.findMany({
    where: { shop, published: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      handle: true,
      position: true,
      tags: true,
      translations: { select: TRANSLATION_FIELDS },
    },
  });
  // Tags and ways to ask feed the index only; the storefront entries never carry them.
  const byLocale = new Map<
    string,
    (PublishableEntry & { tags: string; phrasings: string })[]
  >();
  for (const r of rows) {
    for (const t of r.translations) {
      const list = byLocale.get(t.locale) ?? [];
      list.push({
        handle: r.handle,
        category: t.category,
        position: r.position,
        tags: r.tags,
        question: t.question,
        answer: t.answer,
        phrasings: t.phrasings,
      });
      byLocale.set(t.locale, list);
    }
  }
  return byLocale;
}

/**
 * After the app is installed again, the store has none of the FAQ metafields the app wrote (they
 * belong to the app's installation), while the app still holds the entries: within Shopify's
 * 48 hours before shop/redact, or when a development store starts afresh. The storefront block
 * would say the FAQ is not published until the merchant next saved something. Publishes now when
 * the shop has a published entry and the store has no FAQ manifest; run after each token
 * exchange (`afterAuth`), it publishes nothing when the storefront has its FAQ.
 */
export async function republishAfterInstall(
  db: PrismaClient,
  shop: string,
  graphql: GraphQL,
  now = Date.now(),
): Promise<boolean> {
  const entry = await db.faqEntry.findFirst({
    where: { shop, published: true },
    select: { id: true },
  });
  if (!entry) return false;
  try {
    const { metafield } = (await call(graphql, MANIFEST, manifestResult)).data
      .currentAppInstallation;
    if (metafield) return false;
  } catch {
    // Not known whether the store has it: publishing again is harmless, and the sign-in that
    // called this must not fail for it.
  }
  await requestPublish(db, shop, 0, now);
  return true;
}

/**
 * Publishes the shop's FAQ to the storefront: builds each locale's search index (dictionaries and
 * analyzers run here, not in the shopper's browser), writes entries and index as app-data
 * metafields, then removes metafields of an earlier publish that are no longer used.
 */
export async function publishFaq(
  db: PrismaClient,
  shop: string,
  graphql: GraphQL,
  now = new Date(),
): Promise<{ entries: number; locales: string[] }> {
  // Before the data is read: a publish that starts later has read later data.
  const startedAt = Date.now();
  try {
    const [byLocale, settings, learned, shopRow] = await Promise.all([
      publishedEntries(db, shop),
      db.faqSettings.findUnique({
        where: { shop },
        select: { synonyms: true, contactUrl: true },
      }),
      learnedSignals(db, shop, 180, now),
      db.shop.findUnique({ where: { shop }, select: { locale: true } }),
    ]);
    const synonyms = parseSynonyms(settings?.synonyms ?? "");
    const indexByLocale = new Map<string, string[]>();
    for (const [locale, entries] of byLocale) {
      indexByLocale.set(
        locale,
        await buildLocaleIndex({
          locale,
          docs: entries.map((e) => ({
            id: e.handle,
            question: e.question,
            answer: answerText(e.answer),
            tags: e.tags.split(",").filter(Boolean),
            category: e.category,
            phrasings: e.phrasings.split("\n").filter(Boolean),
          })),
          synonyms,
          learned: learned.filter((s) => s.locale === locale),
        }),
      );
    }
    const payload = buildStorefrontPayload({
      entriesByLocale: byLocale,
      indexByLocale,
      fallback: shopRow?.locale ?? "ja",
      contact: settings?.contactUrl ?? "",
      at: startedAt,
    });
    const installation = await call(graphql, INSTALLATION, installationResult);
    const ownerId = installation.data.currentAppInstallation.id;
    const write = async (
      metafields: (typeof payload.metafields)[number][],
      compareDigest?: string | null,
    ) => {
      for (let i = 0; i < metafields.length; i += 25) {
        const batch = metafields.slice(i, i + 25).map((m) => ({
          ownerId,
          namespace: NAMESPACE,
          key: m.key,
          type: "json",
          value: m.value,
          ...(compareDigest === undefined ? {} : { compareDigest }),
        }));
        const result = await call(graphql, SET, setResult, {
          metafields: batch,
        });
        const errors = result.data.metafieldsSet.userErrors;
        if (errors.length && errors.every((e) => e.code === "STALE_OBJECT"))
          return false;
        if (errors.length)
          throw new PublishError(
            "shopify",
            errors.map((e) => e.message).join("; "),
          );
      }
      return true;
    };
    const remove = async (keys: string[]) => {
      for (let i = 0; i < keys.length; i += 25) {
        const result = await call(graphql, DELETE, deleteResult, {
          metafields: keys
            .slice(i, i + 25)
            .map((key) => ({ ownerId, namespace: NAMESPACE, key })),
        });
        const errors = result.data.metafieldsDelete.userErrors;
        if (errors.length)
          throw new PublishError(
            "shopify",
            errors.map((e) => e.message).join("; "),
          );
      }
    };
    // New chunks under new keys first; the storefront still reads the previous publish's.
    const chunks = payload.metafields.filter((m) => m.key !== MANIFEST_KEY);
    const manifest = payload.metafields.find((m) => m.key === MANIFEST_KEY)!;
    await write(chunks);
    // Two publishes can run at once (saves a few seconds apart, several workers). The one that
    // started later read the later data: if its manifest is out, ours stands aside. The switch is
    // a compare-and-set on the manifest read, so a manifest written between that read and our
    // write is never overwritten unseen: the write is refused and the manifest read again.
    for (let attempt = 0; ; attempt++) {
      const current = (await call(graphql, MANIFEST, manifestResult)).data
        .currentAppInstallation.metafield;
      if (manifestTime(current?.value) > startedAt) {
        await remove(chunks.map((m) => m.key));
        return payload.info;
      }
      if (await write([manifest], current?.compareDigest ?? null)) break;
      if (attempt === 4) throw new PublishError("contended");
    }
    // Then what no manifest reads any more: earlier publishes' chunks, never a later one's.
    const keep = new Set(payload.metafields.map((m) => m.key));
    await remove(
      installation.data.currentAppInstallation.metafields.nodes
        .map((n) => n.key)
        .filter(
          (k) =>
            !keep.has(k) &&
            k !== MANIFEST_KEY &&
            /^faq(idx)?_/.test(k) &&
            versionOfKey(k) < startedAt,
        ),
    );
    await db.faqSettings.upsert({
      where: { shop },
      create: {
        shop,
        publishedAt: now,
        publishError: null,
        publishedInfo: JSON.stringify(payload.info),
      },
      update: {
        publishedAt: now,
        publishError: null,
        publishedInfo: JSON.stringify(payload.info),
      },
    });
    return payload.info;
  } catch (error) {
    const publishError = storedPublishError(error);
    await db.faqSettings.upsert({
      where: { shop },
      create: { shop, publishError },
      update: { publishError },
    });
    throw error;
  }
}
