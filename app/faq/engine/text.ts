/**
 * Text folding shared by the index builder (server) and the query side (storefront script), so
 * both sides see the same characters: NFKC (full/half width), lower case, katakana → hiragana,
 * and a trailing long-vowel mark dropped ("サーバー" = "サーバ" = "さーば"), but not from a
 * katakana word of two kana or one, which would fold into grammar or a single kana (カラー is
 * no から, レバー no れば, キー no き). A katakana word ends where its script does, so its mark
 * goes before a particle too ("サーバーは" = "さーばは"), as the index, which folds each word
 * alone, has it.
 * Kept tiny: it ships in the storefront script.
 */
export function fold(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(
        /([\u30a1-\u30fc]{2}[\u30a1-\u30f6])ー+(?![\u30a1-\u30f6])|([\u3041-\u309f])ー+(?![\u3041-\u309f])/g,
        "$1$2",
      )
      // The small ヶ/ヵ of a counter read か: "3ヶ月" is "3か月" (the form most FAQs write).
      .replace(/[ゕゖヵヶ]/g, "か")
      .replace(/[\u30a1-\u30f6]/g, (c) =>
        String.fromCharCode(c.charCodeAt(0) - 96),
      )
  );
}

/** Runs of one script: Latin words/numbers, or Japanese (kana and kanji) text. */
export function runs(folded: string): { latin: boolean; text: string }[] {
  const out: { latin: boolean; text: string }[] = [];
  for (const m of folded.matchAll(
    /([a-z0-9]+(?:['’][a-z]+)?)|([\u3041-\u309f\u3400-\u9fff\u30fc々〆]+)/g,
  ))
    out.push({ latin: !!m[1], text: m[0] });
  return out;
}

const STOP = new Set(
  "a an and are as at be by can could do does for from have how i if in is it me my of on or our please so that the this to was we what where which who why will with would you your yours".split(
    " ",
  ),
);

export function isStopword(word: string): boolean {
  return STOP.has(word);
}

// Words a question is made with rather than about ("how do I get…", "should I put…"): kept, so
// they still count for coverage, but light, so they cannot carry an entry that merely uses them
// (chosen with `npm run faq:train -- --cv`: en +.002).
const LIGHT = new Set(
  "also any but each get getting go got just made make put really should some take takes taking them then there took very".split(
    " ",
  ),
);

export function isLightWord(word: string): boolean {
  return LIGHT.has(word);
}

/**
 * A light English stemmer (plural, -ing, -ed, -ly, -ment...): "returns", "returned" and
 * "returning" meet at "return". Both sides apply it, so its stems need not be words; but two
 * words must not meet that are not one. After one vowel between consonants a final e makes
 * another word ("care" is not "car", nor "code" cash on delivery, "cod"), so such a word keeps
 * it and "caring", "coding" get it back, as in Porter's stemmer (where a doubled consonant
 * was undone, "shipping", there was none). "need" and "speed" are not a verb in -ed, nor
 * "apply", "early" or "butterfly" an adverb in -ly, nor "cable", "table" or "station" a word
 * in -able or -ation: a suffix comes off only where three letters stay before it. Nor does
 * "-less": it says the opposite ("wireless" is no "wire", "stainless" no "stain", "useless" no
 * "use").
 */
export function stem(word: string): string {
  if (word.length < 4 || /\d/.test(word)) return word;
  let w = word
    .replace(/['’]s$/, "")
    .replace(/(ss)es$|ies$|([^s])s$/, (m, ss, c) => ss || c || "y")
    .replace(/^(.{3,}[^fip])ly$/, "$1")
    .replace(/^(.{3,})(ational|ation)$/, "$1ate")
    .replace(/^(.{3,})(ment|ness|able|ible|ful)$/, "$1");
  if (/[aeiou].*(ing|(?<!e)ed)$/.test(w))
    w = w
      .replace(/(ing|ed)$/, "")
      .replace(/([^aeiouslz])\1$|$/, (m, c) => c || "e");
  return w.replace(/(?<!^[^aeiou]*[aeiou][^aeiouwxy])e$/, "") || word;
}
