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

const POSITIVE = ["美味し", "おいし", "旨", "うま", "良い", "よい", "良く", "良かった", "よかった", "いい", "好き", "満足", "最高", "嬉し", "うれし", "喜", "楽しみ", "楽し", "気に入", "素敵", "すてき", "可愛", "かわい", "綺麗", "きれい", "美し", "ありがと", "感謝", "助か", "丁寧", "親切", "迅速", "便利", "一目惚れ", "快適", "素晴らし", "すばらし", "おすすめ", "オススメ", "お勧め", "安心", "感動", "感激", "ぴったり", "ちょうどいい", "重宝", "役立", "役に立", "活躍", "完璧", "申し分", "文句なし", "期待以上", "想像以上", "予想以上", "優秀", "上品", "高級感", "丈夫", "長持ち", "心地よ", "心地良", "気持ちい", "大事に", "愛用", "リピート", "また買", "楽しめ", "早い", "早かった", "早く届", "すぐ届", "すぐに届", "翌日に届", "翌日には", "好評", "見つけ", "戻れな", "手放せな", "やめられな", "欠かせな", "忘れられな", "合う", "しっとり", "さっぱり", "なめらか", "滑らか", "鮮やか", "クリア", "コスパ最高", "信頼", "ほっこり", "ありがた", "有難", "◎", "☺", "😊", "😍", "👍", "♪", "最強", "神", "ハマ", "はま", "癒",
  "good", "great", "love", "like it", "like them", "nice", "happy", "glad", "pleased", "thrilled", "delighted", "satisf", "perfect", "excellent", "delicious", "tasty", "amazing", "awesome", "fantastic", "beautiful", "lovely", "cute", "recommend", "comfortable", "comfy", "thank", "fast", "quick", "prompt", "favorite", "favourite", "wonderful", "best", "works", "well packed", "found it", "fine", "helpful", "friendly", "kind", "polite", "impressed", "exceeded", "worth it", "reliable", "sturdy", "durable", "smooth", "gentle", "fresh", "trust"];
const NEGATIVE = ["まずい", "不味", "悪い", "悪かった", "悪く", "残念", "不満", "遅い", "遅かった", "遅く", "遅れ", "遅延", "届かない", "未着", "壊れ", "割れ", "破損", "傷", "汚れ", "汚い", "期待外れ", "期待はずれ", "がっかり", "二度と", "最悪", "ひどい", "酷い", "不良", "不具合", "故障", "断線", "途切れ", "接続が切れ", "音飛び", "困", "問題", "微妙", "薄かった", "痛", "きつい", "きつく", "ゆるい", "緩", "返品", "返金", "交換してほし", "交換して欲し", "間違", "足りない", "足りなかった", "臭", "潰れ", "つぶれ", "凹", "へこ", "面倒", "不便", "不安", "心配", "雑", "安っぽ", "チープ", "弱い", "弱かった", "かゆ", "痒", "荒れ", "かぶれ", "ヒリヒリ", "ピリピリ", "ベタつ", "べたつ", "ベタベタ", "べたべた", "ほつれ", "色落ち", "縮ん", "毛玉", "剥が", "漏れ", "うるさ", "無理", "ダメ", "だめ", "駄目", "失敗", "後悔", "無駄", "高い", "高かった", "大変でした", "大変だった", "分からなかった", "わからなかった", "かなり小さめ", "かなり大きめ", "返信がな", "返事がな", "連絡がな", "続かな", "向かな", "合わな", "劣化", "落ちた", "イライラ", "ストレス", "わかりにく", "分かりにく", "わかりづら", "分かりづら", "使いにく", "使いづら", "扱いにく", "見にく", "聞き取りにく", "入っていなかった", "入ってなかった", "小さかった", "大きかった", "刺激", "バラバラ", "ばらつき", "ガタガタ", "ぐらぐら", "グラグラ", "がたつ", "ガタつ", "ぐらつ", "これはない", "これは無い", "ありえな", "あり得な", "有り得な", "💦", "😢", "😞",
  "bad", "terrible", "horrible", "broken", "broke", "late", "slow", "disappoint", "poor", "worst", "damaged", "awful", "wrong", "missing", "never again", "uncomfortable", "not worth", "stale", "bitter", "took forever", "overpriced", "expensive", "cuts out", "stopped working", "doesn't work", "didn't work", "not working", "faulty", "defective", "flimsy", "cheaply", "leak", "itchy", "rash", "irritat", "sticky", "greasy", "frustrat", "annoy", "hate", "refund", "never replied", "never arrived", "no reply", "rude", "unhelpful", "confusing", "hurt", "painful", "noisy", "regret", "waste", "meh", "not like before", "expected better", "wobbly", "kept logging", "keeps crashing", "had to try", "error"];
/** Said-for-show phrases where an inability is praise ("手放せない": cannot do without). */
const PRAISE_INABILITY = /(手放せな|やめられな|止められな|欠かせな|忘れられな|戻れな|待たせな)/;
/** Patterns no word list covers: inability, waiting, a thing unlike the usual or the picture, "too …". */
const NEGATIVE_PATTERNS: ([RegExp, string] | [RegExp, string, number])[] = [
  [/(られ|[えけせてねめれげべ]|でき)な(かった|く|い)/, "できない"],
  [/([0-9]+|[一二三四五六七八九十数何]+)\s*(日|週間|か月|ヶ月|カ月|時間)(以上|近く)?(も)?かか(っ|り)/, "日数がかかった"],
  [/(いつも|前|以前|今まで|これまで|写真|画像|説明|イメージ|注文した(もの|の)?)([^。、!?]{0,8}と(は)?|(と|とは)[^。、!?]{0,6})(違|ちが)/, "違っていた"],
  [/(思った|思ってた|思っていた|想像|予想|期待|写真|画像)(より|以上に)[^。、!?]{0,8}?(小さ|大き|薄|弱|重|硬|短|長|狭|少な|高|暗|安っぽ|チープ|苦|酸っぱ|すっぱ|甘|辛|しょっぱ|固|濃|うす)/, "思ったより"],
  [/もっと[^。!?]{0,12}(が|の方が|ほうが|なら|だったら)(よかった|良かった|いい|良い|嬉しい|うれしい)/, "もっと〜がよかった"],
  [/[^。!?]{1,6}(れば|たら)(よかった|良かった)/, "〜ばよかった"],
  [/[\u3041-\u309f\u4e00-\u9fff](壊れ|汚れ|割れ|冷め|錆び|傷つき|折れ|切れ|取れ|外れ|破れ|崩れ|ほつれ|毛玉にな|色落ちし)やす/, "〜やすい(短所)"],
  [/\bkept\s+\w+ing\b/, "kept …ing"],
  [/もっと[^。!?]{0,12}(だった|でした)のに/, "前はもっと〜だったのに"],
  [/(?<=[\u3041-\u309f\u4e00-\u9fff])づら(い|く|かった)/, "〜づらい"],
  [/(返信|返事|連絡|回答|お返事)(が|は|も)[^。、!?]{0,6}な(い|かった|く|し)/, "返信がない"],
  [/(前|以前|昔|旧|元|もと)(の方|のほう|の|のもの)が(良|よ|い)(かった|い)/, "前の方が良かった", 2],
  [/\btook\s+(\d+|two|three|four|several|many)\s+(days|weeks|months)/, "took days"],
  [/\btoo\s+(?!good|cute|nice|beautiful|delicious|comfortable|much fun)\w+/, "too …"],
  [/すぎ(る|た|て|です|ました|ない)/, "すぎる"],
];
/** Neither praise nor complaint: "まあまあ", "可もなく不可もなく", "so-so". */
const POSITIVE_PATTERNS: [RegExp, string][] = [
  // "使いやすい", "持ち運びやすくて", "配りやすかった": easy to …, unless it is easy to break.
  [/(?<!(壊れ|汚れ|割れ|冷め|錆び|傷つき|折れ|切れ|取れ|外れ|破れ|崩れ|ほつれ|疲れ|太り|酔い|乾き|荒れ|蒸れ|滑り|ずれ|すべり))(?<=[\u3041-\u309f\u4e00-\u9fff])やす(い|く|かった|そう)/, "〜やすい"],
  // Praise through a positive word followed by "すぎ": "良すぎて", "かわいすぎる".
  [/(良|よ|い|美味し|おいし|かわい|可愛|きれい|綺麗|素敵|好き|最高|楽し|嬉し|うれし)すぎ/, "〜すぎる(称賛)"],
  [/\bcan'?t\s+(drink|eat|use|wear|live|go back to)\s+(anything|without|other)/, "can't … anything else"],
  [/(笑|ｗ|w{2,}|\blol\b)$/, "笑"],
];
const NEUTRAL_MARK = /(\bi guess\b|we'll see|様子見|特に(問題|変わり|不満)(なし|ない|はない|ありません)|(^|\.\s*)fine\.?$|\bruns (a bit |slightly )?(small|large|big)\b|許容範囲|do(es)? the job|would be nice|\bwish\b|相応|それなり|なりに|まあ|特に感想|特になし|特にない|いつも通り|いつもどおり|気がし|気がする|かもしれ|かな[。？?]?$|かなあ|まあまあ|可もなく不可もなく|普通(です|でした|かな|だった|の品)|ふつう(です|でした|かな)|so-so|nothing special|\bok(ay)?\b|average)/;
const NEGATION = /^(が|は|も)?(く|じゃ|では|でも)?(なし|ない|なかっ|なく|ません|ませんでし|ず|ぬ)|^[^。、!?]{0,4}とは(思|感じ)[^。、]{0,3}(ない|なかっ|ません)/;
const EN_NEGATION = /\b(not|no|never|n't|hardly)\s+(\w+\s+)?$/;
const CONTRAST = /(けど|けれど|けれども|でも|しかし|ただ|ですが|だが|のに|のですが|んですが|が、|but|however|although|though)/i;

// Coming back for this maker or this model, said without a name.
const PSYCHOLOGICAL = ["リピート", "リピ", "いつもの", "いつも", "また買", "また購入", "また注文", "毎年", "毎回", "愛用", "指名", "ファン", "定番", "同じもの", "同じ商品", "同じモデル", "同じブランド", "同じメーカー", "色違い", "別の色", "新色", "買い足", "買い替え", "追加で", "シリーズ", "ブランド", "このメーカー", "ずっと欲しかった", "わざわざ", "以前と", "前のモデル", "前モデル", "旧モデル", "新モデル", "後継", "新作", "揃え", "もう一つ", "もうひとつ", "もう1つ", "やっぱりこれ", "やはりこれ", "迷わず", "信頼して", "しか使わ", "しか買わ", "しか信",
  "again", "repeat", "always buy", "every year", "brand", "another color", "different color", "another pair", "second pair", "third pair", "second one", "collection", "loyal", "specifically", "like before", "as usual", "than before", "previous model", "upgrade from", "only brand", "the only", "same as my", "as always", "used to be", "same one"];
const PSYCHOLOGICAL_PATTERNS = [/([2-9２-９]|二|三|四|五|六|何)(台|本|個|足|着|つ|枚|箱|袋|回|度)目/, /違う色(も|で|を)/, /\b(second|third|fourth|fifth|[2-9](nd|rd|th))\s+(bag|pair|one|order|box|bottle|pack|time|set)\b/];
// A purpose, a use, an occasion, a price or a feeling: the need, not the name.
const BEHAVIORAL = ["ため", "用に", "用として", "用の", "用。", "用で", "用だった", "向け", "欲しくて", "ほしくて", "欲しかった", "ほしかった", "たくて", "探して", "必要", "日常", "毎日", "毎朝", "普段", "にも使える", "でも使える", "に使える", "使いたく", "プレゼント", "ギフト", "贈り物", "お祝い", "誕生日", "母の日", "父の日", "クリスマス", "記念", "子供", "子ども", "息子", "娘", "家族", "暑い", "寒い", "夏", "冬", "旅行", "アウトドア", "キャンプ", "通勤", "通学", "仕事", "在宅", "会議", "ジム", "ジョギング", "ランニング", "散歩", "一目惚れ", "可愛", "かわい", "おしゃれ", "安かった", "お手頃", "手頃", "安い", "セール", "値段", "価格", "コスパ", "なんとなく", "気になって", "試しに", "試して", "お試し", "初めて", "画像", "写真", "見た目", "デザイン", "気分", "リラックス", "健康", "ダイエット", "手軽", "増えた", "増えて", "差し入れ", "お土産", "手土産", "職場", "オフィス",
  "gift", "present", "birthday", "for my", "for the", "looking for something", "needed", "wanted something", "cute", "cheap", "on sale", "first time", "summer", "winter", "beach", "travel", "camping", "outdoor", "gym", "running", "commute", "work", "design", "looks", "price", "value", "everyday", "daily", "evening"];
// What the product is like to use: a comment about it without a name is about the need it meets.
const EXPERIENCE = ["味", "香り", "匂い", "品質", "履き心地", "着心地", "使い心地", "使用感", "質感", "肌触り", "装着感", "付け心地", "つけ心地", "サイズ", "大きさ", "色", "形", "重さ", "軽", "柔らか", "硬", "苦", "甘", "濃", "薄", "肌", "効果", "音", "低音", "高音", "酸味", "苦味", "コク", "香", "挽き", "微粉", "量", "縮", "洗濯", "生地", "素材", "縫製", "電池", "バッテリー", "充電", "接続", "画質", "耳", "説明書", "操作", "設定", "ペアリング", "断線", "壊れ", "故障", "不具合",
  "taste", "smell", "quality", "sour", "roast", "flavor", "flavour", "handle", "wobbly", "fit", "size", "color", "colour", "weight", "soft", "bitter", "sweet", "comfortable", "sound", "battery", "bass", "tight", "sticky", "texture", "skin", "works", "broke", "instructions"];
// Shipping, packaging and service.
const NONE = ["配送", "発送", "届", "到着", "梱包", "包装", "箱", "対応", "スタッフ", "問い合わせ", "お問い合わせ", "返信", "返事", "連絡", "送料", "サイト", "決済", "支払", "サンプル", "おまけ", "ノベルティ", "手紙", "メッセージカード", "ラッピング", "在庫", "欠品", "注文した", "サポート", "店員", "お店", "サイズ表", "商品ページ", "検索", "払い", "ペイ", "クレジット", "クレカ", "定期便", "確認", "お願いした", "アプリ", "クーポン", "ログイン", "カート", "後払い", "代引", "ポイント", "置き配", "インターホン", "配達",
  "shipping", "delivery", "arrived", "package", "packed", "packaging", "box", "customer service", "support", "staff", "website", "checkout", "sample", "reply", "replied", "email", "site", "logging", "login", "coupon", "translate", "courier", "paypal", "pay ", "payment"];

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
  for (const [pattern, cue] of POSITIVE_PATTERNS) {
    if (!pattern.test(clause)) continue;
    score += 1;
    cues.push(cue);
  }
  for (const [pattern, cue, weight = 1] of NEGATIVE_PATTERNS) {
    const m = pattern.exec(clause);
    // "手放せない" is praise; an inability already read as a negated word is not counted twice.
    if (!m || (cue === "できない" && (PRAISE_INABILITY.test(clause) || cues.some((c) => c.endsWith("(否定)")))) || (cue === "すぎる" && cues.includes("〜すぎる(称賛)"))) continue;
    // "前の方が良かった" outweighs the "良かった" inside it.
    score -= weight;
    cues.push(cue);
  }
  return { score, cues };
}

export function analyzeComment(text: string, catalog?: CatalogNames): CommentAnalysis {
  const folded = fold(text);
  // Contrast: the part after "けど" / "but" says what the customer ends up feeling.
  // A trailing "のに" or "けど" leaves an empty last part: the clause before it is the last word.
  const parts = folded.split(CONTRAST).filter((p, i) => i % 2 === 0 && p.replace(/[。、!?…\s.]+/g, ""));
  if (!parts.length) parts.push(folded);
  let score = 0;
  const cues: string[] = [];
  parts.forEach((part, i) => {
    // A hedged sentence ("まあ届いたからいいけど", "気がした") says little either way; the clause's
    // other sentences still count ("薄くなった気がします。残念です。").
    const r = { score: 0, cues: [] as string[] };
    for (const sentence of part.split(/(?<=[。!?])/)) {
      const one = clauseScore(sentence);
      r.score += Math.abs(one.score) <= 1 && NEUTRAL_MARK.test(sentence) ? 0 : one.score;
      r.cues.push(...one.cues);
    }
    score += r.score * (i === parts.length - 1 && parts.length > 1 ? 2 : 1);
    cues.push(...r.cues);
  });
  if (Math.abs(score) <= 1 && NEUTRAL_MARK.test(folded)) score = 0;
  const sentiment: Sentiment = score > 0 ? "positive" : score < 0 ? "negative" : "neutral";

  const matched = catalog ? [...catalog.names].filter(([key]) => folded.includes(key)).map(([, v]) => v) : [];
  const names = matched.map((v) => v.label);
  const psych = [...find(folded, PSYCHOLOGICAL), ...PSYCHOLOGICAL_PATTERNS.filter((p) => p.test(folded)).map((p) => p.exec(folded)![0])];
  const behav = find(folded, BEHAVIORAL);
  const experience = find(folded, EXPERIENCE);
  const none = find(folded, NONE);
  // A maker's name is the strongest sign; a model word from a title a little less; a stated
  // habit of coming back counts like a name. Needs, uses and feelings weigh against them.
  const psychScore = 3 * matched.filter((v) => v.kind === "vendor").length + 2 * matched.filter((v) => v.kind === "model").length + psych.length;
  const behavScore = behav.length;
  let loyalty: Loyalty;
  if (psychScore > behavScore) loyalty = "psychological";
  // Mostly about the parcel or the service, with a purpose only mentioned in passing.
  else if (none.length > behavScore && !experience.length) loyalty = "none";
  else if (behavScore > 0) loyalty = "behavioral";
  else if (none.length && !experience.length) loyalty = "none";
  else if (experience.length || (score !== 0 && !none.length)) loyalty = "behavioral";
  else loyalty = "none";
  // Saying why they bought, with nothing negative, is a satisfied purchase.
  // Choosing a named maker or model is itself a positive statement, even when "looking for" it.
  const finalSentiment: Sentiment = sentiment === "neutral" && !NEUTRAL_MARK.test(folded) && (psychScore > 0 || (behavScore > 0 && !/欲しくて|ほしくて|たくて|探して|needed|wanted|haven't|not yet|まだ/.test(folded))) ? "positive" : sentiment;
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
