import { fold } from "../faq/engine/text";
import type { CatalogNames } from "./catalog";

/**
 * Reads a customer's comment for two things (framework-free, Japanese first, English too):
 *  - sentiment: positive / neutral / negative, from general lexicons with negation ("美味しくない",
 *    "not good") and contrast (what follows "けど" / "but" weighs double);
 *  - loyalty: psychological when the buyer names the maker or the model (from the shop's own
 *    catalog) or says they come back for it; behavioural when the comment is about a purpose, a
 *    use, an occasion, a price or a feeling without a name (they would welcome alternatives);
 *    none when it is about shipping, packaging or service.
 * Every result carries the cues it rests on, so the dashboard can show why.
 */
export type Sentiment = "positive" | "neutral" | "negative";
export type Loyalty = "psychological" | "behavioral" | "none";

export interface CommentAnalysis {
  sentiment: Sentiment;
  loyalty: Loyalty;
  cues: string[];
  names: string[];
}

const POSITIVE = ["美味し", "おいし", "旨", "うま", "良い", "よい", "良かった", "よかった", "いい", "好き", "満足", "最高", "嬉し", "うれし", "楽しみ", "気に入", "素敵", "すてき", "可愛", "かわい", "綺麗", "きれい", "ありがと", "助か", "丁寧", "便利", "一目惚れ", "快適", "素晴らし", "おすすめ", "オススメ", "安心", "感動", "ぴったり", "ちょうどいい", "香りが良", "買ってよかった", "大事に", "愛用", "リピート", "また買", "楽しめ", "早い", "早かった", "好評", "見つけ", "戻れな", "履きやすい", "使いやすい", "飲みやすい", "合う",
  "good", "great", "love", "nice", "happy", "perfect", "excellent", "delicious", "tasty", "amazing", "beautiful", "cute", "recommend", "comfortable", "thank", "fast", "favorite", "favourite", "wonderful", "best", "works", "quickly", "well packed", "found it", "fine"];
const NEGATIVE = ["まずい", "不味", "悪い", "悪かった", "残念", "不満", "遅い", "遅かった", "遅れ", "届かない", "壊れ", "割れ", "破損", "傷", "汚れ", "期待外れ", "がっかり", "二度と", "最悪", "ひどい", "酷い", "使いにく", "合わない", "不良", "困", "問題", "微妙", "薄かった", "苦すぎ", "高すぎ", "痛い", "きつい", "ゆるい", "緩", "返品したい", "間違", "足りない", "臭", "潰れ", "つぶれ", "面倒", "小さかった", "大きかった", "強すぎ", "苦味が強", "浅くて", "高い", "返信がな", "連絡がな", "続かな", "向かな", "いつもの味と違", "合わな",
  "bad", "terrible", "broken", "late", "slow", "disappoint", "poor", "worst", "damaged", "awful", "wrong", "missing", "never again", "too small", "too big", "uncomfortable", "not worth", "stale", "bitter", "took forever", "took weeks", "took two weeks", "overpriced", "expensive", "not like before"];
const NEGATION = /^(く|じゃ|では|でも)?(ない|なかっ|なく|ません|ませんでし|ず|ぬ)|^[^。、!?]{0,4}とは(思|感じ)[^。、]{0,3}(ない|なかっ|ません)/;
const EN_NEGATION = /\b(not|no|never|n't|hardly)\s+(\w+\s+)?$/;
const CONTRAST = /(けど|けれど|けれども|でも|しかし|ただ|ですが|だが|のに|but|however|although|though)/i;

// Coming back for this maker or this model, said without a name.
const PSYCHOLOGICAL = ["リピート", "リピ", "いつもの", "いつも", "また買", "また購入", "また注文", "毎年", "毎回", "愛用", "指名", "ファン", "定番", "同じもの", "同じ商品", "色違い", "別の色", "違う色", "新色", "2個目", "二つ目", "2足目", "二足目", "3足目", "三足目", "買い足", "買い替え", "追加で", "シリーズ", "ブランド", "このメーカー", "ずっと欲しかった", "わざわざ", "他の", "以前と",
  "again", "repeat", "always buy", "every year", "brand", "another color", "different color", "another pair", "second pair", "third pair", "second one", "collection", "loyal", "specifically", "like before", "as usual", "than before"];
// A purpose, a use, an occasion, a price or a feeling: the need, not the name.
const BEHAVIORAL = ["ため", "用に", "用として", "欲しくて", "ほしくて", "たくて", "探して", "日常", "毎日", "毎朝", "普段", "使える", "使いたく", "プレゼント", "ギフト", "贈り物", "お祝い", "誕生日", "母の日", "父の日", "暑い", "寒い", "夏", "冬", "旅行", "アウトドア", "キャンプ", "通勤", "仕事", "一目惚れ", "可愛", "かわい", "おしゃれ", "安かった", "お手頃", "安い", "セール", "なんとなく", "気になって", "試しに", "初めて", "画像", "写真", "見た目", "デザイン", "気分", "リラックス", "健康", "ダイエット", "手軽",
  "gift", "present", "birthday", "for my", "for the", "looking for something", "needed something", "wanted something", "cute", "cheap", "on sale", "first time", "summer", "winter", "beach", "travel", "camping", "outdoor", "design", "looks", "price", "everyday", "daily", "evening"];
// What the product is like to use: a comment about it without a name is about the need it meets.
const EXPERIENCE = ["味", "香り", "品質", "履き心地", "着心地", "使い心地", "サイズ", "色", "形", "重さ", "軽", "柔らか", "硬", "苦", "甘", "濃", "薄",
  "taste", "smell", "quality", "fit", "size", "color", "colour", "weight", "soft", "bitter", "sweet", "comfortable"];
// Shipping, packaging and service.
const NONE = ["配送", "発送", "届", "到着", "梱包", "包装", "箱", "対応", "スタッフ", "問い合わせ", "返信", "連絡", "送料", "サイト", "決済", "支払",
  "shipping", "delivery", "arrived", "package", "packed", "packaging", "box", "customer service", "support", "staff", "website", "checkout"];

function find(text: string, list: string[]): string[] {
  return list.filter((w) => text.includes(fold(w)));
}

function clauseScore(clause: string): { score: number; cues: string[] } {
  let score = 0;
  const cues: string[] = [];
  for (const [list, sign] of [[POSITIVE, 1], [NEGATIVE, -1]] as const) {
    for (const word of list) {
      const w = fold(word);
      for (let at = clause.indexOf(w); at >= 0; at = clause.indexOf(w, at + w.length)) {
        const after = clause.slice(at + w.length, at + w.length + 14);
        const before = clause.slice(Math.max(0, at - 12), at);
        // "美味しくない", "好きじゃない", "not good": the word is negated.
        const negated = (/^[\u3041-\u309f]*$/.test(after.slice(0, 1)) && NEGATION.test(after.replace(/^(かっ|く|し|け)/, (m) => m))) || EN_NEGATION.test(before);
        const s = negated ? -sign : sign;
        score += s;
        cues.push(negated ? `${word}(否定)` : word);
      }
    }
  }
  return { score, cues };
}

export function analyzeComment(text: string, catalog?: CatalogNames): CommentAnalysis {
  const folded = fold(text);
  // Contrast: the part after "けど" / "but" says what the customer ends up feeling.
  const parts = folded.split(CONTRAST).filter((p, i) => i % 2 === 0);
  let score = 0;
  const cues: string[] = [];
  parts.forEach((part, i) => {
    const r = clauseScore(part);
    score += r.score * (i === parts.length - 1 && parts.length > 1 ? 2 : 1);
    cues.push(...r.cues);
  });
  const sentiment: Sentiment = score > 0 ? "positive" : score < 0 ? "negative" : "neutral";

  const matched = catalog ? [...catalog.names].filter(([key]) => folded.includes(key)).map(([, v]) => v) : [];
  const names = matched.map((v) => v.label);
  const psych = find(folded, PSYCHOLOGICAL);
  const behav = find(folded, BEHAVIORAL);
  const experience = find(folded, EXPERIENCE);
  const none = find(folded, NONE);
  // A maker's name is the strongest sign; a model word from a title a little less; a stated
  // habit of coming back counts like a name. Needs, uses and feelings weigh against them.
  const psychScore = 2 * matched.filter((v) => v.kind === "vendor").length + 1.5 * matched.filter((v) => v.kind === "model").length + psych.length;
  const behavScore = behav.length;
  let loyalty: Loyalty;
  if (psychScore > behavScore) loyalty = "psychological";
  else if (behavScore > 0) loyalty = "behavioral";
  else if (none.length && !experience.length) loyalty = "none";
  else if (experience.length || (score !== 0 && !none.length)) loyalty = "behavioral";
  else loyalty = "none";
  // Saying why they bought, with nothing negative, is a satisfied purchase.
  const finalSentiment: Sentiment = sentiment === "neutral" && (psychScore > 0 || behavScore > 0) && !/欲しくて|ほしくて|たくて|探して|needed|wanted|haven't|not yet|まだ/.test(folded) ? "positive" : sentiment;
  return { sentiment: finalSentiment, loyalty, cues: [...cues, ...psych, ...behav, ...experience, ...(loyalty === "none" ? none : [])], names };
}

/** Per product, the share of each loyalty type among its analysed comments (shares sum to 1). */
export function loyaltyShares(items: { products: string[]; loyalty: Loyalty }[]): Map<string, Record<Loyalty, number> & { comments: number }> {
  const counts = new Map<string, Record<Loyalty, number>>();
  for (const { products, loyalty } of items) {
    for (const p of new Set(products)) {
      const c = counts.get(p) ?? { psychological: 0, behavioral: 0, none: 0 };
      c[loyalty]++;
      counts.set(p, c);
    }
  }
  const out = new Map<string, Record<Loyalty, number> & { comments: number }>();
  for (const [p, c] of counts) {
    const n = c.psychological + c.behavioral + c.none;
    out.set(p, { psychological: c.psychological / n, behavioral: c.behavioral / n, none: c.none / n, comments: n });
  }
  return out;
}
