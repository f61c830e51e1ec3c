import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import kuromoji from "kuromoji";

/**
 * The one kuromoji (IPADIC) tokenizer of the process, loaded on first use (≈ 1 s): the FAQ index
 * builder, the comment catalog names and the comment classifier share it. Loaded compactly
 * (`compactLoading`): ≈ 75 MB once loaded, where kuromoji's own loading took the process ≈ 310 MB
 * higher.
 */
export type JapaneseTokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

let tokenizer: Promise<JapaneseTokenizer> | null = null;

const require = createRequire(import.meta.url);
const dicPath = path.join(
  path.dirname(require.resolve("kuromoji/package.json")),
  "dict",
);

export function japaneseTokenizer(): Promise<JapaneseTokenizer> {
  tokenizer ??= new Promise((resolve, reject) => {
    compactLoading();
    kuromoji.builder({ dicPath }).build((error, t) => {
      if (!error) return resolve(t);
      // A failed load is not kept: the next caller tries again.
      tokenizer = null;
      reject(error);
    });
  });
  return tokenizer;
}

const onRelease = new Set<() => void>();

/**
 * Has `forget` called when the tokenizer is let go, for a cache built on it (the comments' name
 * lexicon): kept, it would hold the old tokenizer while the next build loads another.
 */
export function onTokenizerReleased(forget: () => void) {
  onRelease.add(forget);
}

/** Lets the tokenizer go (`releaseDictionaries`); a caller holding it keeps it, the next one loads again. */
export function releaseTokenizer() {
  tokenizer = null;
  for (const forget of onRelease) forget();
}

/**
 * Bytes kept after a dictionary file's last non-zero byte. kuromoji reads a number past the end
 * of its buffer as 0, as the zeros were, but a four-byte number cut short also as 0: keep more
 * than a record (10 bytes) of them.
 */
const TAIL = 16;

type TargetMapOwner = { target_map: unknown };

const dictionary = require("kuromoji/src/dict/TokenInfoDictionary.js") as {
  prototype: {
    loadTargetMap(this: TargetMapOwner, bytes: Uint8Array): unknown;
  };
};
const ownLoadTargetMap = dictionary.prototype.loadTargetMap;

/** kuromoji's own reading of a word-id table (for tests: what `compactTargetMap` must answer). */
export function kuromojiTargetMap(bytes: Uint8Array): Record<string, number[]> {
  const owner = Object.create(dictionary.prototype) as TargetMapOwner;
  ownLoadTargetMap.call(owner, bytes);
  return owner.target_map as Record<string, number[]>;
}

/**
 * kuromoji 0.1.2 (its last release, of 2017) decompresses its dictionary files all at once and
 * copies each, keeping the zeros they are padded with to a power of two (the unknown-word table is
 * 398 bytes in a file of 10 MB), and turns the word-id table into an object of 326,000 arrays. Resident memory went 80 → 390 MB while loading and heap stayed 80 MB above, which with
 * the rest of a first publish took a server past 850 MB. Two of its methods are replaced, once per
 * process, keeping what they give the tokenizer:
 * - a file is read and decompressed in one go and its zero padding dropped (`TAIL` kept);
 * - the word-id table is two typed arrays (where each id's words start, and the words), read
 *   through an object that answers `table[id]` with that id's words, as kuromoji's lattice reads
 *   it (`target_map[trie_id]`, then `.length` and `[i]`).
 * The tokenizer's output is unchanged: the analyzer's tests and shopper-words.json's freshness test
 * (which analyses the whole training corpus again) compare it.
 */
let patched = false;
function compactLoading() {
  if (patched) return;
  patched = true;
  const loader = require("kuromoji/src/loader/NodeDictionaryLoader.js") as {
    prototype: {
      loadArrayBuffer(
        file: string,
        done: (error: Error | null, buffer?: ArrayBuffer) => void,
      ): void;
    };
  };
  loader.prototype.loadArrayBuffer = (file, done) => {
    let bytes: Buffer;
    try {
      bytes = gunzipSync(readFileSync(file));
    } catch (error) {
      done(error as Error);
      return;
    }
    let end = bytes.length;
    while (end > 0 && bytes[end - 1] === 0) end--;
    // Whole 4-byte words: the buffer is read as Int32Array and Int16Array too.
    end = Math.min(bytes.length, Math.ceil((end + TAIL) / 4) * 4);
    const out = new ArrayBuffer(end);
    new Uint8Array(out).set(bytes.subarray(0, end));
    done(null, out);
  };
  dictionary.prototype.loadTargetMap = function (bytes) {
    this.target_map = compactTargetMap(bytes);
    return this;
  };
}

/**
 * kuromoji's word-id table (`tid_map.dat`, `unk_map.dat`): a count, then per key its id, the
 * number of its values and the values, little-endian 32-bit. Read as kuromoji reads it (a key
 * met twice adds to its values), into `table[key]` → its values.
 */
export function compactTargetMap(
  bytes: Uint8Array,
): Record<number, Int32Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const int = (at: number) =>
    at + 4 <= bytes.length ? view.getInt32(at, true) : 0;
  let keys = 0;
  for (let at = 4; at < bytes.length;) {
    const key = int(at);
    const size = int(at + 4);
    if (size > 0) keys = Math.max(keys, key + 1);
    at += 8 + 4 * Math.max(size, 0);
  }
  const starts = new Int32Array(keys + 1);
  for (let at = 4; at < bytes.length;) {
    const size = int(at + 4);
    if (size > 0) starts[int(at) + 1] += size;
    at += 8 + 4 * Math.max(size, 0);
  }
  for (let k = 0; k < keys; k++) starts[k + 1] += starts[k];
  const values = new Int32Array(starts[keys]);
  const filled = starts.slice(0, keys);
  for (let at = 4; at < bytes.length;) {
    const key = int(at);
    const size = int(at + 4);
    for (let i = 0; i < size; i++) values[filled[key]++] = int(at + 8 + 4 * i);
    at += 8 + 4 * Math.max(size, 0);
  }
  const none = new Int32Array(0);
  return new Proxy({} as Record<number, Int32Array>, {
    get(_, property) {
      if (typeof property !== "string") return undefined;
      const key = Number(property);
      if (!Number.isInteger(key) || key < 0 || key >= keys) return none;
      return values.subarray(starts[key], starts[key + 1]);
    },
  });
}
