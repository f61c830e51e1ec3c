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

  // At 360 px eleven scores wrapped into rows of 4, 4 and 3 with "すすめない" under 8: the block
  // now gives the two rows itself (survey.css stacks them with the low word above 0).
  it("gives a recommendation scale as two whole rows, 0–5 and 6–10, its ends naming the first and last score", async () => {
    await publishOnly("nps");
    const html = await renderBlocks({
      core,
      extensionsDir,
      locale: "ja",
      target: "section",
      customerId: null,
    });
    const rows = [
      ...html.matchAll(/<div class="tsunagu-survey__row">([\s\S]*?)<\/div>/g),
    ].map((m) => [...m[1].matchAll(/value="(\d+)"/g)].map((v) => v[1]));
    expect(rows).toEqual([
      ["0", "1", "2", "3", "4", "5"],
      ["6", "7", "8", "9", "10"],
    ]);
    expect(html).toContain("tsunagu-survey__rating--split");
    const describedBy = (score: string) =>
      new RegExp(`value="${score}"[^>]*aria-describedby="([^"]+)"`).exec(
        html,
      )?.[1];
    const said = (id: string | undefined) =>
      new RegExp(`id="${id}">([^<]*)<`).exec(html)?.[1];
    expect(said(describedBy("0"))).toBe("すすめない");
    expect(said(describedBy("10"))).toBe("ぜひすすめたい");
  });

  it("keeps a satisfaction scale in one row", async () => {
    await publishOnly("csat");
    const html = await renderBlocks({
      core,
      extensionsDir,
      locale: "en",
      target: "section",
      customerId: null,
    });
    expect(html.match(/tsunagu-survey__row"/g)).toHaveLength(1);
    expect(html).not.toContain("tsunagu-survey__rating--split");
  });
});
