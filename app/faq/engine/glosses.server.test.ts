import { describe, expect, it } from "vitest";
import { buildIndex, type FaqDoc } from "./build.server";
import { definedWords, definitionWords, GLOSS_WEIGHT } from "./glosses.server";
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

describe("the words that define an entry's own", () => {
  it("lets a shopper find the entry whose answer names what a thing is made of (eiderdown: the down of the eider duck)", async () => {
    const search = createSearch(
      await buildIndex([
        ...en,
        {
          id: "filling",
          question: "Is the garden quilt warm enough for winter nights?",
          answer: "Yes: it is filled with eiderdown.",
        },
        {
          id: "washing",
          question: "Can the garden quilt go in the washing machine?",
          answer: "Dry clean only, please.",
        },
      ]),
    );
    expect(search("is it duck down", 3).hits[0]?.id).toBe("filling");
  }, 60_000);

  it("reads only words of few senses, at the definitions' weight", async () => {
    const whetstone = await definitionWords([{ term: "whetston", weight: 1 }]);
    expect(whetstone).toContainEqual({ term: "sharpen", weight: GLOSS_WEIGHT });
    // "charge" and "tea" have many senses: their definitions would bring every one of them.
    expect(await definitionWords([{ term: "charge", weight: 1 }])).toEqual([]);
    expect(await definitionWords([{ term: "tea", weight: 1 }])).toEqual([]);
    // A reading or synonym (weight under 1) brings nothing, nor does Japanese.
    expect(await definitionWords([{ term: "whetston", weight: 0.6 }])).toEqual(
      [],
    );
    expect(await definitionWords([{ term: "砥石", weight: 1 }])).toEqual([]);
  });
});
