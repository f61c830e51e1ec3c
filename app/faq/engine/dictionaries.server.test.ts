import { describe, expect, it } from "vitest";
import { buildIndex } from "./build.server";
import {
  releaseDictionaries,
  setDictionariesIdle,
} from "./dictionaries.server";
import { japaneseTokenizer } from "./kuromoji.server";

const ja = [
  { id: "fee", question: "送料はいくらですか?", answer: "全国一律550円です。" },
  {
    id: "return",
    question: "返品できますか?",
    answer: "到着後7日以内なら未開封の商品を返品できます。",
  },
];
const en = [
  {
    id: "ship",
    question: "How long does shipping take?",
    answer: "Orders leave our warehouse within two days.",
  },
  {
    id: "refund",
    question: "Can I get a refund?",
    answer: "Unopened items can be returned within 7 days.",
  },
];
const both = async () =>
  JSON.stringify([await buildIndex(ja), await buildIndex(en)]);

describe("the dictionaries an index build loads", () => {
  it("are loaded again after they are let go, and build the same indexes", async () => {
    const before = await both();
    const held = await japaneseTokenizer();
    releaseDictionaries();
    // Compared as a boolean: the matcher prints a tokenizer (its dictionary) whether or not it fails.
    expect((await japaneseTokenizer()) === held).toBe(false);
    expect(await both()).toBe(before);
  }, 60_000);

  it("are let go once no build has run for the idle time, and kept until then", async () => {
    setDictionariesIdle(50);
    try {
      await buildIndex(ja);
      const held = await japaneseTokenizer();
      expect((await japaneseTokenizer()) === held).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await japaneseTokenizer()) === held).toBe(false);
    } finally {
      setDictionariesIdle();
    }
  }, 60_000);
});
