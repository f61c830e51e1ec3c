import { createRequire } from "node:module";
import { fold } from "./text";

/**
 * Sino-Japanese readings of a kanji compound the dictionary does not read, so a shopper who types
 * it in kana finds it: a shop's own jargon (混泳 "こんえい", 死着 "しちゃく") is often not in IPADIC,
 * which then has no reading or reads it kanji by kanji as if each stood alone (撥水 → "ばちすい",
 * not "はっすい"). Each kanji's on'yomi comes from KANJIDIC (npm `kanji.js`, read at the first
 * publish), with the sound change at a seam that compounds take: 発 + 送 = "はっそう", 新 + 品 =
 * "しんぴん".
 */
type Kanji = { literal: string; onyomi?: string[] };

/** Each kanji's on'yomi, by character (the library's own lookup scans all 13,000 kanji per call). */
let onyomi: Map<string, string[]> | null = null;

/** Lets the readings go (`releaseDictionaries`). */
export function releaseOnyomi() {
  onyomi = null;
}
const onyomiTable = () =>
  (onyomi ??= new Map(
    (createRequire(import.meta.url)("kanji.js") as { dump(): Kanji[] })
      .dump()
      .map((k) => [k.literal, k.onyomi ?? []]),
  ));

const COMPOUND = /^[\u3400-\u9fff]{2,4}$/;
const HIRAGANA = /^[\u3041-\u309f]+$/;
/** At most two readings per kanji (its most common first) and eight per compound. */
const PER_KANJI = 2;
const PER_COMPOUND = 8;

const shift = (from: string, to: string) =>
  Object.fromEntries([...from].map((c, i) => [c, to[i]]));
/** は行 after a geminate or ん: 発 + 表 = はっぴょう, 新 + 品 = しんぴん. */
const HALF_VOICED = shift("はひふへほ", "ぱぴぷぺぽ");
/** Which first sounds make a final つ, ち, く or き a geminate (っ). */
const GEMINATES: Record<string, RegExp> = {
  つ: /^[かきくけこさしすせそたちつてとはひふへほ]/,
  ち: /^[かきくけこさしすせそたちつてと]/,
  く: /^[かきくけこ]/,
  き: /^[かきくけこ]/,
};

function onyomiOf(character: string): string[] {
  return (onyomiTable().get(character) ?? [])
    .map((r) => fold(r.replace(/[^\u30a1-\u30fc]/g, "")))
    .filter((r) => HIRAGANA.test(r))
    .slice(0, PER_KANJI);
}

/** The ways two readings join: as they are, and with the seam's sound change if it takes one. */
function joins(left: string, right: string): string[] {
  const out = [left + right];
  const last = left.at(-1)!;
  const first = right[0];
  if (GEMINATES[last]?.test(first))
    out.push(
      `${left.slice(0, -1)}っ${last === "つ" ? (HALF_VOICED[first] ?? first) : first}${right.slice(1)}`,
    );
  else if (last === "ん" && HALF_VOICED[first])
    out.push(left + HALF_VOICED[first] + right.slice(1));
  return out;
}

/** On'yomi readings of a compound of two to four kanji (none if a kanji has no on'yomi). */
export function onyomiReadings(word: string): string[] {
  if (!COMPOUND.test(word)) return [];
  let out = [""];
  for (const character of word) {
    const readings = onyomiOf(character);
    if (!readings.length) return [];
    out = out
      .flatMap((left) => readings.flatMap((r) => (left ? joins(left, r) : [r])))
      .slice(0, PER_COMPOUND);
  }
  return [...new Set(out)].filter((r) => r.length >= 3);
}
