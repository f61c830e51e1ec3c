import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  compactTargetMap,
  japaneseTokenizer,
  kuromojiTargetMap,
} from "./kuromoji.server";

const dict = path.join(
  path.dirname(createRequire(import.meta.url).resolve("kuromoji/package.json")),
  "dict",
);
const file = (name: string) => gunzipSync(readFileSync(path.join(dict, name)));

describe("kuromoji loaded compactly", () => {
  // Every key of both of IPADIC's word-id tables, as kuromoji's own loading reads them.
  it.each(["tid_map.dat.gz", "unk_map.dat.gz"])(
    "answers each id of %s with the words kuromoji's own table has",
    (name) => {
      const bytes = new Uint8Array(file(name));
      const own = kuromojiTargetMap(bytes);
      const compact = compactTargetMap(bytes);
      const keys = Object.keys(own);
      expect(keys.length).toBeGreaterThan(name.startsWith("tid") ? 300_000 : 5);
      const differing = keys.filter(
        (key) =>
          compact[Number(key)].length !== own[key].length ||
          own[key].some((v, i) => compact[Number(key)][i] !== v),
      );
      expect(differing).toEqual([]);
      // An id no word has: none, as the lattice then adds nothing.
      expect(compact[10 ** 9].length).toBe(0);
    },
  );

  it("reads a table however it is cut: a key twice, a count of none, trailing zeros", () => {
    const ints = [3, 7, 2, 10, 11, 2, 0, 7, 1, 12, 5, 1, 13, 0, 0, 0];
    const bytes = new Uint8Array(new Int32Array(ints).buffer);
    const own = kuromojiTargetMap(bytes);
    const compact = compactTargetMap(bytes);
    expect([...compact[7]]).toEqual(own[7]);
    expect([...compact[7]]).toEqual([10, 11, 12]);
    expect([...compact[5]]).toEqual([13]);
    expect(compact[2].length).toBe(0);
  });

  it("segments and reads Japanese as IPADIC does", async () => {
    const tokenizer = await japaneseTokenizer();
    const tokens = tokenizer.tokenize(
      "送料はいくらですか?ワイヤレスイヤホンを返品したい",
    );
    expect(tokens.map((t) => t.surface_form)).toEqual([
      "送料",
      "は",
      "いくら",
      "です",
      "か",
      "?",
      "ワイヤレスイヤホン",
      "を",
      "返品",
      "し",
      "たい",
    ]);
    expect(tokens[0].reading).toBe("ソウリョウ");
    expect(tokens[8].pos).toBe("名詞");
    // An unknown word (a run of katakana IPADIC lacks) comes from the unknown-word tables.
    expect(tokens[6].word_type).toBe("UNKNOWN");
  });
});
