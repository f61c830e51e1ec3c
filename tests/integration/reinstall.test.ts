import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { publishFaq, republishAfterInstall } from "~/faq/publish.server";
import { FAQ_PUBLISH_JOB } from "~/faq/publish-status";
import {
  publishSurveys,
  republishSurveysAfterInstall,
  saveSurvey,
  SURVEYS_PUBLISH_JOB,
} from "~/surveys/surveys.server";
import { jobHandlers } from "~/jobs/handlers.server";
import type { Placement } from "~/surveys/definition";
import {
  publishAllTutorials,
  republishTutorialsAfterInstall,
  saveTutorial,
  TUTORIALS_PUBLISH_JOB,
} from "~/tutorials/tutorials.server";
import { createDevStore } from "../../dev-store/src/store";
import { resetDatabase } from "../support/db";
import { appProductMetafield, devStoreAdmin } from "../support/dev-store-admin";
import { installShop } from "../support/proxy";

/**
 * A store that installs the app again has lost the FAQ and surveys metafields the app wrote
 * there (they belong to the app's installation); the app still has the entries and surveys, and
 * publishes them again at once (`afterAuth` in shopify.server.ts), and only then.
 */
const core = createDevStore({
  baseUrl: "http://dev-store.test",
  counts: { customers: 5, orders: 5 },
});
const SHOP = core.shop;
const graphql = devStoreAdmin(core, { scopes: [], bucketKey: "reinstall" });

const entry = (published: boolean) =>
  prisma.faqEntry.create({
    data: {
      shop: SHOP,
      handle: published ? "shipping-fee" : "draft",
      published,
      translations: {
        create: [{ locale: "ja", question: "送料は?", answer: "<p>500円</p>" }],
      },
    },
  });

const jobs = () =>
  prisma.job.findMany({ where: { shop: SHOP, type: FAQ_PUBLISH_JOB } });

beforeEach(async () => {
  await resetDatabase(prisma);
  await installShop(prisma, SHOP);
});

describe("an installation again", () => {
  it("publishes the FAQ at once when the store lacks it, and not when it has it", async () => {
    await entry(true);
    const now = Date.now();
    expect(await republishAfterInstall(prisma, SHOP, graphql, now)).toBe(true);
    const queued = await jobs();
    expect(queued).toHaveLength(1);
    expect(queued[0].runAt.getTime()).toBeLessThanOrEqual(now);
    // Sessions renewed in the same moment share the one publish.
    await republishAfterInstall(prisma, SHOP, graphql, now);
    expect(await jobs()).toHaveLength(1);

    // Once the store has the FAQ, a later sign-in publishes nothing.
    await publishFaq(prisma, SHOP, graphql);
    await prisma.job.deleteMany({ where: { shop: SHOP } });
    expect(await republishAfterInstall(prisma, SHOP, graphql)).toBe(false);
    expect(await jobs()).toHaveLength(0);
  });

  it("publishes nothing for a shop with drafts only, or no FAQ", async () => {
    expect(await republishAfterInstall(prisma, SHOP, graphql)).toBe(false);
    await entry(false);
    expect(await republishAfterInstall(prisma, SHOP, graphql)).toBe(false);
    expect(await jobs()).toHaveLength(0);
  });

  it("publishes when it cannot tell whether the store has the FAQ", async () => {
    await entry(true);
    const failing = (() =>
      Promise.resolve(
        new Response(JSON.stringify({ errors: [{ message: "Throttled" }] })),
      )) as unknown as typeof graphql;
    expect(await republishAfterInstall(prisma, SHOP, failing)).toBe(true);
    expect(await jobs()).toHaveLength(1);
  });
});

const survey = (placements: Placement[], active = true) =>
  saveSurvey(prisma, SHOP, null, {
    kind: "nps",
    question: { ja: "友人にすすめたいですか?", en: "Would you recommend us?" },
    choices: [],
    followUp: false,
    placements,
    audience: "all",
    locales: [],
    cooldownDays: 0,
    active,
  });

const surveyJobs = () =>
  prisma.job.findMany({ where: { shop: SHOP, type: SURVEYS_PUBLISH_JOB } });

describe("surveys after an installation again", () => {
  it("publishes the block surveys when the store lacks them, and not when it has them", async () => {
    await survey(["block"]);
    const now = Date.now();
    expect(await republishSurveysAfterInstall(prisma, SHOP, graphql, now)).toBe(
      true,
    );
    // Sign-ins in the same minute share the one publish.
    await republishSurveysAfterInstall(prisma, SHOP, graphql, now);
    expect(await surveyJobs()).toHaveLength(1);
    expect(jobHandlers(prisma)[SURVEYS_PUBLISH_JOB]).toBeDefined();

    await publishSurveys(prisma, SHOP, graphql);
    await prisma.job.deleteMany({ where: { shop: SHOP } });
    expect(await republishSurveysAfterInstall(prisma, SHOP, graphql)).toBe(
      false,
    );
    expect(await surveyJobs()).toHaveLength(0);
  });

  it("publishes nothing when no active survey is shown in the block", async () => {
    expect(await republishSurveysAfterInstall(prisma, SHOP, graphql)).toBe(
      false,
    );
    await survey(["thankyou", "email"]);
    await survey(["block"], false);
    expect(await republishSurveysAfterInstall(prisma, SHOP, graphql)).toBe(
      false,
    );
    expect(await surveyJobs()).toHaveLength(0);
  });

  it("publishes when it cannot tell whether the store has them", async () => {
    await survey(["block"]);
    const failing = (() =>
      Promise.resolve(
        new Response("Bad Gateway", { status: 502 }),
      )) as unknown as typeof graphql;
    expect(await republishSurveysAfterInstall(prisma, SHOP, failing)).toBe(
      true,
    );
    expect(await surveyJobs()).toHaveLength(1);
  });
});

describe("tutorials on a store that lost them", () => {
  const writer = devStoreAdmin(core, {
    scopes: ["read_products", "write_products"],
    bucketKey: "reinstall-tutorials",
  });
  const [product] = core.state.products;
  const id = String(product.legacyId);
  const tutorialJobs = () =>
    prisma.job.findMany({ where: { shop: SHOP, type: TUTORIALS_PUBLISH_JOB } });
  const save = () =>
    saveTutorial(prisma, writer, SHOP, null, {
      kind: "video",
      locales: { ja: { title: "使い方", url: "https://video.example/ja" } },
      products: [{ id, title: product.title }],
      collections: [],
    });
  const forget = () => {
    product.metafields = product.metafields.filter(
      (m) => m.key !== "tutorials",
    );
  };

  it("publishes every tutorial again when a product they reach has lost its metafield", async () => {
    await save();
    expect(appProductMetafield(core, id, "tutorials")).not.toBeNull();
    // The store has them: nothing to do.
    expect(await republishTutorialsAfterInstall(prisma, SHOP, writer)).toBe(
      false,
    );
    forget();
    const now = Date.now();
    expect(
      await republishTutorialsAfterInstall(prisma, SHOP, writer, now),
    ).toBe(true);
    await republishTutorialsAfterInstall(prisma, SHOP, writer, now);
    expect(await tutorialJobs()).toHaveLength(1);
    expect(jobHandlers(prisma)[TUTORIALS_PUBLISH_JOB]).toBeDefined();
    // What the job runs.
    await publishAllTutorials(prisma, SHOP, writer);
    expect(appProductMetafield(core, id, "tutorials")).not.toBeNull();
  });

  it("queues nothing without tutorials, or when the store cannot be read", async () => {
    expect(await republishTutorialsAfterInstall(prisma, SHOP, writer)).toBe(
      false,
    );
    await save();
    forget();
    const failing = (() =>
      Promise.resolve(
        new Response("Bad Gateway", { status: 502 }),
      )) as unknown as typeof graphql;
    expect(await republishTutorialsAfterInstall(prisma, SHOP, failing)).toBe(
      false,
    );
    expect(await tutorialJobs()).toHaveLength(0);
  });
});
