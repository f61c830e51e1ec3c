import path from "node:path";
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { publishSurveys, saveSurvey } from "~/surveys/surveys.server";
import { createDevStore } from "../../dev-store/src/store";
import { renderBlocks } from "../../dev-store/src/server/preview";
import { resetDatabase } from "../support/db";
import { devStoreAdmin } from "../support/dev-store-admin";

/**
 * The storefront survey block, rendered through LiquidJS from the metafield the app publishes:
 * the words at the ends of the scale fit the question asked.
 */
const core = createDevStore({
  baseUrl: "http://dev-store.test",
  counts: { customers: 5, orders: 5 },
});
const graphql = devStoreAdmin(core, { scopes: [], bucketKey: "survey-block" });
const extensionsDir = path.resolve("extensions");

async function publishOnly(kind: "nps" | "csat") {
  await resetDatabase(prisma);
  await saveSurvey(prisma, core.shop, null, {
    kind,
    question:
      kind === "nps"
        ? { ja: "友人にすすめたいですか?", en: "Would you recommend us?" }
        : { ja: "満足度を教えてください", en: "How satisfied are you?" },
    choices: [],
    followUp: false,
    placements: ["block"],
    audience: "all",
    locales: [],
    cooldownDays: 0,
    active: true,
  });
  await publishSurveys(prisma, core.shop, graphql);
}

const ends = async (locale: string) => {
  const html = await renderBlocks({
    core,
    extensionsDir,
    locale,
    target: "section",
    customerId: null,
  });
  const part = html.match(/tsunagu-survey__ends[^>]*>([\s\S]*?)<\/div>/);
  return part?.[1]
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
};

describe("survey block scale", () => {
  it("names the ends of a satisfaction scale by satisfaction, in the shopper's language", async () => {
    await publishOnly("csat");
    expect(await ends("ja")).toBe("不満 とても満足");
    expect(await ends("en")).toBe("Not satisfied Very satisfied");
  });

  it("asks a shopper in another language in English, as the block's own words are", async () => {
    await publishOnly("csat");
    const html = await renderBlocks({
      core,
      extensionsDir,
      locale: "fr",
      target: "section",
      customerId: null,
    });
    expect(html).toContain("How satisfied are you?");
    expect(html).not.toContain("満足度を教えてください");
    expect(await ends("fr")).toBe("Not satisfied Very satisfied");
  });

  it("names the ends of a recommendation scale by likelihood", async () => {
    await publishOnly("nps");
    expect(await ends("ja")).toBe("すすめない ぜひすすめたい");
    expect(await ends("en")).toBe("Not at all likely Extremely likely");
  });
});
