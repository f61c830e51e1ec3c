import { beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { authenticate } from "~/shopify.server";
import { action as surveyAction } from "~/routes/app.surveys.$id";
import { action as tutorialAction } from "~/routes/app.tutorials.$id";
import { resetDatabase } from "../support/db";

/**
 * The survey and tutorial forms send whatever was typed (no browser validation, whose bubbles
 * speak the browser's language): the server answers a bad field with a field error and 422, and
 * writes nothing.
 */
const shop = "validation-test.myshopify.com";
const graphql = vi.fn(async () => {
  throw new Error("a refused form must not reach Shopify");
});

beforeEach(async () => {
  await resetDatabase(prisma);
  graphql.mockClear();
  vi.spyOn(authenticate, "admin").mockResolvedValue({
    session: { shop },
    admin: { graphql },
    redirect: (to: string) =>
      new Response(null, { status: 302, headers: { Location: to } }),
  } as never);
});

const post = (fields: Record<string, string | string[]>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields))
    for (const value of [v].flat()) body.append(k, value);
  return new Request("https://app.test/app/x/new", { method: "POST", body });
};

describe("the survey form", () => {
  for (const cooldownDays of ["", "-1", "731", "1e2"])
    it(`answers a re-ask window of "${cooldownDays}" with its field error, saving nothing`, async () => {
      const res = (await surveyAction({
        request: post({
          kind: "nps",
          question_ja: "このショップを友人にすすめますか?",
          placements: "block",
          audience: "all",
          cooldownDays,
          active: "on",
        }),
        params: { id: "new" },
        context: {},
      })) as Response;
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({
        errors: { cooldown: "surveys.error.cooldown" },
      });
      expect(await prisma.survey.count()).toBe(0);
      expect(graphql).not.toHaveBeenCalled();
    });
});

describe("the tutorial form", () => {
  for (const [url, code] of [
    ["example.com/guide", "url"],
    ["javascript:alert(1)", "url"],
    [`https://example.com/${"a".repeat(2000)}`, "urlTooLong"],
  ] as const)
    it(`answers the link "${url.slice(0, 30)}" with "${code}", saving nothing`, async () => {
      const res = (await tutorialAction({
        request: post({
          kind: "video",
          "ja.title": "使い方",
          "ja.url": url,
          products: JSON.stringify([{ id: "101", title: "ドローン" }]),
          collections: "[]",
        }),
        params: { id: "new" },
        context: {},
      })) as Response;
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ errors: { "ja.url": code } });
      expect(await prisma.tutorial.count()).toBe(0);
      expect(graphql).not.toHaveBeenCalled();
    });
});
