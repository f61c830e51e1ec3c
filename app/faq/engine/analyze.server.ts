import { japaneseTokenizer, type JapaneseTokenizer } from "./kuromoji.server";
import { onyomiReadings } from "./onyomi.server";
import { fold, isLightWord, isStopword, runs, stem } from "./text";
import { asWhen, cover, nearPairs } from "./query";

/**
 * Build-time text analysis (server only; the storefront never loads a dictionary):
 * Japanese through kuromoji's morphological analysis with readings, English by words and stems.
 * A text becomes weighted terms; the query side finds the same terms by longest match over the
 * index vocabulary, so every spelling a shopper may type has to be here:
 *   surface and dictionary form ("戻っ" → "戻る"), the kana reading ("送料" → "そうりょう"),
 *   okurigana variants ("申し込み" → "申込み", "申込"), verb/adjective stems ("戻る" → "戻"),
 *   and compounds of adjacent nouns ("送料" + "無料" → "送料無料").
 */
export type Term = { term: string; weight: number };

const loadTokenizer = japaneseTokenizer;

/** What a counter weighs against a word standing alone (analyzeJapanese). */
const COUNTER_WEIGHT = 0.7;
/**
 * What the verb of an English noun weighs (derivedBases): cv en +.0016 on a quarter of the shops
 * against none (0.45, 0.8 and 1 measured lower).
 */
const DERIVED_WEIGHT = 0.6;

/** What an acronym spelt in kana weighs in an entry: as a reading. */
const ACRONYM_READING = 0.9;
/** What a word's reading of two kana weighs (a longer reading weighs 0.9); 0.6 measured lower. */
const SHORT_READING = 0.75;
/**
 * A run of katakana nouns inside a longer one (two of three nouns side by side), as compounds'
 * inner runs weigh against their whole (0.7 / 0.8). The whole run weighs 1 (a --cv run over the
 * Japanese entries only, every fourth shop: .8837 → .8840, R@3 7,148 → 7,153; at 0.8, .8838).
 */
const KATAKANA_INNER_RUN = 0.875;

// Words that carry no topic of their own in a shop's question.
const JA_STOP = new Set([
  "する",
  "ある",
  "いる",
  "なる",
  "できる",
  "れる",
  "られる",
  "こと",
  "もの",
  "ため",
  "よう",
  "これ",
  "それ",
  "あれ",
  "どれ",
  "ここ",
  "そこ",
  "ます",
  "です",
  "くださる",
  "下さる",
  "いただく",
  "頂く",
  "おる",
  "いう",
  "思う",
  "場合",
  "方",
  "際",
  "何",
  "どう",
  "どの",
  "その",
  "この",
  "お",
  "ご",
  "さん",
  "様",
  "的",
  "等",
  "くる",
  "いく",
  "みる",
  "おく",
  "しまう",
]);
// Question words say how something is asked, not what about: they count, but little.
const JA_LIGHT = new Set([
  "いつ",
  "どこ",
  "どれ",
  "どの",
  "どう",
  "なぜ",
  "どうして",
  "どんな",
  "どのくらい",
  "くらい",
  "ぐらい",
  "どれくらい",
  "いつごろ",
  "頃",
  "ころ",
]);
/** A reading guessed from the kanji is less exact than the dictionary's (0.9); 0.5–0.9 measured the same on cv. */
const ONYOMI_EXACTNESS = 0.7;
/** The endings a godan verb takes in its other forms, by its dictionary form's last kana. */
const GODAN: Record<string, string> = {
  く: "かきけい",
  ぐ: "がぎげい",
  す: "さしせ",
  つ: "たちてっ",
  ぬ: "なにねん",
  ぶ: "ばびべん",
  む: "まみめん",
  る: "らりれっ",
  う: "わいえっ",
};
const TIME_QUESTION =
  /いつ|何(日|分|時間|週間|[かけ]月|年)|ど[のれ][くぐ]らい|時間|期間|日数|期限|時期/;
const EN_TIME_QUESTION =
  /\b(when|how (long|soon|quickly|many (days|weeks|hours))|days?|weeks?|deadline|period)\b/;
const DEADLINE = /いつまで|期限|締め?切り?|〆切/;
const DEADLINE_WEIGHT = 0.6;
const HIRAGANA = /^[\u3041-\u309f]+$/;
/** Folded text with Japanese in it: hiragana or kanji (folding leaves no katakana). */
export const JAPANESE = /[\u3041-\u309f\u3400-\u9fff]/;
const HAS_KANJI = /[\u3400-\u9fff々]/;

function kanaReading(reading: string | undefined): string | null {
  if (!reading || reading === "*") return null;
  const r = fold(reading);
  return HIRAGANA.test(r) ? r : null;
}

/** "申し込み" → ["申込み", "申込"]: the same word without some or all of its okurigana. */
function okuriganaVariants(word: string): string[] {
  if (!HAS_KANJI.test(word)) return [];
  const inner = word.replace(
    /(?<=[\u3400-\u9fff々])[\u3041-\u309f]+(?=[\u3400-\u9fff々])/g,
    "",
  );
  const bare = inner.replace(/[\u3041-\u309f]+$/, "");
  return [...new Set([inner, bare])].filter((v) => v && v !== word);
}

type Tokenizer = JapaneseTokenizer;

/**
 * Text as the tokenizer should see it: NFKC, with the middle dot (・) that separates listed words
 * made a space. Beside a word IPADIC lacks, kuromoji reads a katakana list as one unknown word
 * ("ハラール・ヴィーガン", "ブラインド・ロールスクリーン"), which no shopper types; the query side
 * splits at the dot as it does at any symbol.
 */
const tokenizable = (text: string) =>
  text.normalize("NFKC").replace(/・/g, " ");

/** The single dictionary noun a string is, with its kana reading, or null. */
function nounOf(t: Tokenizer, text: string): { reading: string | null } | null {
  const toks = t.tokenize(text);
  return toks.length === 1 &&
    toks[0].word_type === "KNOWN" &&
    toks[0].pos === "名詞" &&
    toks[0].pos_detail_1 !== "接尾"
    ? { reading: kanaReading(toks[0].reading) }
    : null;
}

/** Dictionary nouns of two or more characters found inside a compound, other than its own parts. */
function innerWords(
  t: Tokenizer,
  whole: string,
  parts: string[],
): { word: string; reading: string | null }[] {
  const out: { word: string; reading: string | null }[] = [];
  for (let i = 0; i < whole.length; i++) {
    for (let j = i + 2; j <= Math.min(whole.length, i + 6); j++) {
      const sub = whole.slice(i, j);
      if (sub === whole || parts.includes(sub) || !HAS_KANJI.test(sub))
        continue;
      const noun = nounOf(t, sub);
      if (noun) out.push({ word: sub, reading: noun.reading });
    }
  }
  return out;
}

/**
 * A katakana compound the dictionary has as one word ("クレジットカード") split into two words it
 * also has ("カード"). Katakana it lacks is read as one word however long ("ウィッグスタンド",
 * "オーダーサイズスクリーン", "ディンプルキー"), so a shopper typing a part of it (スタンド,
 * ディンプル) found nothing: it is split at the words the dictionary has inside, and what is left
 * stands as a word of its own (`unknownKatakanaParts`).
 */
function katakanaParts(t: Tokenizer, word: string, known: boolean): string[] {
  if (known) {
    if (!/^[\u30a1-\u30fc]{6,}$/.test(word)) return [];
    for (let k = 3; k <= word.length - 3; k++)
      if (nounOf(t, word.slice(0, k)) && nounOf(t, word.slice(k)))
        return [fold(word.slice(0, k)), fold(word.slice(k))];
    return [];
  }
  if (!/^[\u30a1-\u30fc]{5,}$/.test(word)) return [];
  const parts = unknownKatakanaParts(t, word).map(fold);
  return parts.length > 1 ? parts.filter((p) => p.length > 1) : [];
}

/**
 * Katakana the dictionary lacks, split at a word the dictionary has: first where it ends in one
 * (the head of a compound comes last: ウィッグ + スタンド, オイ + キムチ), then where it starts with
 * one (シリコン + パッキン), then where it ends in one of two characters (ディンプル + キー). What is
 * left is split again. No part starts with a small kana or a long-vowel mark, and every part has
 * two characters at least: a final dictionary word three, unless no other split is found (キー),
 * and what follows a starting one three. Names (ション, キン) are not looked for: they are found
 * inside anything.
 */
function unknownKatakanaParts(t: Tokenizer, word: string): string[] {
  const n = word.length;
  const starts = (k: number) => !/[ァィゥェォッャュョヮー]/.test(word[k]);
  const known = (k: number, tail: boolean) =>
    starts(k) && commonNoun(t, tail ? word.slice(k) : word.slice(0, k));
  if (n >= 5) {
    for (let k = 2; k <= n - 3; k++)
      if (known(k, true))
        return [...headParts(t, word.slice(0, k)), word.slice(k)];
    for (let k = n - 3; k >= 2; k--)
      if (known(k, false))
        return [word.slice(0, k), ...unknownKatakanaParts(t, word.slice(k))];
    if (known(n - 2, true))
      return [...headParts(t, word.slice(0, n - 2)), word.slice(n - 2)];
  }
  return [word];
}

/** A head left by a split: a dictionary word as it is, else split again. */
const headParts = (t: Tokenizer, head: string) =>
  nounOf(t, head) ? [head] : unknownKatakanaParts(t, head);

/** A dictionary noun other than a name or a suffix. */
function commonNoun(t: Tokenizer, text: string): boolean {
  const toks = t.tokenize(text);
  return (
    toks.length === 1 &&
    toks[0].word_type === "KNOWN" &&
    toks[0].pos === "名詞" &&
    toks[0].pos_detail_1 !== "接尾" &&
    toks[0].pos_detail_1 !== "固有名詞"
  );
}

const VOICED: Record<string, string> = Object.fromEntries(
  [..."かきくけこさしすせそたちつてとはひふへほ"].map((c) => [
    c,
    String.fromCharCode(c.charCodeAt(0) + 1),
  ]),
);

/**
 * Readings of a compound: its parts' readings joined, and with the sound change compounds
 * take at a seam (rendaku: 代 + 引き = "だいびき", not "だいひき"), which the dictionary gives
 * only for words it has whole.
 */
function compoundReadings(
  readings: string[],
): { reading: string; voiced: boolean }[] {
  const out = [{ reading: readings.join(""), voiced: false }];
  for (let i = 1; i < readings.length; i++) {
    const voiced = VOICED[readings[i][0]];
    if (voiced)
      out.push({
        reading:
          readings.slice(0, i).join("") +
          voiced +
          readings.slice(i).join("").slice(1),
        voiced: true,
      });
  }
  return out;
}

type Token = ReturnType<JapaneseTokenizer["tokenize"]>[number];

/**
 * Whether a noun (folded) joins compounds: not a symbol (kuromoji calls "?" a noun) nor a
 * kana-only noun such as いくら ("送料いくら" is two words, not a compound). A katakana noun
 * that still holds a ー once folded joins ("パスワード再設定"); one that does not, only a run of
 * katakana nouns (flushKatakana).
 */
const joinsCompounds = (folded: string) =>
  !/[\p{P}\p{S}]/u.test(folded) && !HIRAGANA.test(folded);

/**
 * Kana the dictionary split before a small kana: a shopper who types a word in hiragana
 * ("きゃんせるりょう", "しゅうりいらい") gets き (来る) + "ゃんせるりょう", and the corpus learned
 * "ゃんせる" from 42 such queries. The pieces are joined back into the word typed, an unknown
 * noun, which meets the reading of the entry's キャンセル料 or 修理依頼.
 */
function joinSplitKana(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const tok of tokens) {
    const prev = out.at(-1);
    if (
      prev &&
      /^[ぁぃぅぇぉゃゅょゎァィゥェォャュョヮ]/.test(tok.surface_form) &&
      /^[\u3041-\u30fa\u30fc]+$/.test(prev.surface_form + tok.surface_form)
    ) {
      const surface = prev.surface_form + tok.surface_form;
      out[out.length - 1] = {
        ...tok,
        surface_form: surface,
        basic_form: surface,
        reading: surface,
        pos: "名詞",
        pos_detail_1: "一般",
        word_type: "UNKNOWN",
      };
    } else out.push(tok);
  }
  return out;
}

export async function analyzeJapanese(text: string): Promise<Term[]> {
  const t = await loadTokenizer();
  const out: Term[] = [];
  const add = (term: string, weight: number) =>
    term && out.push({ term, weight });
  let compound: {
    surface: string;
    /** As written (NFKC): a run is folded whole, as the query side folds it. */
    written: string;
    reading: string | null;
    prefix?: boolean;
  }[] = [];
  const flush = () => {
    const n = compound.length;
    const surfaces = compound.map((p) => p.surface);
    // Every run of two to four adjacent nouns, with its readings: "代引き手数料" also gives
    // "代引き" and "引き手数料", and "だいびき" meets them.
    for (let i = 0; i < n; i++) {
      for (let j = i + 2; j <= Math.min(n, i + 4); j++) {
        // Not a run that ends in a prefix: "パスワード再設定" gives no "パスワード再", which would
        // win a query's segmentation ("パスワード再" + "発行" over "パスワード" + "再発行").
        if (compound[j - 1].prefix) continue;
        const weight = i === 0 && j === n ? 0.8 : 0.7;
        const run = compound.slice(i, j);
        // Folded whole: "シートカバー" is "しーとかば" to the query side, not "しーと" + "かばー".
        add(fold(run.map((p) => p.written).join("")), weight);
        const readings = run.map((p) => p.reading);
        if (readings.every((r) => r))
          for (const r of compoundReadings(readings as string[]))
            add(r.reading, weight * (r.voiced ? 0.8 : 0.9));
        // Kanji the dictionary has no reading for, or reads one by one ("撥" + "水" = "ばちすい"):
        // their Sino-Japanese readings too.
        if (
          readings.some((r) => !r) ||
          run.every((p) => p.surface.length === 1)
        )
          for (const r of onyomiReadings(surfaces.slice(i, j).join("")))
            add(r, weight * ONYOMI_EXACTNESS);
      }
    }
    // Words inside a compound: "配送料" holds "送料", which a shopper may type alone (or as "そうりょう").
    // The word is written there, so it is as exact as a word standing alone, and its reading as
    // any reading: at 0.7 / 0.6, "送料" found an entry whose answer mentions 送料 above
    // "配送料について" (cv ja +.0004, R@1 +.0016).
    const whole = surfaces.join("");
    if (whole.length >= 3 && HAS_KANJI.test(whole))
      for (const w of innerWords(t, whole, surfaces)) {
        add(w.word, 1);
        if (w.reading && w.reading !== w.word) add(w.reading, 0.9);
      }
    compound = [];
  };
  // Katakana nouns side by side (ドリップ + バッグ, スマート + ロック) are also one word, as the
  // shopper types it and as the dictionary has others ("ワイヤレスイヤホン", split by
  // katakanaParts): the query side then reads "どりっぷばっぐ" as one word, not as two that each
  // count. Runs whose nouns all join compounds above (each still holds a ー once folded:
  // "シューズカバー") are made there already.
  let katakana: string[] = [];
  const flushKatakana = () => {
    const n = katakana.length;
    for (let i = 0; i < n; i++)
      for (let j = i + 2; j <= Math.min(n, i + 4); j++) {
        const run = katakana.slice(i, j);
        if (run.every((s) => joinsCompounds(fold(s)))) continue;
        add(fold(run.join("")), i === 0 && j === n ? 1 : KATAKANA_INNER_RUN);
      }
    katakana = [];
  };
  for (const tok of joinSplitKana(t.tokenize(tokenizable(text)))) {
    const written = tok.surface_form.normalize("NFKC");
    if (tok.pos === "名詞" && /^[ァ-ヶー]{2,}$/.test(written))
      katakana.push(written);
    else flushKatakana();
    const pos = tok.pos;
    const detail = tok.pos_detail_1;
    const surface = fold(tok.surface_form);
    const base =
      tok.basic_form && tok.basic_form !== "*" ? fold(tok.basic_form) : surface;
    const content =
      (pos === "名詞" && detail !== "非自立" && detail !== "接尾") ||
      (pos === "動詞" && detail === "自立") ||
      pos === "形容詞" ||
      pos === "副詞" ||
      (pos === "名詞" &&
        detail === "接尾" &&
        HAS_KANJI.test(surface) &&
        surface.length > 1);
    // Nouns, and kanji prefixes (代引き, 再入荷), make compounds, those joinsCompounds allows.
    const joins = joinsCompounds(surface);
    if (
      joins &&
      ((pos === "名詞" &&
        detail !== "非自立" &&
        detail !== "代名詞" &&
        detail !== "数") ||
        (pos === "接頭詞" && detail === "名詞接続" && HAS_KANJI.test(surface)))
    )
      compound.push({
        surface,
        written,
        reading: kanaReading(tok.reading),
        prefix: pos === "接頭詞",
      });
    else flush();
    // A counter ("15歳", "3泊", "500枚", "何個", "1万円") is a suffix to kuromoji, not a word, yet
    // it names what is asked about: age, nights, how many. Without it "15歳" found nothing, and
    // "何泊できる" not the entry whose answer says "2泊まで" (cv ja +.004 on a quarter of the shops;
    // 0.5 and 1 within .0003 of 0.7).
    if (
      pos === "名詞" &&
      detail === "接尾" &&
      tok.pos_detail_2 === "助数詞" &&
      surface.length === 1 &&
      HAS_KANJI.test(surface)
    ) {
      add(surface, COUNTER_WEIGHT);
      continue;
    }
    if (isKanaNeed(tok)) {
      add("いら", 1);
      add("要る", 1);
      continue;
    }
    if (
      !content ||
      JA_STOP.has(base) ||
      JA_STOP.has(surface) ||
      /^[\p{P}\p{S}]+$/u.test(surface)
    )
      continue;
    // Nor a question word with か (いつか, どこか), which is not grammar either: as a word, it
    // would have the query side read "いつから" as いつか + ら.
    if (/^(いつ|どこ|どれ|なに|だれ)か$/.test(surface)) continue;
    // A single hiragana or symbol is never a topic; single kanji nouns are (e.g. "色", "箱").
    if (surface.length === 1 && !HAS_KANJI.test(surface)) continue;
    // Nor a word that begins with っ, ん or ー: a suffix ("不良品っぽい") or a piece of one.
    if (/^[っんー]/.test(surface)) continue;
    if (JA_LIGHT.has(surface) || JA_LIGHT.has(base)) {
      add(surface, 0.3);
      continue;
    }
    add(surface, 1);
    if (base !== surface) add(base, 1);
    const reading = kanaReading(tok.reading);
    // A reading of two kana is shared by many words and turns up inside grammar (糖 is とう, as in
    // "おめでとう"): it weighs less than a longer one (a --cv run over the Japanese entries only:
    // MRR@10 +.0002, R@1 +7 of 30,730 queries).
    if (reading && reading !== surface && reading.length > 1)
      add(reading, reading.length === 2 ? SHORT_READING : 0.9);
    for (const v of okuriganaVariants(surface)) add(v, 0.9);
    for (const w of katakanaParts(t, written, tok.word_type === "KNOWN"))
      add(w, 0.7);
    if (base !== surface) for (const v of okuriganaVariants(base)) add(v, 0.9);
    // A kana adjective's stem meets its inflections ("うるさい" → "うるさくない"); three kana at
    // least, as for reading stems below.
    if (
      pos === "形容詞" &&
      HIRAGANA.test(base) &&
      base.length >= 4 &&
      base.endsWith("い") &&
      !GRAMMAR.includes(base)
    )
      add(base.slice(0, -1), 0.6);
    if ((pos === "動詞" || pos === "形容詞") && HAS_KANJI.test(base)) {
      // The stem meets every inflection the shopper may type: 戻って, 戻ります, 戻らない.
      const stemmed = base.replace(/[\u3041-\u309f]+$/, "");
      if (stemmed && stemmed !== base) add(stemmed, 0.6);
      const baseReading =
        base === surface
          ? reading
          : kanaReading(t.tokenize(tok.basic_form)[0]?.reading);
      if (baseReading) {
        add(baseReading, 0.9);
        // Not a stem of two kana: たの (頼む) and いた (痛い) turn up inside grammar ("届いたのに").
        const readingStem = baseReading.slice(0, -1);
        if (readingStem.length >= 3) add(readingStem, 0.5);
        // A godan verb's kana inflections, for shoppers who type the verb in kana: とどく gives
        // とどか (とどかない), とどき (とどきません), とどけ, とどい (とどいた); three kana at least.
        if (tok.conjugated_type?.startsWith("五段") && readingStem.length >= 2)
          for (const ending of GODAN[baseReading.at(-1)!] ?? "")
            add(readingStem + ending, 0.5);
      }
    }
  }
  flush();
  flushKatakana();
  // Question words the tokenizer may split wrongly ("注文後いつ発送" → "後い" + "つ"): by their letters.
  const folded = fold(text);
  // A question about time, however asked (いつ, 何日, どのくらい), meets the others lightly.
  const light = [...JA_LIGHT].filter((w) => w.length > 1 && folded.includes(w));
  if (TIME_QUESTION.test(folded))
    light.push("いつ", "どのくらい", "どれくらい");
  for (const w of new Set(light))
    if (!out.some((o) => o.term === w)) add(w, 0.3);
  // "いつまで" asks for a deadline (賞味期限, 有効期限, 締め切り), not just a time: as one word, an
  // entry about a deadline meets it more than one that answers some other "いつ".
  if (DEADLINE.test(folded)) add("いつまで", DEADLINE_WEIGHT);
  return out;
}

/**
 * 要る ("need") typed in kana as いら (いらない, いらなくなった, いらん): its dictionary form is いる,
 * as is the grammar いる ("is", ている), and its stem is two kana, so "いらなくなった" (no longer
 * needed) had no word at all. A word of its own, not grammar. Its other forms stay as they were:
 * いり is also 入り (気に入り), and いる is the grammar.
 */
function isKanaNeed(tok: Token): boolean {
  return (
    tok.pos === "動詞" &&
    tok.pos_detail_1 === "自立" &&
    tok.surface_form === "いら" &&
    tok.basic_form === "いる" &&
    tok.conjugated_type === "五段・ラ行"
  );
}

// Grammar every question is made of, whether or not the FAQ's text has it: the query side skips
// these words instead of leaving them as unknown text (where "できる" could match "きる"). And 何
// ("what", "how many"): "何センチ" asks about センチ. Where an index lacked it, 何 was a kanji the
// query side met in every entry's 何分 or 何時 (words sharing a kanji) and a word no entry covered.
export const GRAMMAR =
  "ます ますか ました ません です ですか でしょうか ください たい たいです たら だら ったら れば えば けど けれど ても でも って ので のに から まで など について には とは のは では ない なく なかった ほしい いい よい する して します したい した される されます されて できる できます でき できない できません ある あります ありますか あれば いる います いますか なる なります もらえる もらえます もらう いただける いただけます くれる くれます くださる こと もの とき ところ どう 何".split(
    " ",
  );

/**
 * Kana grammar of a text (particles, auxiliaries, verbs that carry no topic) plus the common
 * ones above: words the query side may recognise but never scores.
 */
export async function grammarWords(text: string): Promise<string[]> {
  const out = new Set(GRAMMAR);
  if (JAPANESE.test(fold(text))) {
    const t = await loadTokenizer();
    for (const tok of t.tokenize(tokenizable(text))) {
      const surface = fold(tok.surface_form);
      // Single particles too (は, で): without them "はいつ" segmented as はい + つ, not は + いつ.
      if (!HIRAGANA.test(surface) || (surface.length < 2 && tok.pos !== "助詞"))
        continue;
      if (isKanaNeed(tok)) continue;
      if (
        tok.pos === "助詞" ||
        tok.pos === "助動詞" ||
        tok.pos_detail_1 === "非自立" ||
        JA_STOP.has(surface) ||
        JA_STOP.has(fold(tok.basic_form))
      )
        out.add(surface);
    }
  }
  return [...out];
}

/**
 * The verb a noun in -ation, -ication, -scription, -ction, -ssion or -ption is made from, as the
 * stemmer leaves it: the stemmer reads "installation" as "installat" and "install" as itself,
 * so "install" found the payment entry that offers "installments" (stemmed "install") and not
 * the installation one. Undoing a doubled consonant too ("cancellation": cancel and cancell,
 * which "cancelled" stems to); "application" gives apply, "subscription" subscrib, "correction"
 * correct. Four letters before "ation" at least: "station" and "nation" give nothing.
 */
export function derivedBases(word: string): string[] {
  let m = /^([a-z]{2,})ication$/.exec(word);
  if (m) return [stem(m[1] + "y")];
  m = /^([a-z]{2,})scription$/.exec(word);
  if (m) return [stem(m[1] + "scribe")];
  m = /^([a-z]{4,})ation$/.exec(word);
  if (m) return [stem(m[1] + "e"), m[1].replace(/([^aeiou])\1$/, "$1")];
  m = /^([a-z]{3,}(?:ct|ss|pt))ion$/.exec(word);
  return m ? [stem(m[1])] : [];
}

/**
 * English words, and measurements as shoppers type them. The query side reads "70cm" as one word
 * and "70 cm" as two, so a text's measurement also gives the other spelling: written joined
 * ("70cm", "18g"), its number and unit; written apart ("70 cm", "1,000 mg"), the joined word; a
 * range gives its unit to both ends ("16-20 g", "68〜70cm", "50/60 hz": 16g, 68cm, 50hz). Units
 * are short ("cm", "kg", "hz", "mah"), and a stopword after a number is none ("2 in 1", "5 to
 * 7"). A size written "28.0cm" is read as "28cm": shoppers type no ".0".
 */
export function analyzeEnglish(text: string): Term[] {
  const out: Term[] = [];
  const folded = fold(text).replace(/(\d)\.0+(?!\d)/g, "$1");
  for (const run of runs(folded)) {
    if (!run.latin || isStopword(run.text) || run.text === "when") continue;
    const term = stem(run.text);
    out.push({ term, weight: 1 });
    for (const base of new Set(derivedBases(run.text)))
      if (base !== term) out.push({ term: base, weight: DERIVED_WEIGHT });
    const joined = /^(\d+)([a-z]{1,3})$/.exec(run.text);
    if (joined)
      out.push(
        { term: joined[1], weight: 1 },
        { term: stem(joined[2]), weight: 1 },
      );
  }
  for (const m of folded.matchAll(
    /(?<![\d,])(\d{1,3}(?:,\d{3})+|\d+)( ?)([a-z]{1,3})\b/g,
  ))
    if ((m[2] || m[1].includes(",")) && !isStopword(m[3]))
      out.push({ term: stem(m[1].replace(/,/g, "") + m[3]), weight: 1 });
  for (const m of folded.matchAll(
    /(?<![\d,])(\d+) ?[-~〜–/] ?\d+ ?([a-z]{1,3})\b/g,
  ))
    if (!isStopword(m[2])) out.push({ term: stem(m[1] + m[2]), weight: 1 });
  // A question about time, however asked ("when", "how soon", "how many days"), meets the others
  // lightly, as いつ does in Japanese.
  if (EN_TIME_QUESTION.test(folded)) out.push({ term: "when", weight: 0.6 });
  return out;
}

/**
 * Adjacent English words of a text, as "credit+card": stems, stopwords and light words
 * skipped, not across punctuation or Japanese text. The query side forms the same pairs from
 * what the shopper typed.
 */
export function englishPairs(text: string, weight = 1): Term[] {
  const out: Term[] = [];
  for (const clause of fold(text).split(/[.,;:!?()\n]/)) {
    let prev = "";
    for (const run of runs(clause)) {
      // Nor through "when", a question word here ("scratched when it arrived" is not about
      // when things arrive, which shoppers lend as "when+arriv").
      if (!run.latin || run.text === "when") prev = "";
      else if (!isStopword(run.text) && !isLightWord(run.text)) {
        const s = stem(run.text);
        if (prev) out.push({ term: `${prev}+${s}`, weight });
        prev = s;
      }
    }
  }
  return out;
}

/**
 * Japanese words near one another in a text, as "いくら+送料": the words the query side would
 * find in it (`cover`, with the text's own words as the vocabulary), grammar skipped, each with
 * the two words before it in the same clause, in either order (shoppers write "送料いくら" and
 * "いくら 送料"). Other shops' shoppers lend theirs as they lend words, so an entry about postage
 * has "いくら+送料" where a subscription entry that mentions 送料 and the shop's soap has not.
 * The query side forms the same pairs from what the shopper typed.
 */
export async function japanesePairs(
  text: string,
  weight = 1,
  analysed?: Term[],
): Promise<Term[]> {
  const folded = fold(text);
  if (!JAPANESE.test(folded)) return [];
  const words = new Set(
    (analysed ?? (await analyzeJapanese(text))).map((t) => t.term),
  );
  const grammar = new Set(await grammarWords(text));
  const known = (s: string) =>
    s === "いつ" ||
    grammar.has(s) ||
    (words.has(s) && (s.length > 1 || HAS_KANJI.test(s)));
  const out: Term[] = [];
  for (const clause of folded.split(/[.,;:!?()\n、。「」『』]/)) {
    const said: string[] = [];
    for (const run of runs(clause))
      if (!run.latin)
        for (const w of cover(asWhen(run.text), known)[0].reverse())
          if (!grammar.has(w)) {
            for (const term of nearPairs(said, w)) out.push({ term, weight });
            said.push(w);
          }
  }
  return out;
}

/**
 * Adjacent English words and Japanese words near one another (englishPairs, japanesePairs);
 * `analysed`: the text's terms when the caller has them (`analyze`), not to analyse it twice.
 */
export async function wordPairs(
  text: string,
  weight = 1,
  analysed?: Term[],
): Promise<Term[]> {
  return [
    ...englishPairs(text, weight),
    ...(await japanesePairs(text, weight, analysed)),
  ];
}

/** Japanese text may carry English words (brand names, "COD"): both analyses, merged. */
export async function analyze(text: string): Promise<Term[]> {
  const folded = fold(text);
  const hasJapanese = JAPANESE.test(folded);
  return [
    ...(hasJapanese ? await analyzeJapanese(text) : []),
    ...analyzeEnglish(text),
    // A temperature written as a reading ("70-80°C", "80度のお湯") is what a shopper asking the
    // temperature wants; the lexicon's temperature group brings 温度 and the other words.
    ...(TEMPERATURE.test(folded) ? [{ term: "temperatur", weight: 1 }] : []),
    ...(hasJapanese ? acronymReadings(text) : []),
  ];
}

/** Each capital letter as a Japanese shopper says it, and the other way some say it. */
const LETTERS: Record<string, [string, string?]> = {
  A: ["えー", "えい"],
  B: ["びー"],
  C: ["しー"],
  D: ["でぃー", "でー"],
  E: ["いー"],
  F: ["えふ"],
  G: ["じー"],
  H: ["えいち", "えっち"],
  I: ["あい"],
  J: ["じぇー", "じぇい"],
  K: ["けー", "けい"],
  L: ["える"],
  M: ["えむ"],
  N: ["えぬ"],
  O: ["おー"],
  P: ["ぴー"],
  Q: ["きゅー"],
  R: ["あーる"],
  S: ["えす"],
  T: ["てぃー"],
  U: ["ゆー"],
  V: ["ぶい"],
  W: ["だぶりゅー", "だぶる"],
  X: ["えっくす"],
  Y: ["わい"],
  Z: ["ぜっと", "ぜっど"],
};

/**
 * A Japanese text's acronyms (EMS, AED, IH, DC) as a shopper types them in kana, letter by letter
 * ("いーえむえす"): as read, a reading of the acronym; and with the letters some say otherwise
 * (えい for A, でー for D).
 */
function acronymReadings(text: string): Term[] {
  const out: Term[] = [];
  for (const [acronym] of text
    .normalize("NFKC")
    .matchAll(/(?<![A-Za-z])[A-Z]{2,4}(?![A-Za-z])/g)) {
    const letters = [...acronym].map((c) => LETTERS[c]);
    for (const spelt of new Set([
      letters.map(([usual]) => usual).join(""),
      letters.map(([usual, other]) => other ?? usual).join(""),
    ]))
      out.push({ term: fold(spelt), weight: ACRONYM_READING });
  }
  return out;
}

const TEMPERATURE = /\d\s*°\s*[cf]\b|\d\d\s*度(?!目)/i;

const dictionaryPhrases = new Map<string, Promise<Term[]>>();

/** Forgets the phrases analysed (`releaseDictionaries`). */
export function releasePhrases() {
  dictionaryPhrases.clear();
}

/**
 * `analyze` for the phrases of the build's dictionaries (thesaurus members, defined headwords):
 * a fixed set met again at every publish, so each is analysed once while the dictionaries are held.
 */
export function analyzePhrase(phrase: string): Promise<Term[]> {
  let hit = dictionaryPhrases.get(phrase);
  if (!hit) dictionaryPhrases.set(phrase, (hit = analyze(phrase)));
  return hit;
}
