import { fold } from "../faq/engine/text";
import type { CatalogNames, NameEntry } from "./catalog";
import { katakanaRuns, soundsAlike } from "./kana";

/**
 * Loyalty: psychological when the buyer names the maker or the model (from the shop's own
 * catalog) or says they come back for it; behavioural when the comment is about a purpose, a
 * use, an occasion, a price or a feeling without a name (they would welcome alternatives);
 * none when it is about shipping, packaging or service.
 */
export type Loyalty = "psychological" | "behavioral" | "none";

// Coming back for this maker or this model, said without a name.
const PSYCHOLOGICAL = [
  "リピート",
  "リピ",
  "いつもの",
  "いつも",
  "また買",
  "また購入",
  "また注文",
  "毎年",
  "毎回",
  "愛用",
  "指名",
  "ファン",
  "定番",
  "同じもの",
  "同じ商品",
  "同じモデル",
  "同じブランド",
  "同じメーカー",
  "色違い",
  "別の色",
  "新色",
  "買い足",
  "買い替え",
  "追加で",
  "シリーズ",
  "ブランド",
  "このメーカー",
  "ずっと欲しかった",
  "わざわざ",
  "以前と",
  "前のモデル",
  "前モデル",
  "旧モデル",
  "新モデル",
  "後継",
  "新作",
  "揃え",
  "集めて",
  "集めてい",
  "もう一つ",
  "もうひとつ",
  "もう1つ",
  "やっぱりこれ",
  "やはりこれ",
  "迷わず",
  "信頼して",
  "しか使わ",
  "しか買わ",
  "しか信",
  "again",
  "repeat",
  "always buy",
  "every year",
  "brand",
  "another color",
  "different color",
  "another pair",
  "second pair",
  "third pair",
  "second one",
  "collection",
  "loyal",
  "specifically",
  "like before",
  "as usual",
  "than before",
  "previous model",
  "upgrade from",
  "only brand",
  "the only",
  "same as my",
  "as always",
  "used to be",
  "same one",
];
const PSYCHOLOGICAL_PATTERNS = [
  /([2-9２-９]|二|三|四|五|六|何)(台|本|個|足|着|つ|枚|箱|袋|回|度)目/,
  /違う色(も|で|を)/,
  /\b(second|third|fourth|fifth|[2-9](nd|rd|th))\s+(bag|pair|one|order|box|bottle|pack|time|set)\b/,
];
// A purpose, a use, an occasion, a price or a feeling: the need, not the name.
const BEHAVIORAL = [
  "ため",
  "用に",
  "用として",
  "用の",
  "用。",
  "用で",
  "用だった",
  "向け",
  "欲しくて",
  "ほしくて",
  "欲しかった",
  "ほしかった",
  "たくて",
  "探して",
  "必要",
  "日常",
  "毎日",
  "毎朝",
  "普段",
  "にも使える",
  "でも使える",
  "に使える",
  "として使",
  "としても使",
  "として買",
  "用途",
  "対策",
  "始めた",
  "始めるので",
  "始めるため",
  "使いたく",
  "プレゼント",
  "ギフト",
  "贈り物",
  "お祝い",
  "誕生日",
  "母の日",
  "父の日",
  "クリスマス",
  "記念",
  "子供",
  "子ども",
  "息子",
  "娘",
  "家族",
  "暑い",
  "寒い",
  "夏",
  "冬",
  "旅行",
  "アウトドア",
  "キャンプ",
  "通勤",
  "通学",
  "仕事",
  "在宅",
  "会議",
  "ジム",
  "ジョギング",
  "ランニング",
  "散歩",
  "一目惚れ",
  "可愛",
  "かわい",
  "おしゃれ",
  "安かった",
  "お手頃",
  "手頃",
  "安い",
  "セール",
  "値段",
  "価格",
  "コスパ",
  "なんとなく",
  "気になって",
  "試しに",
  "試して",
  "お試し",
  "初めて",
  "画像",
  "写真",
  "見た目",
  "デザイン",
  "気分",
  "リラックス",
  "健康",
  "ダイエット",
  "手軽",
  "増えた",
  "増えて",
  "差し入れ",
  "お土産",
  "手土産",
  "職場",
  "オフィス",
  "gift",
  "present",
  "birthday",
  "for my",
  "for the",
  "looking for something",
  "needed",
  "wanted something",
  "cute",
  "cheap",
  "on sale",
  "first time",
  "summer",
  "winter",
  "beach",
  "travel",
  "camping",
  "outdoor",
  "gym",
  "running",
  "commute",
  "work",
  "design",
  "looks",
  "price",
  "value",
  "everyday",
  "every day",
  "every morning",
  "every night",
  "daily",
  "evening",
];
// What the product is like to use: a comment about it without a name is about the need it meets.
const EXPERIENCE = [
  "味",
  "香り",
  "匂い",
  "品質",
  "履き心地",
  "着心地",
  "使い心地",
  "使用感",
  "質感",
  "肌触り",
  "装着感",
  "付け心地",
  "つけ心地",
  "サイズ",
  "大きさ",
  "色",
  "形",
  "重さ",
  "軽",
  "柔らか",
  "硬",
  "苦",
  "甘",
  "濃",
  "薄",
  "肌",
  "効果",
  "音",
  "低音",
  "高音",
  "酸味",
  "苦味",
  "コク",
  "香",
  "挽き",
  "微粉",
  "量",
  "縮",
  "洗濯",
  "生地",
  "素材",
  "縫製",
  "電池",
  "バッテリー",
  "充電",
  "接続",
  "画質",
  "耳",
  "説明書",
  "操作",
  "設定",
  "ペアリング",
  "断線",
  "壊れ",
  "故障",
  "不具合",
  "足りな",
  "足りませ",
  "反って",
  "反り",
  "歪",
  "ひび",
  "欠け",
  "錆",
  "サビ",
  "へこ",
  "凹",
  "taste",
  "smell",
  "quality",
  "sour",
  "roast",
  "flavor",
  "flavour",
  "handle",
  "wobbly",
  "fit",
  "size",
  "color",
  "colour",
  "weight",
  "soft",
  "bitter",
  "sweet",
  "comfortable",
  "sound",
  "battery",
  "bass",
  "tight",
  "sticky",
  "texture",
  "skin",
  "works",
  "broke",
  "instructions",
  "heavy",
  "heavier",
  "lighter",
  "lightweight",
  "small",
  "warm",
  "does what",
  "supposed to",
];
// The shop's site, payment and procedures: about the shop even when a product word is near
// ("サイトでサイズを比べられて選びやすかった").
const SERVICE = [
  "サイト",
  "商品ページ",
  "サイズ表",
  "決済",
  "支払",
  "払い",
  "ペイ",
  "paypay",
  "ログイン",
  "カート",
  "クーポン",
  "手続き",
  "website",
  "checkout",
  "login",
  "coupon",
  "payment",
];
const NOT_YET =
  /haven'?t (used|tried|opened|worn)|not (used|tried|opened) (it |them )?yet|まだ(使って|試して|開けて|飲んで|食べて|着て|履いて)(い)?(ない|ません)/;
// Shipping, packaging and service.
const NONE = [
  "ギフト包装",
  "ギフトラッピング",
  "プレゼント包装",
  "プレゼント用の包装",
  "配送",
  "発送",
  "届",
  "到着",
  "梱包",
  "包装",
  "箱",
  "対応",
  "スタッフ",
  "問い合わせ",
  "お問い合わせ",
  "返信",
  "返事",
  "連絡",
  "送料",
  "サイト",
  "決済",
  "支払",
  "サンプル",
  "おまけ",
  "ノベルティ",
  "手紙",
  "メッセージカード",
  "ラッピング",
  "在庫",
  "欠品",
  "注文した",
  "サポート",
  "店員",
  "お店",
  "サイズ表",
  "商品ページ",
  "検索",
  "払い",
  "ペイ",
  "クレジット",
  "クレカ",
  "定期便",
  "確認",
  "お願いした",
  "アプリ",
  "クーポン",
  "ログイン",
  "カート",
  "後払い",
  "代引",
  "ポイント",
  "置き配",
  "インターホン",
  "配達",
  "運んでもら",
  "運んでくれ",
  "運んでいただ",
  "玄関",
  "急いで",
  "お願いし",
  "手続き",
  "申請",
  "返品",
  "paypay",
  "shipping",
  "deliver",
  "arriv",
  "package",
  "packed",
  "packaging",
  "box",
  "customer service",
  "support",
  "staff",
  "website",
  "checkout",
  "sample",
  "reply",
  "replied",
  "email",
  "site",
  "logging",
  "login",
  "coupon",
  "translate",
  "courier",
  "paypal",
  "pay ",
  "payment",
];

function find(text: string, list: string[]): string[] {
  return list.filter((w) => text.includes(fold(w)));
}

/** Words of `list` said only inside a longer word of `over` ("ギフト" in "ギフト包装" is the wrapping). */
function findOutside(text: string, list: string[], over: string[]): string[] {
  const spans = over
    .map(fold)
    .flatMap((o) =>
      [
        ...text.matchAll(
          new RegExp(o.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g"),
        ),
      ].map((m) => [m.index, m.index + o.length]),
    );
  return list.filter((w) => {
    const f = fold(w);
    for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1))
      if (
        !spans.some(
          ([a, b]) => at >= a && at + f.length <= b && b - a > f.length,
        )
      )
        return true;
    return false;
  });
}

export interface LoyaltyReading {
  loyalty: Loyalty;
  names: string[];
  /** a name or a stated habit of coming back */
  psychScore: number;
  /** a purpose, use, occasion, price or feeling */
  behavScore: number;
  cues: string[];
}

/**
 * The catalog names a comment mentions. Latin names must be whole words ("st" is not in "fast");
 * katakana words are also compared by sound with the Latin names ("コールマン" for Coleman).
 */
function namesIn(
  folded: string,
  text: string,
  catalog: CatalogNames,
): NameEntry[] {
  const found = new Set<NameEntry>();
  for (const [key, entry] of catalog.names) {
    const at = folded.indexOf(key);
    if (at < 0) continue;
    if (
      /^[a-z0-9]/.test(key) &&
      new RegExp(
        `(?<![a-z0-9])${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![a-z0-9])`,
      ).test(folded) === false
    )
      continue;
    found.add(entry);
  }
  if (catalog.sounds?.size || catalog.katakana?.size) {
    for (const run of katakanaRuns(text)) {
      for (const [word, entry] of catalog.katakana ?? [])
        if (
          run.word.startsWith(word) &&
          !/^[ァィゥェォャュョッーン]/.test(run.word.slice(word.length))
        )
          found.add(entry);
      for (const [skeleton, entry] of catalog.sounds ?? []) {
        if (run.prefixes.some((p) => p.length >= 3 && soundsAlike(p, skeleton)))
          found.add(entry);
      }
    }
  }
  return [...found];
}

/** `folded` is fold(text); `scored` whether the comment has a sentiment either way. */
export function loyaltyOf(
  folded: string,
  catalog: CatalogNames | undefined,
  scored: boolean,
  text = folded,
): LoyaltyReading {
  const matched = catalog ? namesIn(folded, text, catalog) : [];
  const names = matched.map((v) => v.label);
  const psych = [
    ...find(folded, PSYCHOLOGICAL),
    ...PSYCHOLOGICAL_PATTERNS.filter((p) => p.test(folded)).map(
      (p) => p.exec(folded)![0],
    ),
  ];
  const behav = findOutside(folded, BEHAVIORAL, NONE);
  const experience = find(folded, EXPERIENCE);
  const none = find(folded, NONE);
  // A maker's name is the strongest sign; a model word from a title a little less; a stated
  // habit of coming back counts like a name. Needs, uses and feelings weigh against them.
  const psychScore =
    3 * matched.filter((v) => v.kind === "vendor").length +
    2 * matched.filter((v) => v.kind === "model").length +
    psych.length;
  const behavScore = behav.length;
  let loyalty: Loyalty;
  if (find(folded, SERVICE).length && !matched.length && !behavScore)
    loyalty = "none";
  // Not used yet: whatever they plan, they can only speak of the order and the parcel.
  else if (
    NOT_YET.test(folded) &&
    !matched.length &&
    !psych.length &&
    !experience.length &&
    !scored
  )
    loyalty = "none";
  else if (psychScore > behavScore) loyalty = "psychological";
  // Mostly about the parcel or the service, with a purpose only mentioned in passing.
  else if (none.length > behavScore && !experience.length) loyalty = "none";
  else if (behavScore > 0) loyalty = "behavioral";
  else if (none.length && !experience.length) loyalty = "none";
  else if (experience.length || (scored && !none.length))
    loyalty = "behavioral";
  else loyalty = "none";
  return {
    loyalty,
    names,
    psychScore,
    behavScore,
    cues: [
      ...psych,
      ...behav,
      ...experience,
      ...(loyalty === "none" ? none : []),
    ],
  };
}
