import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "./analyze.server";
import { expansions } from "./synonyms.server";

// kuromoji's and Sudachi's dictionaries load in seconds, more on a busy machine: once, here.
beforeAll(() => lent("送料").then(() => undefined), 60_000);

/** The words the shop lexicon and the thesaurus lend an entry's text. */
async function lent(text: string): Promise<string[]> {
  return (await expansions(await analyze(text), [], text)).map((t) => t.term);
}

describe("which concepts an entry's words bring", () => {
  it("brings a concept asked in so many words, not for the word a way of asking leaves", async () => {
    // The lexicon's "how to use" and "where is my order" are a question word and one common
    // word; that word alone had lent manuals to any entry saying "use" and parcel tracking to
    // any entry saying "order".
    expect(await lent("How to use the timer")).toContain("manual");
    expect(await lent("Where is my order?")).toContain("track");
    expect(await lent("Can I use it on floor heating?")).not.toContain(
      "manual",
    );
    expect(await lent("Can I change my order?")).not.toContain("track");
    // The same for Japanese: 荷物 どこ is not every entry that says 荷物.
    expect(await lent("荷物はどこですか")).toContain("追跡");
    expect(await lent("大きな荷物の送料")).not.toContain("追跡");
  });

  it("brings a compound's concept for the compound, not for its last part", async () => {
    // 代引き (cash on delivery) is read as 引き with the compound weaker; a discount (値引き)
    // says 引き as well.
    expect(await lent("代引きは使えますか")).toContain("着払い");
    expect(await lent("値引きはできますか")).not.toContain("着払い");
    expect(await lent("値引きはできますか")).toContain("割引");
  });
});

describe("the thesaurus's English headwords", () => {
  it("brings a headword in -ed or -ing only where the entry says it so", async () => {
    // Headwords are keyed by stem, as entries' words are; "used" (secondhand) and "living" (a
    // living room) had come with every entry that says "use" or "live".
    expect(await lent("How do I use the timer?")).not.toContain("secondhand");
    expect(await lent("Do you sell used guitars?")).toContain("secondhand");
    expect(await lent("Can fish live together?")).not.toContain("リビング");
  });
});

describe("how a thing feels, sounds or looks (mimetic words)", () => {
  it("lends an entry the words shoppers say for what it names, as written", async () => {
    expect(await lent("ドライフルーツが固い")).toContain("かちかち");
    // Katakana is folded to hiragana, and a final long-vowel mark dropped, as a query is.
    expect(await lent("ブレーキから異音がする")).toContain("きーき");
    // The dictionary reads さくさく as くさい (smelly): the word is lent whole, nothing else.
    const crisp = await lent("食感について");
    expect(crisp).toContain("さくさく");
    expect(crisp).not.toContain("くさい");
    expect(await lent("においが気になる")).not.toContain("さくさく");
    // A word the dictionary reads well is lent as read, with its stem: "うるさくて" says うるさ.
    expect(await lent("騒音が気になる")).toEqual(
      expect.arrayContaining(["うるさい", "うるさ"]),
    );
    // A print that curls (丸まる) is one shoppers call くるくる.
    expect(await lent("プリントが丸まってしまう")).toContain("くるくる");
    // And the English words for the same sense.
    expect(await lent("The lid is cracked")).toContain("shatter");
    expect(await lent("Why is my honey crystallized?")).toContain("gritty");
  });
});
