import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogNames } from "./catalog";
import { classifyComment } from "./classify.server";
import { nameLexicon } from "./lexicon.server";
import { modelFile, trainingExamples } from "./train.server";

const root = path.resolve(import.meta.dirname, "../..");

describe("comment classification with the trained model", () => {
  it("reads comments of a shop it was not trained on", async () => {
    const catalog = catalogNames(
      [
        {
          title: "ソフトクリップ 万年筆 F",
          vendor: "筆記堂",
          productType: "万年筆",
        },
      ],
      await nameLexicon(),
    );
    const read = (text: string) => classifyComment(text, catalog);
    expect(
      (await read("書き心地がとても良くて、毎日使っています。買ってよかった!"))
        .sentiment,
    ).toBe("positive");
    expect(
      (await read("届いた万年筆のキャップが割れていました。交換してください。"))
        .sentiment,
    ).toBe("negative");
    expect((await read("筆記堂の万年筆をずっと愛用しています")).loyalty).toBe(
      "psychological",
    );
    expect((await read("梱包が丁寧で、発送も早かったです")).loyalty).toBe(
      "none",
    );
    expect((await read("The ink was not as smooth as I hoped")).sentiment).toBe(
      "negative",
    );
  }, 60_000);

  it("model.json is what `npm run comments:train` makes from today's rules and training data", async () => {
    // Stale after a change to the rules or the data: run `npm run comments:train` and commit.
    const fresh = modelFile(await trainingExamples(root));
    const shipped = readFileSync(
      path.join(root, "app/comments/model.json"),
      "utf8",
    );
    expect(
      fresh === shipped,
      "app/comments/model.json is stale: run `npm run comments:train`",
    ).toBe(true);
  }, 180_000);
});
