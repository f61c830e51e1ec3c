import { describe, expect, it } from "vitest";
import { buildIndex, type FaqDoc } from "./build.server";
import { definedWords, GLOSS_WEIGHT } from "./glosses.server";
import { createSearch } from "./query";

/** A garden-supplies shop, not an evaluation set: its entries never say what shoppers call things. */
const en: FaqDoc[] = [
  {
    id: "pollen",
    question: "Do your plants release much pollen?",
    answer: "Our flowering plants are marked in each listing.",
  },
  {
    id: "stimulant",
    question: "Which of your herbal drinks contain caffeine?",
    answer: "Only the yerba mate blends; the rest are free of it.",
  },
  {
    id: "hand",
    question: "Are the pruning shears made for the left hand?",
    answer: "Both versions are listed under Tools.",
  },
  {
    id: "delivery",
    question: "How long does delivery take?",
    answer: "Orders leave the nursery within two working days.",
  },
];

describe("words whose definitions use an entry's words", () => {
  it("lets a shopper's name for a thing find the entry about what it is", async () => {
    const search = createSearch(await buildIndex(en));
    const first = (q: string) => search(q, 3).hits[0]?.id;
    expect(first("decaf")).toBe("stimulant");
    expect(first("hay fever")).toBe("pollen");
    expect(first("secateurs")).toBe("hand");
  }, 60_000);

  it("weighs far below the entry's own words", async () => {
    const search = createSearch(
      await buildIndex([
        ...en,
        {
          id: "decaf",
          question: "Do you sell decaf?",
          answer: "Not at the moment.",
        },
      ]),
    );
    expect(search("decaf", 3).hits[0]?.id).toBe("decaf");
    const words = await definedWords([{ term: "caffein", weight: 1 }]);
    expect(words.find((w) => w.term === "decaf")?.weight).toBe(GLOSS_WEIGHT);
  });

  it("brings nothing for words that define everything, nor for Japanese", async () => {
    expect(await definedWords([{ term: "use", weight: 1 }])).toEqual([]);
    expect(await definedWords([{ term: "person", weight: 1 }])).toEqual([]);
    expect(await definedWords([{ term: "カフェイン", weight: 1 }])).toEqual([]);
  });
});
