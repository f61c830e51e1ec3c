/**
 * How a Latin brand name sounds in kana, so "ロゴス", "ろごす" and "コールマン" in a comment find
 * LOGOS and Coleman in the catalog. Two general rules, no brand list:
 *  - romaji: a name that reads as romaji is also written that way in kana (LOGOS → ろごす);
 *  - consonant skeleton: English spellings become katakana by their consonants, the vowels are
 *    whatever Japanese ears hear (Staub → ストウブ, Captain Stag → キャプテンスタッグ); both sides are
 *    reduced to classes of consonants (l = r, v = b, z = s, h/w/y silent) and compared.
 */

const VOWEL: Record<string, string> = {
  a: "あ",
  i: "い",
  u: "う",
  e: "え",
  o: "お",
};
const ROWS: Record<string, string> = {
  k: "かきくけこ",
  g: "がぎぐげご",
  s: "さしすせそ",
  z: "ざじずぜぞ",
  t: "たちつてと",
  d: "だぢづでど",
  n: "なにぬねの",
  h: "はひふへほ",
  b: "ばびぶべぼ",
  p: "ぱぴぷぺぽ",
  m: "まみむめも",
  r: "らりるれろ",
  l: "らりるれろ",
};
const SPECIAL: [string, string][] = [
  ["shi", "し"],
  ["chi", "ち"],
  ["tsu", "つ"],
  ["sha", "しゃ"],
  ["shu", "しゅ"],
  ["sho", "しょ"],
  ["cha", "ちゃ"],
  ["chu", "ちゅ"],
  ["cho", "ちょ"],
];

function syllable(c: string, v: string): string | null {
  const i = "aiueo".indexOf(v);
  // Rows whose syllables are not one kana each (ふぁ, じゃ, うぃ).
  if (c === "f" || c === "j" || c === "v")
    return [
      ["ふぁ", "ふぃ", "ふ", "ふぇ", "ふぉ"],
      ["じゃ", "じ", "じゅ", "じぇ", "じょ"],
      ["ゔぁ", "ゔぃ", "ゔ", "ゔぇ", "ゔぉ"],
    ][["f", "j", "v"].indexOf(c)][i];
  if (c === "y") return ["や", "い", "ゆ", "いぇ", "よ"][i];
  if (c === "w") return ["わ", "うぃ", "う", "うぇ", "を"][i];
  return ROWS[c]?.[i] ?? null;
}

/** "logos" → "ろごす", "iwaki" → "いわき"; null when the word does not read as romaji. */
export function romajiToKana(word: string): string | null {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return null;
  let out = "";
  for (let i = 0; i < w.length;) {
    const special = SPECIAL.find(([r]) => w.startsWith(r, i));
    if (special) {
      out += special[1];
      i += special[0].length;
    } else if (VOWEL[w[i]]) {
      out += VOWEL[w[i++]];
    } else if (w[i] === "n" && !VOWEL[w[i + 1]] && w[i + 1] !== "y") {
      out += "ん";
      i++;
    } else if (w[i] === w[i + 1] && w[i] !== "n") {
      out += "っ";
      i++;
    } else if (w[i + 1] === "y" && "auo".includes(w[i + 2]) && ROWS[w[i]]) {
      // Contracted syllables: "kyo" → きょ.
      out += ROWS[w[i]][1] + { a: "ゃ", u: "ゅ", o: "ょ" }[w[i + 2]];
      i += 3;
    } else if (VOWEL[w[i + 1]]) {
      const s = syllable(w[i], w[i + 1]);
      if (!s) return null;
      out += s;
      i += 2;
    } else if (i === w.length - 1 && "sktgbdmrlpf".includes(w[i])) {
      // A final consonant is read with "u" (LOGOS → ろごす), as Japanese does with loanwords.
      out += syllable(w[i], w[i] === "t" || w[i] === "d" ? "o" : "u");
      i++;
    } else return null;
  }
  return out;
}

/**
 * Consonant classes of an English spelling: "Coleman" → "krmn", "Staub" → "stb". A "g" before
 * e/i/y is soft or hard by word (Giant ジャイアント, Gear ギア): `soft` picks the reading.
 */
export function latinSkeleton(name: string, soft = false): string {
  const w = name
    .toLowerCase()
    .replace(/[^a-z]/g, "")
    // An "r" before a consonant or at the end is a long vowel in katakana (Thermos サーモス).
    .replace(/r(?![aeiouy])/g, "")
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/t?ch/g, "t")
    .replace(/sh|th/g, "s")
    .replace(/x/g, "ks")
    .replace(/qu?/g, "k")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/c/g, "k")
    .replace(/g(?=[eiy])/g, soft ? "j" : "g")
    .replace(/z/g, "s")
    .replace(/v/g, "b")
    .replace(/l/g, "r")
    .replace(/[aeiouyhw]/g, "");
  return w.replace(/(.)\1+/g, "$1");
}

const KANA_CLASS: [string, string][] = [
  ["かきくけこ", "k"],
  ["がぎぐげご", "g"],
  ["さしすせそざずぜぞ", "s"],
  ["じぢ", "j"],
  ["たちつてと", "t"],
  ["だづでど", "d"],
  ["なにぬねのん", "n"],
  ["ふ", "f"],
  ["ばびぶべぼゔ", "b"],
  ["ぱぴぷぺぽ", "p"],
  ["まみむめも", "m"],
  ["らりるれろ", "r"],
];

/** Consonant classes of a kana word (hiragana or katakana): "コールマン" → "krmn". */
export function kanaSkeleton(kana: string): string {
  let out = "";
  for (const ch of kana) {
    const h = /[\u30a1-\u30f6]/.test(ch)
      ? String.fromCharCode(ch.charCodeAt(0) - 96)
      : ch;
    const cls = KANA_CLASS.find(([set]) => set.includes(h));
    if (cls) out += cls[1];
  }
  return out.replace(/(.)\1+/g, "$1");
}

/** The katakana words of a text, each with the skeletons of its prefixes that end on a full mora. */
export function katakanaRuns(
  text: string,
): { word: string; prefixes: string[] }[] {
  const out: { word: string; prefixes: string[] }[] = [];
  for (const m of text
    .normalize("NFKC")
    .matchAll(/[\u30a1-\u30fa\u30fc]{2,}/g)) {
    const word = m[0];
    const prefixes: string[] = [];
    for (let i = 2; i <= word.length; i++) {
      // A prefix may not stop before a small kana, a long mark or ン that belongs to its mora.
      if (i < word.length && /[ァィゥェォャュョッーン]/.test(word[i])) continue;
      prefixes.push(kanaSkeleton(word.slice(0, i)));
    }
    out.push({ word, prefixes });
  }
  return out;
}

/** Skeletons equal, or one letter apart when both are long enough to tell apart ("mntbr" ~ "mnbr"). */
export function soundsAlike(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1)
    return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  for (let i = 0; i < l.length; i++) {
    if (
      s.length === l.length
        ? l.slice(0, i) + l.slice(i + 1) === s.slice(0, i) + s.slice(i + 1)
        : l.slice(0, i) + l.slice(i + 1) === s
    )
      return true;
  }
  return false;
}
