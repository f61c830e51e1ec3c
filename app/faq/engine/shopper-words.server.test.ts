import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze.server";
import { buildIndex } from "./build.server";
import { createSearch } from "./query";
import { elsewhere, widgets, withCorpus } from "./with-corpus.test-support";
import { corpusFile, shopperCorpus } from "../../../scripts/faq/shopper-corpus";
import {
  associatedWords,
  shippedFile,
  shopperWords,
} from "./shopper-words.server";

const root = path.resolve(import.meta.dirname, "../../..");
const words = async (text: string) =>
  (await shopperWords(await analyze(text))).map((t) => t.term);
const weights = async (text: string) =>
  new Map(
    (await shopperWords(await analyze(text))).map((t) => [t.term, t.weight]),
  );

/** How strongly the entry word `text` lends the query word `word`, word by word (0: not at all). */
const lent = async (text: string, word: string) =>
  new Map(
    (await associatedWords(await analyze(text))).map((t) => [t.term, t.weight]),
  ).get((await analyze(word))[0].term) ?? 0;
describe("words shoppers use for entries like this one", () => {
  it("gives an entry the words other shops' shoppers typed for the same topic, not its own", async () => {
    const returns = await words("返品・交換について");
    expect(
      returns.some((w) => ["返す", "返し", "送り返す", "かえす"].includes(w)),
    ).toBe(true);
    expect(returns).not.toContain("返品");
    const english = await words("Can I return an item?");
    expect(english.length).toBeGreaterThan(0);
    // Words used for every kind of question teach nothing about a topic: not borrowed at all
    // ("できる"), or barely ("注文", which shoppers type for some topics more than others).
    const weighed = await weights("返品・交換について");
    expect(weighed.has("できる")).toBe(false);
    expect(weighed.get("返す")).toBeGreaterThan(0.5);
    expect(weighed.get("注文") ?? 0).toBeLessThan(0.25 * weighed.get("返す")!);
  }, 60_000);

  it("lets each word bring what shoppers typed for entries holding it, across all shops", async () => {
    // No corpus entry is about cancelling a wreath for a space station, but many hold キャンセル.
    const brought = (
      await associatedWords(
        await analyze("宇宙ステーション用リースのキャンセル"),
      )
    ).map((t) => t.term);
    expect(
      brought.some((w) => ["取り消す", "取り消し", "とりけす"].includes(w)),
    ).toBe(true);
    expect(brought).not.toContain("きゃんせる"); // its own word (folded), not borrowed
    expect(await associatedWords(await analyze("火山噴火の予知"))).toEqual([]);
  }, 60_000);

  it("lends what one corpus entry's shoppers typed less than what several entries' shoppers agree on", async () => {
    // A corpus of its own: "lantern" is held by one entry, whose shoppers typed "glow" in a quarter
    // of their queries; "kettle" by eight, whose shoppers typed "whistle" in an eighth. Filler
    // entries keep "whistle" under the spread above which a word is typed for every topic.
    const asked = (word: string, of: number) =>
      Array.from({ length: 8 }, (_, i) =>
        i < of ? `${word} please` : `question ${i}`,
      );
    await withCorpus(
      [
        elsewhere("Lantern care", asked("glow", 2)),
        ...Array.from({ length: 8 }, (_, i) =>
          elsewhere(`Kettle model ${i}`, asked("whistle", 1)),
        ),
        ...widgets,
      ],
      async () => {
        const glow = await lent("lantern", "glow");
        expect(glow).toBeGreaterThan(0);
        expect(glow).toBeLessThan(await lent("kettle", "whistle"));
      },
    );
  }, 60_000);

  it("lends a word all of one entry's shoppers typed short of whole when another entry holding the same word never saw it", async () => {
    // "lantern" is held by two corpus entries; every shopper of one typed "glow", none of the
    // other's. Smoothed with ASSOCIATION_PRIOR pseudo-entries (three lent "glow" whole).
    await withCorpus(
      [
        elsewhere("Lantern care", ["glow please", "glow dim"]),
        elsewhere("Lantern sizes", ["how tall", "which size"]),
        ...widgets,
      ],
      async () => {
        const glow = await lent("lantern", "glow");
        expect(glow).toBeGreaterThan(0.5);
        expect(glow).toBeLessThan(0.9);
      },
    );
  }, 60_000);

  it("never borrows grammar, which the query side recognises and must not score", async () => {
    // Shoppers write "ほしい" and "いい" for every topic; borrowed, "ラクダを貸してほしい" found an entry.
    for (const question of [
      "ギフト包装はできますか?",
      "注文した商品はいつ届きますか?",
      "保管方法",
    ]) {
      const borrowed = await words(question);
      expect(
        borrowed.filter((w) =>
          ["ほしい", "いい", "したい", "できる", "ください"].includes(w),
        ),
      ).toEqual([]);
    }
  }, 60_000);

  it("finds the entries alike by what an answer covers, not only by the question", async () => {
    // A corpus of its own: a damaged-goods entry whose shoppers typed "smashed" and "crushed",
    // a returns entry, and entries on other topics (a word is borrowed only when the shoppers of
    // at most 15% of the corpus entries typed it: one entry of eight is).
    const topic = (question: string, answer: string, queries: string[]) =>
      elsewhere(question, queries, answer);
    await withCorpus(
      [
        topic("Damaged in transit", "Send us photos of the broken item.", [
          "arrived smashed",
          "box crushed",
        ]),
        topic("Returns policy", "Return unused items within 30 days.", [
          "send it back",
          "refund please",
        ]),
        topic("Gift wrapping", "Wrapping costs $3.", ["present wrap"]),
        topic("Shipping times", "Orders leave in two days.", ["how fast"]),
        topic("Payment methods", "We take cards.", ["pay with paypal"]),
        topic("Care instructions", "Hand wash cold.", ["washing machine"]),
        topic("Size guide", "Measure your chest.", ["which size"]),
        topic("Gift cards", "Cards never expire.", ["voucher code"]),
      ],
      async () => {
        const question = await analyze("Returns");
        const answer = await analyze(
          "Unused items come back within 30 days. If an order arrives damaged, email us.",
        );
        const smashed = (await analyze("smashed"))[0].term;
        const borrowed = async (a: typeof answer) =>
          (await shopperWords(question, a)).map((t) => t.term);
        // The question alone is like the returns entry only; its answer is like the damaged one too.
        expect(await borrowed([])).not.toContain(smashed);
        expect(await borrowed(answer)).toContain(smashed);
      },
    );
  }, 60_000);

  it("borrows nothing for a topic no shop in the corpus has", async () => {
    expect(await words("火山噴火の予知")).toEqual([]);
  }, 60_000);

  it("lets a shopper's words find an entry that never uses them", async () => {
    const docs = [
      {
        id: "allergy",
        question: "アレルギー物質について",
        answer: "特定原材料の表示は商品ページをご確認ください。",
      },
      {
        id: "days",
        question: "ご注文から発送までの日数",
        answer: "3営業日以内に出荷いたします。",
      },
      {
        id: "wrap",
        question: "ギフト包装はできますか?",
        answer: "有料で承ります。",
      },
    ];
    const search = createSearch(await buildIndex(docs));
    // Neither "小麦" nor "届く" is in any entry: other shops' shoppers used them for such topics.
    expect(search("小麦は入ってる?").hits[0]?.id).toBe("allergy");
    expect(search("いつ届く?").hits[0]?.id).toBe("days");
    expect(search("ギフト包装").hits[0]?.id).toBe("wrap");
  }, 60_000);

  // The corpus ships analysed: this analyses it again (about ten seconds), so that a change to the
  // analyzer cannot leave the shipped terms behind.
  // `npm start` serves build/server/index.js, where this module is bundled.
  it("finds the shipped corpus from the built server's folder, and says what is missing elsewhere", () => {
    expect(shippedFile(path.join(root, "build/server"))).toBe(
      path.join(root, "app/faq/engine/shopper-words.json"),
    );
    expect(shippedFile(path.join(root, "app/faq/engine"))).toBe(
      path.join(root, "app/faq/engine/shopper-words.json"),
    );
    expect(() => shippedFile("/")).toThrow(
      /app\/faq\/engine\/shopper-words.json is not beside or above/,
    );
  });

  // It analyses the whole corpus (1,324 shops' 42,700 entries and 166,000 queries): about a minute
  // on a quiet machine, longer beside other test files.
  it("shopper-words.json is what `npm run faq:train` makes from app/faq/training", async () => {
    const fresh = corpusFile((await shopperCorpus(root)).entries);
    expect(
      fresh ===
        readFileSync(
          path.join(root, "app/faq/engine/shopper-words.json"),
          "utf8",
        ),
      "stale: run `npm run faq:train`",
    ).toBe(true);
  }, 300_000);
});
