import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { republishAfterInstall } from "~/faq/publish.server";
import { FAQ_PUBLISH_JOB } from "~/faq/publish-status";
import { resetDatabase } from "../support/db";
import { installShop } from "../support/proxy";

/**
 * A store that installs the app again has lost the FAQ metafields the app wrote there (they
 * belong to the app's installation); the app still has the entries, and publishes them again
 * at once (`afterAuth` in shopify.server.ts).
 */
const SHOP = "faq-reinstall.myshopify.com";

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
  it("publishes the FAQ at once when the shop has published entries", async () => {
    await entry(true);
    const now = Date.now();
    expect(await republishAfterInstall(prisma, SHOP, now)).toBe(true);
    const queued = await jobs();
    expect(queued).toHaveLength(1);
    expect(queued[0].runAt.getTime()).toBeLessThanOrEqual(now);
    // Sessions renewed in the same moment share the one publish.
    await republishAfterInstall(prisma, SHOP, now);
    expect(await jobs()).toHaveLength(1);
  });

  it("publishes nothing for a shop with drafts only, or no FAQ", async () => {
    expect(await republishAfterInstall(prisma, SHOP)).toBe(false);
    await entry(false);
    expect(await republishAfterInstall(prisma, SHOP)).toBe(false);
    expect(await jobs()).toHaveLength(0);
  });
});
