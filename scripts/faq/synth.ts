import type { FaqDoc } from "../../app/faq/engine/build.server";

/**
 * Synthesised FAQ entries for latency and size: Japanese and English shop questions built from
 * varied topic words, so vocabulary and postings grow like a real large help centre's.
 */
const JA_TOPICS = [
  "送料",
  "配送",
  "返品",
  "交換",
  "返金",
  "支払い",
  "ポイント",
  "クーポン",
  "ギフト",
  "ラッピング",
  "在庫",
  "予約",
  "サイズ",
  "素材",
  "保証",
  "修理",
  "会員登録",
  "パスワード",
  "領収書",
  "キャンセル",
  "定期購入",
  "海外発送",
  "お手入れ",
  "賞味期限",
  "店舗",
  "法人",
  "色",
  "充電",
  "電池",
  "取扱説明書",
];
const JA_ITEMS = [
  "シャツ",
  "サンダル",
  "ドローン",
  "急須",
  "茶葉",
  "バッグ",
  "財布",
  "イヤホン",
  "美容液",
  "ノート",
  "万年筆",
  "帽子",
  "靴下",
  "枕",
  "時計",
];
const JA_FORMS = [
  "{item}の{topic}について教えてください",
  "{topic}はできますか?",
  "{item}の{topic}はいつですか?",
  "{topic}の方法を知りたい",
  "{item}を{topic}したい場合",
];
const EN_TOPICS = [
  "shipping",
  "returns",
  "exchange",
  "refund",
  "payment",
  "points",
  "coupon",
  "gift wrap",
  "stock",
  "pre-order",
  "size",
  "material",
  "warranty",
  "repair",
  "account",
  "password",
  "invoice",
  "cancel",
  "subscription",
  "care",
];
const EN_ITEMS = [
  "shirt",
  "sandals",
  "drone",
  "teapot",
  "bag",
  "wallet",
  "earphones",
  "serum",
  "notebook",
  "pen",
  "hat",
  "socks",
  "pillow",
  "watch",
];

function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

export function synthesise(n: number, locale: "ja" | "en", seed = 7): FaqDoc[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  return Array.from({ length: n }, (_, i) => {
    if (locale === "en") {
      const topic = pick(EN_TOPICS);
      const item = pick(EN_ITEMS);
      return {
        id: `e${i}`,
        question: `How does ${topic} work for the ${item} (model ${i})?`,
        answer: `For ${item} orders, ${topic} is handled within ${2 + (i % 9)} days. Contact support with order ${1000 + i} for details about ${pick(EN_TOPICS)}.`,
      };
    }
    const topic = pick(JA_TOPICS);
    const item = pick(JA_ITEMS);
    const question =
      pick(JA_FORMS).replace("{item}", item).replace("{topic}", topic) +
      `(型番${i})`;
    return {
      id: `j${i}`,
      question,
      answer: `${item}の${topic}は${2 + (i % 9)}日以内に対応します。詳しくは注文番号${1000 + i}と${pick(JA_TOPICS)}についてお問い合わせください。`,
    };
  });
}
