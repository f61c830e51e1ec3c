import { beforeAll, describe, expect, it } from "vitest";
import {
  analyze,
  analyzeEnglish,
  derivedBases,
  englishPairs,
  japanesePairs,
} from "./analyze.server";
import { buildIndex, type FaqDoc } from "./build.server";
import { termReliability } from "./shopper-words.server";
import { widgets, withCorpus } from "./with-corpus.test-support";
import {
  createSearch,
  learnKey,
  shown,
  type FaqIndex,
  type Hit,
} from "./query";
import { fold } from "./text";

/** A small bilingual shop FAQ (a stationery shop), not the evaluation set. */
const ja: FaqDoc[] = [
  {
    id: "delivery",
    question: "注文した商品はいつ届きますか?",
    answer: "ご注文から3営業日以内に発送いたします。",
  },
  {
    id: "fee",
    question: "配送料はいくらですか?",
    answer: "全国一律600円、5,000円以上で無料です。",
  },
  {
    id: "refund",
    question: "返金の時期について",
    answer: "返品の到着を確認してから7日以内に払い戻します。",
  },
  {
    id: "apply",
    question: "名入れの申し込み方法",
    answer: "商品ページの名入れオプションからお申し込みください。",
  },
  {
    id: "ink",
    question: "インクの色は選べますか?",
    answer: "黒・青・赤の3色からお選びいただけます。",
  },
  {
    id: "pen-case",
    question: "ペンケースの素材は何ですか?",
    answer: "本革を使用しています。",
  },
];
const en: FaqDoc[] = [
  {
    id: "returns",
    question: "What is your return policy?",
    answer: "Unused items can be returned within 30 days.",
    tags: ["exchange"],
  },
  {
    id: "shipping",
    question: "How long does delivery take?",
    answer: "Orders ship within two business days.",
  },
  {
    id: "engraving",
    question: "Do you offer engraving?",
    answer: "Yes, add an engraving at checkout.",
  },
];

// Loading kuromoji's and Sudachi's dictionaries takes seconds (more on a busy machine): once, here.
// The first build loads kuromoji, the training corpus and (for English) WordNet: seconds.
beforeAll(
  () => Promise.all([buildIndex(ja), buildIndex(en)]).then(() => undefined),
  60_000,
);

const searchOf = async (docs: FaqDoc[], opts = {}) =>
  createSearch(await buildIndex(docs, opts));
const top = (r: { hits: { id: string }[] }) => r.hits[0]?.id;
/** The terms the analyzer reads in a text, without their weights. */
const analysedTerms = async (text: string) =>
  (await analyze(text)).map((t) => t.term);

/** An entry on another topic, beside the one a test's query should find. */
const feeEntry: FaqDoc = {
  id: "fee",
  question: "送料はいくらですか?",
  answer: "全国一律550円です。",
};

// Without other shops' shoppers' words, which may hold these words already: what the analyzer
// alone gives a shop whose topic the corpus lacks.
const withoutBorrowing = (docs: FaqDoc[]) =>
  withCorpus([], () => searchOf(docs));

describe("Japanese search", () => {
  it("finds kanji entries from kana, katakana and half-width queries", async () => {
    const s = await searchOf(ja);
    expect(top(s("はいそうりょう"))).toBe("fee");
    expect(top(s("ﾍﾟﾝｹｰｽ"))).toBe("pen-case");
    expect(top(s("いんく いろ"))).toBe("ink");
  });

  it("meets inflections and okurigana variants", async () => {
    const s = await searchOf(ja);
    expect(top(s("いつ届く?"))).toBe("delivery");
    expect(top(s("名入れを申込みたい"))).toBe("apply");
    expect(top(s("名入れの申込"))).toBe("apply");
  });

  it("finds an entry by a word inside its compound, and by meaning through the thesaurus", async () => {
    const s = await searchOf(ja);
    expect(top(s("送料"))).toBe("fee");
    expect(top(s("払い戻しはいつ"))).toBe("refund");
    expect(top(s("お金はいつ戻る?"))).toBe("refund");
  });

  it("meets 運賃 (carriage) and 配送代 at the shipping-fee entry through the built-in lexicon alone", async () => {
    const s = await withoutBorrowing(ja);
    expect(top(s("運賃"))).toBe("fee");
    expect(top(s("運賃どのくらい"))).toBe("fee");
    // 配送代 (delivery + charge) too: at an entry that says only 送料, before one about 配送.
    const plain = await withoutBorrowing([
      feeEntry,
      {
        id: "days",
        question: "配送にかかる日数",
        answer: "配送には3日ほどかかります。",
      },
      {
        id: "cod",
        question: "代引きは使えますか?",
        answer: "代金引換をご利用いただけます。",
      },
    ]);
    expect(top(plain("配送代"))).toBe("fee");
  });

  it("meets a shopper asking how (やり方, 仕方) at an entry that writes しかた in kana, through the built-in lexicon alone", async () => {
    const s = await withoutBorrowing([
      {
        id: "how",
        question: "お手入れのしかた",
        answer: "柔らかい布で乾拭きしてください。",
      },
      {
        id: "fail",
        question: "電源が入らない",
        answer: "コンセントを確かめてください。",
      },
      {
        id: "pay",
        question: "お支払い方法",
        answer: "クレジットカードと銀行振込がご利用いただけます。",
      },
    ]);
    // Without the lexicon, やり方 met only the 方法 of the payment entry.
    expect(top(s("やり方"))).toBe("how");
    expect(top(s("掃除の仕方"))).toBe("how");
  });

  it("meets a shopper in a hurry at the same-day shipping entry through the built-in lexicon alone", async () => {
    const s = await withoutBorrowing([
      {
        id: "same-day",
        question: "当日発送はできますか?",
        answer: "15時までのご注文は即日発送いたします。",
      },
      {
        id: "date",
        question: "お届け日の指定",
        answer: "ご注文時にカレンダーからお選びください。",
      },
      {
        id: "returns",
        question: "返品について",
        answer: "到着後7日以内にご連絡ください。",
      },
    ]);
    expect(top(s("急ぎで欲しい"))).toBe("same-day");
    expect(top(s("至急"))).toBe("same-day");
    const en = await withoutBorrowing([
      {
        id: "same-day",
        question: "Do you offer same-day shipping?",
        answer: "Orders placed before 3pm ship the same day.",
      },
      {
        id: "returns",
        question: "What is your return policy?",
        answer: "Unused items can be returned within 30 days.",
      },
    ]);
    expect(top(en("I need it asap"))).toBe("same-day");
    expect(top(en("urgent order"))).toBe("same-day");
  });

  it("meets a shopper who ordered twice at the cancellation entry through the built-in lexicon alone", async () => {
    const s = await withoutBorrowing([
      {
        id: "cancel",
        question: "キャンセルはできますか?",
        answer: "発送前でしたらマイページから取り消せます。",
      },
      {
        id: "delivery",
        question: "注文した商品はいつ届きますか?",
        answer: "ご注文から3営業日以内に発送します。",
      },
      feeEntry,
    ]);
    expect(top(s("二重に注文してしまった"))).toBe("cancel");
    expect(top(s("重複注文"))).toBe("cancel");
  });

  it("ranks the entry whose question says something does not work first for a shopper who says so", async () => {
    const s = await searchOf([
      {
        id: "how",
        question: "充電のしかた",
        answer:
          "付属のケーブルをつないで充電してください。満充電まで3時間です。",
      },
      {
        id: "fail",
        question: "充電できない",
        answer: "ケーブルの向きとコンセントを確かめてください。",
      },
      feeEntry,
    ]);
    expect(top(s("充電されない"))).toBe("fail");
    expect(top(s("充電しても満タンにならない"))).toBe("fail");
    // Asked without a negation, the how-to entry still comes first.
    expect(top(s("充電のやり方"))).toBe("how");
  });

  it("counts a word inside a compound question as written there, above another entry's answer", async () => {
    const s = await searchOf([
      { id: "fee", question: "配送料について", answer: "全国一律550円です。" },
      {
        id: "mail",
        question: "ポスト投函(メール便)で送れますか?",
        answer: "3袋までならメール便(送料220円、日時指定不可)を選べます。",
      },
      {
        id: "gift",
        question: "ギフト包装はできますか?",
        answer: "有料で承ります。",
      },
      {
        id: "ret",
        question: "返品できますか?",
        answer: "到着後7日以内なら返品できます。",
      },
    ]);
    expect(top(s("送料"))).toBe("fee");
    expect(top(s("そうりょう"))).toBe("fee");
  });

  it("gives no hit for a single character or particles alone", async () => {
    const s = await searchOf(ja);
    expect(s("の").hits).toEqual([]);
    expect(s("は?").hits).toEqual([]);
    // A kanji found only inside the entry's compound (3営業日), not a word of its own. (Not 配:
    // the training corpus's shoppers made it a word, 配る.)
    expect(s("営").hits).toEqual([]);
  });

  it("tells grammar from unknown words: kana grammar neither matches nor counts", async () => {
    const s = await searchOf([
      ...ja,
      {
        id: "power",
        question: "更新中に電源を切ってもいいですか?",
        answer: "電源は切らないでください。",
      },
      {
        id: "lesson",
        question: "講習会はありますか?",
        answer: "毎月開催しています。",
      },
      { id: "warranty", question: "保証期間は?", answer: "1年間です。" },
    ]);
    // "できる" holds "きる" (the reading of 切る); known as grammar, it no longer reaches "power"
    // (which may still meet 場所 weakly, through a borrowed 駐車場).
    const power = s("練習できる場所", 10, true).hits.find(
      (h) => h.id === "power",
    );
    expect(power?.why.flatMap(([, terms]) => terms) ?? []).not.toContain(
      "きる",
    );
    expect(top(s("練習できる場所"))).toBe("lesson");
    // "ありますか" is not a topic shared with every entry that asks it.
    expect(top(s("保障はありますか"))).toBe("warranty");
    expect(s("ありますか").hits).toEqual([]);
  });

  it("scores no grammar even where an entry's own question has it (いい, ない, ほしい)", async () => {
    const s = await searchOf([
      ...ja,
      {
        id: "size",
        question: "サイズが合わないときはどうすればいいですか?",
        answer: "交換を承ります。",
      },
      {
        id: "receipt",
        question: "領収書がほしい",
        answer: "購入履歴から発行できます。",
      },
    ]);
    // Shoppers write these about every topic: "返品してもいい?" is about returns, not sizes.
    for (const q of ["いい", "ない", "ほしい"]) expect(s(q).hits).toEqual([]);
  });

  it("reaches a word through a kanji of an inflected form the index lacks", async () => {
    const s = await searchOf([
      ...ja,
      { id: "flight", question: "飛行時間は?", answer: "約30分です。" },
    ]);
    expect(top(s("どれくらい飛べる?"))).toBe("flight");
  });

  it("takes the words sharing most of their kanji, not the first ones in vocabulary order", () => {
    // An index written out, so that no word borrowed from the training corpus reorders its
    // vocabulary: thirteen long words holding 保 come before 保証 in vocabulary order.
    const long = [
      "保冷剤梱包",
      "保安基準品",
      "保存料無添",
      "保護膜貼付",
      "保育園名入",
      "保管温度表",
      "保険適用外",
      "保温性能表",
      "保守点検表",
      "保健所届出",
      "保湿液使用",
      "保線作業着",
      "保養所案内",
    ];
    const s = createSearch({
      v: 1,
      ids: [...long.map((_, i) => `long-${i}`), "warranty"],
      t: {
        ...Object.fromEntries(long.map((w, i) => [w, [i, 300]])),
        保証: [long.length, 300],
      },
    });
    // "保有" is unknown: of the words holding 保, the short ones (保証) share the most of their
    // letters with it, and the long ones come first in vocabulary order.
    expect(top(s("保有"))).toBe("warranty");
  });

  it("reaches, more weakly, compounds sharing a kanji with a word the index knows", async () => {
    // Without borrowing: other shops' shoppers asked for cool delivery with 冷やして too.
    const s = await withoutBorrowing([
      ...ja,
      {
        id: "chill",
        question: "おいしい冷やし方",
        answer: "飲む2時間前に冷蔵庫へ。",
      },
      {
        id: "cool",
        question: "冷蔵便で届きますか?",
        answer: "夏季は冷蔵便でお送りします。",
      },
    ]);
    // 冷やす is a word of "chill"; "cool" has 冷 only inside 冷蔵便, and also answers 届けて.
    const ids = s("冷やして届けて").hits.map((h) => h.id);
    expect(ids.slice(0, 2)).toEqual(["chill", "cool"]);
  });

  it("reads compounds as shoppers type them: rendaku, words inside, katakana parts", async () => {
    const s = await searchOf([
      ...ja,
      { id: "cod", question: "代引きの手数料は?", answer: "330円です。" },
      {
        id: "pay",
        question: "支払い方法は?",
        answer: "クレジットカードと銀行振込です。",
      },
      {
        id: "card",
        question: "メッセージを付けられますか?",
        answer: "無料でお付けします。",
      },
    ]);
    // 代 + 引き is read "だいびき" in the compound, not "だいひき" as its parts.
    expect(top(s("だいびき"))).toBe("cod");
    // 配送料 holds 送料, also in kana.
    expect(top(s("そうりょう"))).toBe("fee");
    // クレジットカード holds カード.
    expect(top(s("カードで払える?"))).toBe("pay");
  });

  it("finds the words inside katakana the dictionary does not have", async () => {
    const s = await searchOf([
      ...ja,
      {
        id: "dimple",
        question: "ディンプルキーも複製できますか?",
        answer: "メーカー登録のものはお受けできません。",
      },
      {
        id: "stand",
        question: "ウィッグスタンドは付いていますか?",
        answer: "別売りです。",
      },
      {
        id: "gasket",
        question: "ゴムパッキンの交換",
        answer: "半年ごとの交換をおすすめします。",
      },
    ]);
    // kuromoji reads each as one unknown word: ディンプル + キー, ウィッグ + スタンド, ゴム + パッキン.
    expect(top(s("ディンプル作れる?"))).toBe("dimple");
    expect(top(s("ウィッグの置き場所"))).toBe("stand");
    expect(top(s("パッキンが伸びた"))).toBe("gasket");
  });

  it("reads a shop's own kanji compounds in kana when the dictionary cannot (on'yomi, with the seam's sound change)", async () => {
    const s = await searchOf([
      ...ja,
      {
        id: "glow",
        question: "蓄光タイプの文字盤はありますか?",
        answer: "夜光塗料のモデルをご用意しています。",
      },
      {
        id: "salt",
        question: "耐塩性はどのくらいですか?",
        answer: "海辺でも3年は持ちます。",
      },
      {
        id: "rust",
        question: "防錆加工の持ちは?",
        answer: "屋外で5年が目安です。",
      },
    ]);
    // Words no shop of the training corpus has: kuromoji has no reading for 蓄 or 耐, and reads
    // 防 + 錆 "ぼうさび".
    expect(top(s("ちくこう"))).toBe("glow");
    expect(top(s("たいえんせい"))).toBe("salt");
    expect(top(s("ぼうせい"))).toBe("rust");
  });

  it("lets a long word also stand for the two words it is made of", async () => {
    const s = await searchOf([
      ...ja,
      {
        id: "free",
        question: "名入れは無料ですか?",
        answer: "1本目は無料で承ります。",
      },
      {
        id: "gift",
        question: "ギフト包装はできますか?",
        answer: "名入れ無料キャンペーン中も承ります。",
      },
    ]);
    // "gift" has the compound itself; "free" has its two words apart, and ranks above the
    // entries with one of them ("fee": 無料, "apply": 名入れ). (Not 送料無料: the training
    // corpus's shoppers lend that compound to every entry about free shipping.)
    const ids = s("ないれむりょう").hits.map((h) => h.id);
    expect(ids.slice(0, 2)).toEqual(["gift", "free"]);
    expect(ids.indexOf("fee")).toBeGreaterThan(1);
    expect(ids.indexOf("apply")).toBeGreaterThan(1);
  });

  it("meets a question about time however it is asked", async () => {
    const s = await searchOf([
      {
        id: "ship",
        question: "注文から何日で届きますか?",
        answer: "3日以内にお届けします。",
      },
      {
        id: "refund",
        question: "返金はいつ頃ですか?",
        answer: "返品の到着後に返金します。",
      },
      {
        id: "ship-when",
        question: "注文後いつ発送されますか?",
        answer: "翌営業日です。",
      },
    ]);
    expect(top(s("いつ届く?"))).toBe("ship");
    // kuromoji reads "後いつ" as 後い + つ; the question word is still found.
    expect(top(s("いつ発送?"))).toBe("ship-when");
  });

  it("meets a question asked in units (何キロ, 何リットル, how heavy) at the entry naming the measure", async () => {
    const s = await searchOf([
      {
        id: "weight",
        question: "スーツケース本体の重さはどのくらいですか?",
        answer: "Mサイズで3.2です。",
      },
      {
        id: "volume",
        question: "容量を教えてください",
        answer: "Mサイズは60、Lサイズは90です。",
      },
      {
        id: "lock",
        question: "鍵の番号を忘れました",
        answer: "お問い合わせください。",
      },
      {
        id: "people",
        question: "何泊向けのサイズですか?",
        answer: "Mは3〜5泊、Lは1週間以上の人数2名程度の旅行向けです。",
      },
    ]);
    expect(top(s("何キロある?"))).toBe("weight");
    expect(top(s("何リットル入る"))).toBe("volume");
    const en = await searchOf([
      {
        id: "weight",
        question: "What does the case weigh?",
        answer: "The medium case is 3.2 kg.",
      },
      {
        id: "lock",
        question: "I forgot my lock code",
        answer: "Contact us.",
      },
    ]);
    expect(top(en("how heavy is it"))).toBe("weight");
  });

  it("meets a counter the shopper types (4歳, 何個, 何泊) at the entry whose text counts in it", async () => {
    const s = await withoutBorrowing([
      {
        id: "age",
        question: "対象年齢について",
        answer: "3歳以上のお子さまに遊んでいただけます。",
      },
      {
        id: "contents",
        question: "セットの中身を教えてください",
        answer: "ブロック120個と組み立て説明書です。",
      },
      {
        id: "camp",
        question: "キャンプで使えますか?",
        answer: "2泊程度のキャンプに向いています。",
      },
      {
        id: "shipping",
        question: "送料はかかりますか?",
        answer: "5,000円以上のご注文で無料です。",
      },
    ]);
    expect(top(s("4歳"))).toBe("age");
    expect(top(s("全部で何個?"))).toBe("contents");
    expect(top(s("何泊もつ?"))).toBe("camp");
    expect(top(s("1万円以上で無料?"))).toBe("shipping");
  });

  it("meets a question about temperature at the entry that gives a reading (80℃, 70-80°C)", async () => {
    const s = await searchOf([
      {
        id: "brew",
        question: "煎茶のおいしい淹れ方",
        answer: "茶葉4gに80℃のお湯を150ml注ぎ、1分待ちます。",
      },
      {
        id: "store",
        question: "茶葉の保存方法",
        answer: "開封後は冷暗所で保存し、1か月以内にお召し上がりください。",
      },
    ]);
    expect(top(s("お湯の温度"))).toBe("brew");
    const en = await searchOf([
      {
        id: "brew",
        question: "How do I make sencha?",
        answer: "Use 4 g of leaves with 150 ml of water at 70-80°C.",
      },
      {
        id: "store",
        question: "How should I keep the leaves?",
        answer:
          "Keep them sealed, away from light and heat, and use them within a month.",
      },
    ]);
    expect(top(en("what temperature"))).toBe("brew");
    // A second time (2度目) or a small number is no temperature.
    const analyzed = await analyze("2度目の注文です");
    expect(analyzed.map((t) => t.term)).not.toContain("temperatur");
  });

  it("reads a particle before a question word as a particle (返金はいつ: は + いつ, not はい + つ)", async () => {
    const s = await searchOf([
      {
        id: "refund",
        question: "返金の時期はいつですか?",
        answer: "返品の到着から7日以内です。",
      },
      {
        id: "ash",
        // 灰 is read はい: a word the query's "はいつ" also holds.
        question: "お香の灰はどう捨てればいいですか?",
        answer: "灰は冷めてから燃えるごみに出してください。",
      },
    ]);
    const r = s("返金はいつ?", 10, true);
    expect(top(r)).toBe("refund");
    const matched = (h: Hit) => h.why.flatMap(([, terms]) => terms);
    expect(matched(r.hits[0])).toContain("いつ");
    expect(r.hits.flatMap(matched)).not.toContain("はい");
  });

  it("reads 何日 / 何週間 (or なんにち) as asking when, not as a topic of 日 (dates to choose)", async () => {
    const s = await searchOf([
      {
        id: "date",
        question: "お届け日の指定はできますか?",
        answer:
          "ご注文時にお届け日時を指定できます。日付は3日後から、曜日指定も承ります。",
      },
      {
        id: "ship-when",
        question: "注文後、いつ発送されますか?",
        answer: "翌営業日に発送します。",
      },
      {
        id: "gift",
        question: "ギフト包装はできますか?",
        answer: "有料で承ります。",
      },
    ]);
    expect(top(s("注文してから何日で発送?"))).toBe("ship-when");
    expect(top(s("何週間で発送されますか"))).toBe("ship-when");
    // In kana, as shoppers on a phone often leave it.
    expect(top(s("なんにちではっそう"))).toBe("ship-when");
    expect(top(s("なんしゅうかんで発送される?"))).toBe("ship-when");
  });

  it("reads 何日 as its own word, not as the start of one that follows (何日もつ is not いつも)", async () => {
    const s = await withoutBorrowing([
      {
        id: "keep",
        question: "開封後はどのくらいもちますか?",
        answer: "冷蔵で5日ほどもちます。",
      },
      {
        id: "address",
        question: "いつもの届け先を変えたい",
        answer: "マイページの住所録から変更できます。",
      },
    ]);
    expect(top(s("何日もつ"))).toBe("keep");
    expect(top(s("開けてから何日もつ?"))).toBe("keep");
    // What the preview says each hit matched names the words as typed, without the spacing.
    const why = s("発注何日もつ", 10, true).hits.flatMap((h) => h.why);
    expect(why.map(([head]) => head)).not.toContainEqual(
      expect.stringMatching(/\s/),
    );
  });

  it("reads 何時間 as asking how many hours (battery, burning time), not when", async () => {
    const s = await withoutBorrowing([
      {
        id: "battery",
        question: "バッテリーはどれくらい使えますか?",
        answer: "満充電で約10時間使えます。",
      },
      {
        id: "ship-when",
        question: "いつ届きますか?",
        answer: "ご注文から3日以内にお届けします。",
      },
    ]);
    expect(top(s("何時間もつ"))).toBe("battery");
    expect(top(s("何日で届く"))).toBe("ship-when");
  });

  it("reads 何 as grammar: 何時間 asks about 時間, not another entry's 何時; 何センチ about センチ", async () => {
    const s = await withoutBorrowing([
      {
        id: "size",
        question: "完成サイズを教えてください",
        answer: "1000ピースは縦50センチ、横75センチです。",
      },
      {
        id: "burn",
        question: "炭はどのくらい燃え続けますか?",
        answer: "約3時間燃え続けます。",
      },
      {
        id: "same-day",
        question: "何時までの注文で当日発送されますか?",
        answer: "14時までのご注文は当日に発送します。",
      },
    ]);
    expect(top(s("何センチ"))).toBe("size");
    expect(top(s("何時間もつ"))).toBe("burn");
  });

  it("keeps a short katakana word's long vowel: カラー is no から, nor キー a き", async () => {
    const s = await withoutBorrowing([
      {
        id: "color",
        question: "カラーは何色ありますか?",
        answer: "黒と白の2色です。",
      },
      {
        id: "key",
        question: "キーが反応しない",
        answer: "本体を再起動してください。",
      },
      {
        id: "ship-when",
        question: "いつから発送されますか?",
        answer: "注文から3日以内に発送します。",
      },
    ]);
    expect(top(s("カラー"))).toBe("color");
    expect(top(s("キーが効かない"))).toBe("key");
    expect(top(s("いつから発送?"))).toBe("ship-when");
  });

  it("segments a query by its kanji words: a kanji counts as two kana", () => {
    // As kuromoji may index a word: "塩抜" without its okurigana; another entry has 塩 and 抜き.
    const s = createSearch({
      v: 1,
      ids: ["desalt", "other"],
      t: {
        塩抜: [0, 300],
        塩: [1, 100],
        抜き: [1, 300],
        の: [],
        方法: [0, 100, 1, 100],
      },
    });
    expect(top(s("塩抜きの方法"))).toBe("desalt");
  });

  it("counts a word met only through a shared kanji as part of the query word, not all of it", () => {
    // "shade" has 日陰 itself; "days" has 大丈夫 and only 日数, which shares 日 with 日陰.
    // Counted as meeting both query words, "days" came first.
    const s = createSearch({
      v: 1,
      ids: ["days", "shade"],
      t: { 日数: [0, 100], 大丈夫: [0, 100], 日陰: [1, 150] },
    });
    expect(s("日陰 大丈夫").hits.map((h) => h.id)).toEqual(["shade", "days"]);
  });

  it("counts a word most entries have (the shop's product) as covering the query only in part", () => {
    // Eleven of twelve entries name the product, "proof" in its question. Counted as covering
    // half the query, it came before the one entry about lead times.
    const ids = [
      "proof",
      "lead-time",
      ...Array.from({ length: 10 }, (_, i) => `other-${i}`),
    ];
    const s = createSearch({
      v: 1,
      ids,
      t: {
        名入れ: ids.flatMap((_, d) =>
          d === 1 ? [] : [d, d === 0 ? 300 : 100],
        ),
        納期: [1, 160],
      },
    });
    expect(top(s("名入れ 納期"))).toBe("lead-time");
  });

  it("does not call a search weak in a small FAQ because its few entries share a word", () => {
    // Two entries, both with 送料: counted as the shop's product word, the one entry answering
    // 送料 and いくら covered too little of the query and the storefront said it matched loosely.
    const s = createSearch({
      v: 1,
      ids: ["postage", "returns"],
      t: { 送料: [0, 300, 1, 200], いくら: [0, 250], は: [] },
    });
    const found = s("送料はいくら?");
    expect(found.hits[0].id).toBe("postage");
    expect(found.weak).toBe(false);
  });

  it("counts the Japanese word typed first a little more than the last", () => {
    // Each entry meets one word as strongly: the first one typed decides (a tie kept index order).
    const s = createSearch({
      v: 1,
      ids: ["usable", "dryer"],
      t: { 使える: [0, 100], 乾燥機: [1, 100] },
    });
    expect(top(s("乾燥機 使える"))).toBe("dryer");
    expect(top(s("使える 乾燥機"))).toBe("usable");
  });

  it("reads いつから as いつ + から, not as いつか (someday) + ら", async () => {
    const s = await withoutBorrowing([
      {
        id: "start",
        question: "いつから使えますか?",
        answer: "届いた日からお使いいただけます。",
      },
      {
        id: "gift",
        question: "プレゼントにできますか?",
        answer: "いつか贈りたい方にもギフト包装を承ります。",
      },
    ]);
    expect(top(s("いつから?"))).toBe("start");
    await expect(analyze("いつか贈りたい")).resolves.not.toContainEqual(
      expect.objectContaining({ term: "いつか" }),
    );
  });

  it("reads いつまで as asking for a deadline, not any time", async () => {
    const s = await withoutBorrowing([
      {
        id: "ship-when",
        question: "注文後、いつ発送されますか?",
        answer: "2営業日以内に発送します。",
      },
      {
        id: "expiry",
        question: "賞味期限はどのくらいですか?",
        answer: "製造から12か月です。",
      },
      {
        id: "gift",
        question: "ギフト包装はできますか?",
        answer: "有料で承ります。",
      },
    ]);
    expect(top(s("いつまで大丈夫?"))).toBe("expiry");
    expect(top(s("いつ来る?"))).toBe("ship-when");
  });

  it("knows 何ヶ月 in every spelling as a question about time (ヶ, ケ, カ, ヵ fold to different kana)", async () => {
    for (const spelling of ["何ヶ月", "何ケ月", "何カ月", "何ヵ月"]) {
      const terms = (await analyze(`開封後${spelling}もちますか?`)).map(
        (t) => t.term,
      );
      expect(terms, spelling).toContain("いつ");
    }
  });

  it("makes compounds of nouns only: not of symbols or kana-only nouns", async () => {
    // kuromoji calls "?" a noun and いくら is one: "送料いくら?" is 送料 + いくら, not a compound.
    const terms = (await analyze("送料いくら?配送料いくらですか")).map(
      (t) => t.term,
    );
    expect(terms).toEqual(expect.arrayContaining(["送料", "いくら", "配送料"]));
    expect(terms.filter((t) => /[?]|.いくら|いくら./.test(t))).toEqual([]);
  });

  it("meets an acronym spelt out in kana (いーえむえす for EMS, えーいーでぃー for AED)", async () => {
    const s = await withoutBorrowing([
      {
        id: "abroad",
        question: "海外へ送れますか?",
        answer: "EMSで世界120か国へお送りします。",
      },
      {
        id: "aed",
        question: "AEDの講習はありますか?",
        answer: "毎月第2土曜日に開いています。",
      },
      feeEntry,
    ]);
    expect(top(s("いーえむえす"))).toBe("abroad");
    expect(top(s("イーエムエス"))).toBe("abroad");
    expect(top(s("えーいーでぃー"))).toBe("aed");
    expect(top(s("えいいーでー"))).toBe("aed");
  });

  it("reads katakana words listed with ・ as the words, not as one unknown word", async () => {
    expect(await analysedTerms("ハラール・ヴィーガンの認証")).toEqual(
      expect.arrayContaining(["はらーる", "ゔぃーがん"]),
    );
    const s = await withoutBorrowing([
      {
        id: "pork",
        question: "豚肉を使っていない商品はありますか?",
        answer:
          "鶏肉と野菜の餃子がございます。ただしハラール・ヴィーガンの認証は取得しておりません。",
      },
      feeEntry,
    ]);
    expect(top(s("ハラール"))).toBe("pork");
    expect(top(s("ヴィーガン対応"))).toBe("pork");
  });

  it("reads いらない typed in kana as 要る (need), not as the grammar いる its dictionary form spells", async () => {
    expect(await analysedTerms("いらなくなった")).toEqual(
      expect.arrayContaining(["いら", "要る"]),
    );
    // はいらない (入らない, does not fit) is another verb, and stays one.
    expect(await analysedTerms("はいらない")).not.toContain("いら");
    const s = await withoutBorrowing([
      {
        id: "pickup",
        question: "いらない家具の引き取りはできますか?",
        answer: "配送時に1点まで無料で引き取ります。",
      },
      feeEntry,
    ]);
    expect(top(s("いらなくなった"))).toBe("pickup");
  });

  it("keeps a word typed in hiragana whole where the dictionary splits it before a small kana", async () => {
    // kuromoji reads "きゃんせるりょう" as き (来る) + "ゃんせるりょう", and "しゅうり" as し + "ゅうり".
    expect(await analysedTerms("きゃんせるりょう いくら?")).toContain(
      "きゃんせるりょう",
    );
    expect(await analysedTerms("しゅうりいらい")).toContain("しゅうりいらい");
    for (const text of [
      "きゃんせるりょう",
      "ちゅうもん取り消し",
      "不良品っぽい",
    ])
      expect(
        (await analysedTerms(text)).filter((t) =>
          /^[ぁぃぅぇぉっゃゅょゎんー]/.test(t),
        ),
        text,
      ).toEqual([]);
  });

  it("reads katakana nouns side by side as the one word a shopper types", async () => {
    // kuromoji has ドリップ + バッグ as two words, where it has ワイヤレスイヤホン as one.
    expect(await analysedTerms("ドリップバッグの淹れ方")).toContain(
      "どりっぷばっぐ",
    );
    expect(await analysedTerms("サーバーラックの設置")).toContain(
      "さーばーらっく",
    );
    // Folded whole, as the query side folds what the shopper types: "シートカバー" is
    // "しーとかば" there, not "しーと" + "かばー"; and made once, where nouns that each hold a ー
    // already join as a compound.
    for (const text of ["シートカバー", "アルコールフリー", "オーダーメイド"])
      expect(
        (await analysedTerms(text)).filter((t) => t === fold(text)),
        text,
      ).toHaveLength(1);
    // The query side then reads the product as one word, not as two that each count.
    const s = await withoutBorrowing([
      {
        id: "best-before",
        question: "ドリップバッグの賞味期限",
        answer: "製造から1年です。",
      },
      {
        id: "gift-bag",
        question: "ギフト用の紙バッグ",
        answer: "ドリップコーヒーのギフトにお付けします。",
      },
    ]);
    const hit = s("ドリップバッグ", 10, true).hits.find(
      (h) => h.id === "best-before",
    );
    expect(hit?.why.map(([word]) => word)).toEqual(["どりっぷばっぐ"]);
  });

  it("weighs a reading of two kana less than a longer one (糖 is とう, as in おめでとう)", async () => {
    const weight = async (text: string, term: string) =>
      (await analyze(text)).find((t) => t.term === term)?.weight;
    const short = await weight("糖を使っていますか", "とう");
    const long = await weight("砂糖を使っていますか", "さとう");
    expect(short).toBeGreaterThan(0);
    expect(short).toBeLessThan(long!);
  });

  it("gives verbs their kana reading and its stem, but no stem of two kana that grammar is made of", async () => {
    // 頼む → たのむ, not たの: "届いたのに" holds たの, "してたの" too.
    expect(await analysedTerms("頼む")).toContain("たのむ");
    expect(await analysedTerms("頼む")).not.toContain("たの");
    expect(await analysedTerms("痛い")).not.toContain("いた");
    expect(await analysedTerms("払い戻す")).toEqual(
      expect.arrayContaining(["はらいもどす", "はらいもど"]),
    );
  });

  it("meets a godan verb typed in kana in its other forms (とどかない, とどいてない)", async () => {
    // 届きます gives its entry 届く's other stems in kana, which the kana queries meet.
    const terms = (await analyze("注文した商品はいつ届きますか?")).map(
      (t) => t.term,
    );
    expect(terms).toEqual(expect.arrayContaining(["とどか", "とどい"]));
    const s = await searchOf(ja);
    const met = (query: string) =>
      s(query, 10, true)
        .hits.find((h) => h.id === "delivery")
        ?.why.flatMap(([, matched]) => matched);
    expect(met("とどかない")).toContain("とどか");
    expect(met("まだとどいてない")).toContain("とどい");
    // Not asserted first: in this six-entry FAQ the training corpus's shoppers lend とどかない
    // and まだ to every entry (an application or a fee is "まだ届かない" too), so here the words
    // weigh next to nothing and the first place is a tie.
  });

  it("gives kana adjectives a stem for their inflections, and compounds no run that ends in a prefix", async () => {
    expect(await analysedTerms("うるさい")).toContain("うるさ");
    expect(await analysedTerms("ほしい")).not.toContain("ほし");
    // パスワード + 再 + 設定: "パスワード再" would win a query's segmentation over "パスワード".
    expect(await analysedTerms("パスワード再設定")).toEqual(
      expect.arrayContaining(["ぱすわーど再設定", "再設定"]),
    );
    expect(
      (await analysedTerms("パスワード再設定")).filter((t) => t.endsWith("再")),
    ).toEqual([]);
  });

  it("says a search is weak or empty when nothing answers it", async () => {
    const s = await searchOf(ja);
    expect(s("ラッピングしてほしい")).toMatchObject({ weak: true });
    expect(s("いつ届きますか").weak).toBe(false);
  });
});

describe("explanations", () => {
  it("names the query words an entry has side by side, only when asked", async () => {
    const s = await withoutBorrowing([
      feeEntry,
      {
        id: "subscription",
        question: "定期便はいくらお得ですか?",
        answer: "毎回10%引きで、送料も無料です。",
      },
    ]);
    const hits = s("送料いくら", 2, true).hits;
    expect(hits.map((h) => h.id)).toEqual(["fee", "subscription"]);
    expect(hits[0].together).toContain("いくら+送料");
    expect(hits[1].together).not.toContain("いくら+送料");
    expect(s("送料いくら").hits[0].together).toBeUndefined();
  });
});

describe("English search", () => {
  it("explains a hit per query word, in query order, only when asked", async () => {
    const s = await searchOf(en);
    const hit = s("delivry time", 1, true).hits[0];
    expect(hit.id).toBe("shipping");
    expect(hit.why.map(([word]) => word)).toEqual(["delivry", "time"]);
    expect(hit.why[0][1]).toContain("delivery");
    expect(s("delivry time").hits[0]).toMatchObject({ why: [] });
  });

  it("takes names of JavaScript's object members as plain words", async () => {
    const s = await searchOf(en);
    // The index's tables once had a prototype: t["constructor"] was Object, and searching threw.
    for (const q of [
      "constructor shipping",
      "toString",
      "__proto__ returns",
      "hasOwnProperty",
    ])
      expect(() => s(q, 10, true)).not.toThrow();
    expect(top(s("constructor shipping"))).toBe("shipping");
    // …and as words of an entry: a shop selling constructor sets could not publish.
    const toys = await searchOf([
      ...en,
      {
        id: "kit",
        question: "Is the constructor set complete?",
        answer: "Every valueOf piece is counted.",
      },
    ]);
    expect(top(toys("constructor"))).toBe("kit");
  });

  it("stems, tolerates typos and splits closed compounds", async () => {
    const s = await searchOf(en);
    expect(top(s("retrun policy"))).toBe("returns");
    expect(top(s("returning an item"))).toBe("returns");
    expect(top(s("engravings"))).toBe("engraving");
    expect(top(s("delivry time"))).toBe("shipping");
    expect(top(s("exchanges"))).toBe("returns");
  });

  it("meets a noun in -ation or -ion at the verb it is made from (install, cancel, subscribe)", async () => {
    expect(derivedBases("installation")).toEqual(["install", "instal"]);
    expect(derivedBases("cancellation")).toEqual(["cancell", "cancel"]);
    expect(derivedBases("notification")).toEqual(["notify"]);
    expect(derivedBases("subscription")).toEqual(["subscrib"]);
    expect(derivedBases("inspection")).toEqual(["inspect"]);
    for (const word of ["station", "nation", "option", "install"])
      expect(derivedBases(word)).toEqual([]);
    const s = await withoutBorrowing([
      {
        id: "install",
        question: "Installation",
        answer: "Our team fits the unit on the day it arrives.",
      },
      {
        id: "payment",
        question: "Payment options",
        answer: "Cards, bank transfer, or monthly installments.",
      },
      {
        id: "cancel",
        question: "Cancellation policy",
        answer: "Tell us within a day of ordering.",
      },
      {
        id: "subscription",
        question: "Managing your subscription",
        answer: "Skip or pause from your account page.",
      },
    ]);
    expect(top(s("can you install it"))).toBe("install");
    expect(top(s("I want to cancel"))).toBe("cancel");
    expect(top(s("how do I unsubscribe"))).toBe("subscription");
  });

  it("meets a measurement typed joined or apart (70cm, 70 cm, 1,000 mg, 16-20 g)", async () => {
    const s = await withoutBorrowing([
      {
        id: "sizes",
        question: "What sizes do you have?",
        answer: "Medium (about 70 cm) and large (90cm).",
      },
      {
        id: "strength",
        question: "How strong is the oil?",
        answer: "Each bottle holds 1,000 mg; barrels weigh 16-20 g.",
      },
      {
        id: "care",
        question: "How do I wash it?",
        answer: "By hand, in cold water, 2 or 3 times a year.",
      },
    ]);
    // Written apart, typed joined: the query side reads "70cm" as one word.
    expect(top(s("which is 70cm"))).toBe("sizes");
    expect(top(s("1000mg"))).toBe("strength");
    // Written joined, typed apart: "90" and "cm", two words.
    expect(top(s("90 cm"))).toBe("sizes");
    // A range gives its unit to both ends.
    expect(top(s("16g"))).toBe("strength");
    // A stopword after a number makes no joined word, nor does a longer word.
    const terms = analyzeEnglish("2 in 1, 5 to 7, 2 or 3 times").map(
      (t) => t.term,
    );
    for (const term of ["2in", "5to", "2or", "3time"])
      expect(terms).not.toContain(term);
    expect(terms).toContain("time");
  });

  it("reads a typo as the word it misspells before reading it as a compound of one known part", async () => {
    const s = await searchOf([
      ...en,
      {
        id: "bulk",
        question: "Do you sell wholesale?",
        answer: "Yes, to cafés and shops.",
      },
      {
        id: "leaf",
        question: "Is your tea whole leaf?",
        answer: "All our teas are whole leaf.",
      },
    ]);
    // "wholesail" holds the known word "whole", but it is "wholesale" one letter off.
    expect(top(s("wholesail"))).toBe("bulk");
  });

  it("takes English synonyms from the thesaurus for words whose stem is not the word", async () => {
    // Sudachi has shop = store; the entry's term is the stem "stor".
    const s = await searchOf([
      ...en,
      {
        id: "stores",
        question: "Where are your stores?",
        answer: "In Kyoto and Osaka.",
      },
    ]);
    expect(top(s("shops"))).toBe("stores");
  });

  it("meets a question about time however it is asked", async () => {
    const s = await searchOf([
      {
        id: "ship",
        question: "How soon will my order ship?",
        answer: "Within two business days.",
      },
      {
        id: "gift",
        question: "Can I send my order as a gift?",
        answer: "Yes, add gift wrapping at checkout.",
      },
      {
        id: "days",
        question: "How many days does delivery take?",
        answer: "Two to four.",
      },
    ]);
    expect(top(s("when will my order ship"))).toBe("ship");
    // (Not "… come": in a three-entry FAQ a word the shoppers lent one entry decides.)
    expect(top(s("when is delivery"))).toBe("days");
  });

  it("lets an entry's own question outweigh a word its English answer only mentions", async () => {
    // The order-change answer says "until it ships", and shoppers' words give it "ship" too.
    const s = await searchOf([
      {
        id: "change",
        question: "Can I change my order?",
        answer: "Yes, until it ships. Contact us with your order number.",
      },
      {
        id: "ship",
        question: "How soon will my order ship?",
        answer: "Within two business days.",
      },
      {
        id: "gift",
        question: "Do you offer gift wrapping?",
        answer: "Yes, for 300 yen.",
      },
      // Two entries about other things: with three, the words shoppers lend each entry tied
      // the first two.
      {
        id: "pay",
        question: "Which payment methods do you accept?",
        answer: "Credit cards and PayPal.",
      },
      {
        id: "size",
        question: "How do I find my size?",
        answer: "See the size chart on each product page.",
      },
    ]);
    expect(top(s("when will my order ship"))).toBe("ship");
    expect(top(s("when does it ship"))).toBe("ship");
  });

  it("reads a weakly known long word as a typo of a stronger word an edit away", async () => {
    // Other shops' shoppers misspelt "warrenty", so borrowed words make it known, but weakly;
    // the entry's own word is "warranty".
    const s = await searchOf([
      {
        id: "warranty",
        question: "What warranty do you offer?",
        answer: "Two years on every bike.",
      },
      {
        id: "size",
        question: "How do I choose the right frame size?",
        answer: "Measure your inseam and see the size chart.",
      },
      {
        id: "assembly",
        question: "Do bikes arrive assembled?",
        answer: "Yes, 90% assembled: attach the handlebar and pedals.",
      },
    ]);
    expect(top(s("warrenty on the frame"))).toBe("warranty");
  });

  it("counts 'take' as lightly as the other words a question is made with", async () => {
    const s = await searchOf([
      {
        id: "ship",
        question: "When will my order ship?",
        answer: "Within three business days.",
      },
      {
        id: "battery",
        question: "How do I charge the battery?",
        answer:
          "A full charge takes about four hours; take it off the bike first.",
      },
    ]);
    expect(top(s("how long does shiping take"))).toBe("ship");
  });

  it("reads two slips in a word of seven letters or more (baterries, vinager)", async () => {
    const s = await withoutBorrowing([
      {
        id: "battery",
        question: "Which battery does the remote take?",
        answer: "Two AA cells.",
      },
      {
        id: "dressing",
        question: "Can I use the oil for salad dressing?",
        answer: "Yes: mix three parts oil to one part vinegar.",
      },
      {
        id: "ship",
        question: "When will my order ship?",
        answer: "Within three days.",
      },
    ]);
    expect(top(s("baterries"))).toBe("battery");
    expect(top(s("vinager"))).toBe("dressing");
  });

  it("does not treat a short real word as a typo of another", async () => {
    const s = await searchOf([
      ...en,
      { id: "shop", question: "Where is your shop?", answer: "In Kyoto." },
    ]);
    expect(top(s("ship"))).not.toBe("shop");
  });

  it("lets the words a question is made with count only lightly (get, should, them)", async () => {
    const s = await searchOf([
      {
        id: "size",
        question: "Which size should I get?",
        answer: "Check the size chart on each product page.",
      },
      {
        id: "care",
        question: "How do I clean my shoes?",
        answer: "Wipe them with a damp cloth.",
      },
      {
        id: "returns",
        question: "How do I return an item?",
        answer: "Send it back within 30 days.",
      },
    ]);
    expect(top(s("should i get them cleaned"))).toBe("care");
    expect(top(s("should i wash them"))).toBe("care");
    expect(top(s("what size should i get"))).toBe("size");
  });
  it("finds the word a shopper is still typing", async () => {
    const s = await withoutBorrowing([
      {
        id: "returns",
        question: "What is your return policy?",
        answer: "Unused items within 30 days.",
      },
      {
        id: "minimum",
        question: "Is there a minimum order?",
        answer: "Wholesale orders start at 10 units.",
      },
      {
        id: "shipping",
        question: "How much is shipping?",
        answer: "Free over 5,000 yen.",
      },
    ]);
    expect(top(s("retu"))).toBe("returns");
    expect(top(s("is there a minim"))).toBe("minimum");
    // Two letters begin too many words to guess from, and a short word is a word of its own,
    // not the start of a much longer one ("fast" is not "fastener").
    expect(s("re").hits).toEqual([]);
    const zip = createSearch({
      v: 1,
      ids: ["zip", "free"],
      t: { fastener: [0, 300], "1000": [1, 300] },
    });
    expect(top(zip("fasten"))).toBe("zip");
    expect(zip("fast").hits).toEqual([]);
    // Nor is a number the start of a larger one.
    expect(zip("100").hits).toEqual([]);
  });

  it("pairs adjacent English words past stopwords and light words, not across punctuation", () => {
    expect(
      englishPairs(
        "Can I pay by credit cards? Yes, we take debit cards too.",
      ).map((p) => p.term),
    ).toEqual(["pay+credit", "credit+card", "debit+card", "card+too"]);
    expect(englishPairs("送料は credit card で")).toEqual([
      { term: "credit+card", weight: 1 },
    ]);
    expect(englishPairs("カード credit 支払い card")).toEqual([]);
  });
  it("pairs Japanese words near one another, grammar skipped, in either order, not across punctuation", async () => {
    const terms = async (text: string) =>
      (await japanesePairs(text)).map((p) => p.term);
    // 送料 + は (grammar) + いくら: one pair, spelt the same whichever comes first.
    expect(await terms("送料はいくらですか?")).toEqual(["いくら+送料"]);
    expect(await terms("いくら? 送料")).toEqual([]);
    expect(await terms("いくら 送料")).toEqual(["いくら+送料"]);
    // Each word with the two before it, within a sentence.
    expect(await terms("返品と交換の送料。箱")).toEqual([
      "交換+返品",
      "返品+送料",
      "交換+送料",
    ]);
    // 何日 is いつ, as the query side reads it.
    expect(await terms("届くまで何日")).toEqual(["いつ+届く"]);
    expect(await terms("Free shipping")).toEqual([]);
  });
  it("meets two Japanese words as the shopper typed them together", async () => {
    const s = await withoutBorrowing([
      {
        id: "apart",
        question: "返品について。交換について",
        answer: "到着から7日以内にご連絡ください。",
      },
      {
        id: "together",
        question: "返品と交換について",
        answer: "到着から7日以内にご連絡ください。",
      },
      feeEntry,
    ]);
    // The same words in the same fields: one word alone ties them (the first listed first) ...
    expect(s("返品").hits.map((h) => h.score)).toEqual([
      s("返品").hits[0].score,
      s("返品").hits[0].score,
    ]);
    // ... two typed together find the entry that has them together, however typed.
    expect(top(s("返品交換"))).toBe("together");
    expect(top(s("交換 返品したい"))).toBe("together");
    // Pairs are not words: an unknown compound (換品) meets the words sharing its kanji, not
    // the pair "交換+返品" as a third.
    const [first, second] = s("換品").hits;
    expect(second?.score).toBe(first.score);
  });
  it("meets two words as the shopper typed them together (credit card, not a memory card)", async () => {
    const docs: FaqDoc[] = [
      {
        id: "payment",
        question: "Payment methods",
        answer: "We take Visa, Mastercard, PayPal and bank transfer.",
      },
      {
        id: "memory",
        question: "Which memory card does the dash cam take?",
        answer: "A microSD card of 32 to 256 GB.",
      },
    ];
    // Other shops' shoppers typed "credit card" for their payment entries, and "card" is a
    // word entries about paying hold: so "credit" comes to every entry that says "card".
    const topics = [
      ["How long does shipping take?", "when will it arrive", "delivery time"],
      ["What is your return policy?", "send it back", "refund please"],
      ["Do you offer gift wrapping?", "wrap as a present", "gift box"],
      ["Is there a warranty?", "it broke", "guarantee period"],
      ["How do I find my size?", "size chart", "too small"],
      ["Can I change my order?", "edit order", "wrong address"],
      ["Do you ship overseas?", "international delivery", "ship to canada"],
      ["How do I care for it?", "wash it", "cleaning tips"],
      ["Is it in stock?", "sold out", "restock date"],
      ["Can I cancel?", "cancel my order", "changed my mind"],
      ["Do you have a store?", "visit the shop", "opening hours"],
      ["How do I track my parcel?", "tracking number", "where is my package"],
    ];
    await withCorpus(
      [1, 2, 3].flatMap((shop) => [
        ...topics.map(([question, ...queries]) => ({
          locale: "en",
          question,
          tags: "",
          queries,
        })),
        {
          locale: "en",
          question: "Which payment methods do you accept?",
          tags: "",
          queries: [
            "credit card",
            `pay by credit card ${shop}`,
            "paying with a card",
          ],
        },
        {
          locale: "en",
          question: "Can I pay by credit card?",
          tags: "",
          queries: ["credit card", "visa", "card payment"],
        },
        {
          locale: "en",
          question: "Which SD card should I buy?",
          tags: "",
          queries: ["sd card size", "memory card", "storage"],
        },
      ]),
      async () => {
        const index = await buildIndex(docs);
        const s = createSearch(index);
        expect(top(s("credit card"))).toBe("payment");
        expect(top(s("a memory card"))).toBe("memory");
      },
    );
  });
});

describe("words a shopper types in passing", () => {
  it("counts a shop's own word as other shops' own words count, when no other shop's shoppers met it", async () => {
    // In each corpus shop "返品" names the entry wanted and "配送" is typed in passing, and one
    // word only that shop has ("抹茶", "万年筆", "盆栽") names the entry wanted too.
    const texts = ["抹茶", "万年筆", "盆栽"].flatMap((product, n) =>
      [
        ["返品について", "返品したい"],
        ["配送はいつですか", "配送の日数"],
        ["届いた商品が破損していた", "配送中に壊れた"],
        [`${product}の手入れ`, `${product} 洗いたい`],
      ].map(([question, ...queries]) => ({
        shop: `shop${n}`,
        locale: "ja",
        question,
        tags: "",
        queries,
      })),
    );
    await withCorpus(texts, async () => {
      // Met in one shop only, the product words named the entry wanted each time (3 of 3),
      // against 9 of 12 for all words met: a word no corpus shopper met counts 4/3, to the
      // nearest quarter octave 2^(1/2).
      expect(termReliability("累代")).toBeCloseTo(2 ** 0.5, 6);
      // A word with a record of its own keeps it (met once, smoothed towards the mean: 1).
      expect(termReliability("盆栽")).toBe(1);
      // A light word ("いつ") is never counted, and a character pair of a question is no query
      // word: neither is a word no shopper met. A Latin word takes English's figure, and this
      // corpus has no English.
      expect(termReliability("いつ")).toBe(1);
      expect(termReliability("~送料")).toBe(1);
      expect(termReliability("kettle")).toBe(1);
    });
  });

  it("counts a word less when, in other shops, the one entry holding it was seldom the one wanted", async () => {
    // In every corpus shop shoppers type "use" while asking about the dishwasher or vouchers, and
    // the one entry whose question says "use" is not what they want; "dishwasher" always is.
    const texts = [1, 2, 3, 4].flatMap((n) =>
      [
        ["How do I use the app?", "pair with my phone", "app setup"],
        [
          "Is it dishwasher safe?",
          "can i use the dishwasher",
          "dishwasher",
          "use dishwasher on it",
        ],
        [
          "Do you accept vouchers?",
          "can i use a voucher",
          "use my coupon",
          "voucher",
        ],
        [
          "How long does shipping take?",
          "when will it arrive",
          "delivery time",
        ],
        ["What is your return policy?", "send it back", "refund please"],
      ].map(([question, ...queries]) => ({
        shop: `shop${n}`,
        locale: "en",
        question,
        tags: "",
        queries,
      })),
    );
    await withCorpus(texts, async () => {
      expect(termReliability("use")).toBeLessThan(0.75);
      expect(termReliability("dishwasher")).toBeGreaterThan(1);
      expect(termReliability("kettle")).toBe(1); // never met in the corpus
      const docs: FaqDoc[] = [
        {
          id: "howto",
          question: "How to use it",
          answer: "Turn the dial.",
          tags: ["use"],
        },
        {
          id: "care",
          question: "Cleaning the lid",
          answer: "Hand wash the lid; the jug is dishwasher safe.",
        },
        { id: "ship", question: "Shipping times", answer: "Two days." },
      ];
      const s = createSearch(await buildIndex(docs));
      // Counted in full, "use" in a question outweighed "dishwasher" in an answer.
      expect(top(s("can i use the dishwasher"))).toBe("care");
      expect(top(s("how to use"))).toBe("howto");
    });
    // Entries without a shop (a corpus from elsewhere) teach nothing about it.
    await withCorpus(
      texts.map(({ shop: _, ...e }) => e),
      async () => {
        expect(termReliability("use")).toBe(1);
      },
    );
    // Nor does a shop whose every query met the wrong entry: there is no mean to compare with.
    await withCorpus(
      [
        {
          shop: "s",
          locale: "en",
          question: "How do I use the app?",
          tags: "",
          queries: ["dishwasher"],
        },
        {
          shop: "s",
          locale: "en",
          question: "Is it dishwasher safe?",
          tags: "",
          queries: ["use"],
        },
      ],
      async () => {
        expect(termReliability("use")).toBe(1);
        expect(termReliability("dishwasher")).toBe(1);
      },
    );
  });
});

describe("what the merchant and shoppers teach", () => {
  it("uses the merchant's synonyms", async () => {
    // A shop's own name for a service: no dictionary and no other shop's shoppers know it.
    const without = await searchOf(ja);
    const withSynonyms = await searchOf(ja, {
      synonyms: [["名入れ", "ツナグール"]],
    });
    expect(top(without("ツナグールできますか"))).not.toBe("apply");
    expect(top(withSynonyms("ツナグールできますか"))).toBe("apply");
  });

  it("keeps a word telling for the entry that says it when other entries only borrow it", async () => {
    // Three entries say "dimensions", which the merchant's synonyms lend "size": borrowed, the
    // word counts half an entry each toward how common it is, so it still tells "What size
    // should I order?" apart more than when the three entries say "size" themselves.
    const weightOfSize = async (word: string) => {
      const index = await buildIndex(
        [
          {
            id: "size",
            question: "What size should I order?",
            answer: "See the chart on each page.",
          },
          {
            id: "box",
            question: `Which ${word} is the gift box?`,
            answer: "It holds two cups.",
          },
          {
            id: "bag",
            question: `What ${word} are the bags?`,
            answer: "A4 fits inside.",
          },
          {
            id: "mat",
            question: `Are the ${word} of a mat listed?`,
            answer: "On each product page.",
          },
        ],
        { synonyms: [["size", "dimensions"]] },
      );
      const postings = index.t.size;
      const at = postings.findIndex((d, i) => i % 2 === 0 && d === 0);
      expect(at).toBeGreaterThanOrEqual(0);
      return postings[at + 1];
    };
    const borrowed = await weightOfSize("dimensions");
    const said = await weightOfSize("size");
    expect(said).toBeGreaterThan(0);
    expect(borrowed).toBeGreaterThan(said);
  });

  it("lends a word few of the like entries' shoppers typed as the square root of its share", async () => {
    // One corpus entry about descaling, whose 25 shoppers all typed "limescale" and one "chalky";
    // filler entries keep both words under the spread above which a word is typed for every topic.
    const queries = Array.from(
      { length: 25 },
      (_, i) => `limescale ${i ? `step${i}` : "chalky"}`,
    );
    await withCorpus(
      [
        {
          shop: "elsewhere",
          locale: "en",
          question: "How do I descale the kettle?",
          tags: "",
          queries,
        },
        ...widgets,
      ],
      async () => {
        const index = await buildIndex([
          {
            id: "descale",
            question: "How do I descale the kettle?",
            answer: "Boil a spoon of citric acid in it.",
          },
          { id: "ship", question: "Shipping times", answer: "Two days." },
        ]);
        const weight = (term: string) => index.t[term]?.[1] ?? 0;
        expect(index.t.chalky?.[0]).toBe(0);
        // One shopper in 25: a fifth of the word they all typed (taken as it was, a 25th).
        const ratio = weight("chalky") / weight("limescal");
        expect(ratio).toBeGreaterThan(0.15);
        expect(ratio).toBeLessThan(0.25);
      },
    );
  });

  it("weighs a word less in an entry that borrows many words than in one that says little else", async () => {
    // Other shops' shoppers typed twelve words of their own for shipping entries, none for
    // packing. Both entries say "costs" alike; the one that borrows more gives the word less, or
    // it would meet nearly every query somewhere and win its ties.
    const typed =
      "postage courier freight parcel carrier tracking overseas express weekend island remote insurance";
    await withCorpus(
      [
        ...Array.from({ length: 4 }, (_, k) => ({
          shop: `elsewhere${k}`,
          locale: "en",
          question: "Shipping options",
          tags: "",
          queries: typed.split(" ").map((w) => `${w} shipping`),
        })),
        ...widgets,
      ],
      async () => {
        const index = await buildIndex([
          { id: "ship", question: "Shipping costs", answer: "A flat rate." },
          { id: "pack", question: "Packing costs", answer: "A flat rate." },
          { id: "warranty", question: "Warranty", answer: "One year." },
        ]);
        const at = (term: string, d: number) =>
          index.t[term].findIndex((v, i) => i % 2 === 0 && v === d);
        const terms = (d: number) =>
          Object.keys(index.t).filter((term) => at(term, d) >= 0);
        const weight = (term: string, d: number) =>
          index.t[term][at(term, d) + 1];
        expect(terms(0)).toEqual(expect.arrayContaining(["cost", "courier"]));
        expect(terms(1)).toContain("cost");
        expect(terms(1)).not.toContain("courier");
        expect(weight("cost", 0)).toBeLessThan(weight("cost", 1));
        expect(createSearch(index)("costs").hits[0].id).toBe("pack");
      },
    );
  });

  it("ranks what shoppers who asked the same question opened", async () => {
    const before = await searchOf(ja);
    expect(top(before("プレゼントに"))).not.toBe("pen-case");
    const after = await searchOf(ja, {
      learned: [
        {
          query: "プレゼントに",
          handle: "pen-case",
          opens: 6,
          helpful: 3,
          notHelpful: 0,
        },
      ],
    });
    expect(top(after("プレゼントに"))).toBe("pen-case");
    // Votes that it did not help take the boost away.
    const unhelpful = await searchOf(ja, {
      learned: [
        {
          query: "プレゼントに",
          handle: "pen-case",
          opens: 1,
          helpful: 0,
          notHelpful: 4,
        },
      ],
    });
    expect(top(unhelpful("プレゼントに"))).not.toBe("pen-case");
  });

  it("keeps what shoppers typed out of the published index, and finds it asked the same way", async () => {
    const typed = "山田花子です、注文したペンケースを彼に贈りたい";
    const index = await buildIndex(ja, {
      learned: [
        {
          query: typed,
          handle: "pen-case",
          opens: 4,
          helpful: 1,
          notHelpful: 0,
        },
      ],
    });
    const page = JSON.stringify(index);
    expect(page).not.toContain("山田");
    expect(page).not.toContain("やまだ");
    expect(page).not.toContain("彼に贈りたい");
    const s = createSearch(index);
    // Width, kana and punctuation fold as before the key is hashed.
    expect(
      s("山田花子です 注文したﾍﾟﾝｹｰｽを彼に贈りたい!").hits[0],
    ).toMatchObject({
      id: "pen-case",
    });
    expect(learnKey(typed)).toBe(
      learnKey("山田花子です。注文したペンケースを彼に贈りたい"),
    );
    expect(learnKey(typed)).not.toBe(
      learnKey("山田花子です、注文したペンケースを彼に贈りたくない"),
    );
    expect(learnKey("?!…")).toBe("");
  });

  it("finds an entry by the ways to ask the merchant gave it, as written and reworded", async () => {
    const asked = (docs: FaqDoc[], id: string, phrasings: string[]) =>
      docs.map((d) => (d.id === id ? { ...d, phrasings } : d));
    const before = await searchOf(ja);
    expect(top(before("雨に濡れても大丈夫?"))).not.toBe("pen-case");
    expect(before("雨の日でも使えますか").hits[0]?.id).not.toBe("pen-case");
    const after = await searchOf(
      asked(ja, "pen-case", ["雨に濡れても大丈夫?"]),
    );
    const exact = after("雨に濡れても大丈夫?");
    expect(top(exact)).toBe("pen-case");
    expect(exact.weak).toBe(false);
    // Reworded: its words reach the entry too, lightly (the training corpus showed one entry's
    // wordings pulling other entries' questions at full weight), so the shopper still sees the
    // way to contact the shop and the search still reaches the gap report.
    const reworded = after("雨の日でも使えますか");
    expect(top(reworded)).toBe("pen-case");
    expect(reworded.weak).toBe(true);
    expect(top(after("濡れても平気"))).toBe("pen-case");
    // The entry's own words still find it, and other entries are not pulled along.
    expect(top(after("インクの色"))).toBe("ink");
    expect(top(after("送料はいくら"))).toBe("fee");

    // In English: what was a weak guess becomes a confident answer.
    const enBefore = await searchOf(en);
    expect(enBefore("can you write a message inside the lid").weak).toBe(true);
    const enAfter = await searchOf(
      asked(en, "engraving", ["can you write a message inside the lid"]),
    );
    const asWritten = enAfter("can you write a message inside the lid");
    expect(top(asWritten)).toBe("engraving");
    expect(asWritten.weak).toBe(false);
    expect(top(enAfter("write something in the lid"))).toBe("engraving");
    expect(top(enAfter("return policy"))).toBe("returns");
  });

  it("survives serialisation: the storefront gets JSON", async () => {
    const index = await buildIndex(ja);
    const s1 = createSearch(index);
    const s2 = createSearch(JSON.parse(JSON.stringify(index)) as FaqIndex);
    for (const q of ["送料", "いつ届く", "インク"])
      expect(s2(q)).toEqual(s1(q));
  });
});

describe("what a shopper is offered", () => {
  const hits = (...scores: number[]) =>
    scores.map((score, i) => ({ id: `e${i}`, score, why: [] }));

  it("drops entries scoring under a tenth of the first", () => {
    expect(shown(hits(5, 2, 0.5, 0.49, 0.1)).map((h) => h.id)).toEqual([
      "e0",
      "e1",
      "e2",
    ]);
  });

  it("offers eight at most, and nothing for no hits", () => {
    expect(shown(hits(9, 9, 9, 9, 9, 9, 9, 9, 9, 9))).toHaveLength(8);
    expect(shown([])).toEqual([]);
  });

  it("lists the entry a query names, not every entry a borrowed word touches", async () => {
    const search = createSearch(
      await buildIndex([
        {
          id: "ship",
          question: "送料はいくらですか?",
          answer: "全国一律550円です。",
        },
        {
          id: "ret",
          question: "返品できますか?",
          answer: "到着後7日以内なら返品できます。",
        },
        {
          id: "pay",
          question: "支払い方法は?",
          answer: "クレジットカード、代金引換。",
        },
        {
          id: "gift",
          question: "ギフト包装はできますか?",
          answer: "有料で承ります。",
        },
        {
          id: "when",
          question: "いつ届きますか?",
          answer: "ご注文から3日以内に発送します。",
        },
      ]),
    );
    const ranked = search("返品", 8).hits;
    expect(ranked.length).toBeGreaterThan(1); // shoppers' words reach other entries, weakly
    expect(shown(ranked).map((h) => h.id)).toEqual(["ret"]);
    // (Not 送料: shoppers ask a returns entry about return postage, 返品の送料, and the training
    // corpus lends it the word at a quarter of the fee entry's score; it is listed second.)
  });
});
