import { fold } from "../faq/engine/text";

/**
 * Sentiment of a customer's comment, Japanese first, English too: general lexicons with negation
 * ("美味しくない", "not good"), patterns no word list covers, hedges that keep a sentence neutral,
 * and contrast (what follows "けど" / "but" weighs double).
 */
export type Sentiment = "positive" | "neutral" | "negative";

const POSITIVE = [
  "美味し",
  "おいし",
  "旨",
  "うま",
  "良い",
  "よい",
  "良く",
  "良かった",
  "よかった",
  "いい",
  "好き",
  "満足",
  "最高",
  "嬉し",
  "うれし",
  "喜",
  "楽しみ",
  "楽し",
  "気に入",
  "素敵",
  "すてき",
  "可愛",
  "かわい",
  "綺麗",
  "きれい",
  "美し",
  "ありがと",
  "感謝",
  "助か",
  "丁寧",
  "親切",
  "迅速",
  "便利",
  "一目惚れ",
  "快適",
  "素晴らし",
  "すばらし",
  "おすすめ",
  "オススメ",
  "お勧め",
  "安心",
  "感動",
  "感激",
  "ぴったり",
  "ちょうどいい",
  "重宝",
  "役立",
  "役に立",
  "活躍",
  "完璧",
  "申し分",
  "文句なし",
  "期待以上",
  "想像以上",
  "予想以上",
  "優秀",
  "上品",
  "高級感",
  "丈夫",
  "大丈夫",
  "長持ち",
  "楽にな",
  "楽です",
  "楽でした",
  "心地よ",
  "心地良",
  "気持ちい",
  "大事に",
  "愛用",
  "リピート",
  "また買",
  "楽しめ",
  "早い",
  "早かった",
  "早く届",
  "すぐ届",
  "すぐに届",
  "翌日に届",
  "翌日には",
  "好評",
  "見つけ",
  "戻れな",
  "手放せな",
  "やめられな",
  "欠かせな",
  "忘れられな",
  "戻れませ",
  "手放せませ",
  "やめられませ",
  "欠かせませ",
  "忘れられませ",
  "合う",
  "しっとり",
  "さっぱり",
  "なめらか",
  "滑らか",
  "鮮やか",
  "クリア",
  "コスパ最高",
  "手頃",
  "言うことな",
  "いうことな",
  "言う事な",
  "正解",
  "対応が早",
  "対応が迅速",
  "しっかり",
  "すごい",
  "凄い",
  "長く使え",
  "もちもち",
  "ふわふわ",
  "ふかふか",
  "さらさら",
  "ぷるぷる",
  "つるつる",
  "すべすべ",
  "ぽかぽか",
  "間違いな",
  "まちがいな",
  "値段以上",
  "価格以上",
  "以上の価値",
  "テンション上が",
  "信頼",
  "ほっこり",
  "ありがた",
  "有難",
  "◎",
  "☺",
  "😊",
  "😍",
  "👍",
  "♪",
  "最強",
  "神",
  "神対応",
  "ハマ",
  "はま",
  "癒",
  "good",
  "great",
  "love",
  "like it",
  "like them",
  "liked",
  "loved",
  "loves",
  "helps",
  "softer",
  "nice",
  "happy",
  "glad",
  "pleased",
  "thrilled",
  "delighted",
  "satisf",
  "perfect",
  "excellent",
  "delicious",
  "tasty",
  "amazing",
  "awesome",
  "fantastic",
  "beautiful",
  "lovely",
  "cute",
  "recommend",
  "comfortable",
  "comfy",
  "thank",
  "fast",
  "quick",
  "prompt",
  "favorite",
  "favourite",
  "wonderful",
  "best",
  "works",
  "well packed",
  "found it",
  "fine",
  "helpful",
  "friendly",
  "kind",
  "polite",
  "impressed",
  "exceeded",
  "worth it",
  "reliable",
  "sturdy",
  "durable",
  "smooth",
  "gentle",
  "fresh",
  "trust",
  "no complaints",
  "easy to",
  "exactly what",
  "just what i",
  "five stars",
  "5 stars",
  "as described",
  "as pictured",
  "as advertised",
  "as shown",
  "hassle-free",
];
const NEGATIVE = [
  "まずい",
  "不味",
  "違うもの",
  "違う商品",
  "止まる",
  "止まって",
  "止まりま",
  "止まっ",
  "へたり",
  "へたっ",
  "へたる",
  "減りが早",
  "減るのが早",
  "量が少な",
  "リピなし",
  "リピートなし",
  "リピはな",
  "リピートはな",
  "リピートはしな",
  "リピしな",
  "もう買わな",
  "もう買いませ",
  "いまいち",
  "イマイチ",
  "今ひとつ",
  "いまひとつ",
  "今一つ",
  "ひどく",
  "酷く",
  "変な",
  "悪い",
  "悪かった",
  "悪く",
  "残念",
  "不満",
  "遅い",
  "遅かった",
  "遅く",
  "遅れ",
  "遅延",
  "届かない",
  "未着",
  "壊れ",
  "割れ",
  "折れ",
  "欠け",
  "ひび",
  "破損",
  "傷",
  "汚れ",
  "汚い",
  "期待外れ",
  "期待はずれ",
  "外れ",
  "がっかり",
  "二度と",
  "最悪",
  "ひどい",
  "酷い",
  "不良",
  "不具合",
  "故障",
  "断線",
  "途切れ",
  "接続が切れ",
  "音飛び",
  "困",
  "問題",
  "微妙",
  "薄かった",
  "痛い",
  "痛く",
  "痛か",
  "痛み",
  "痛む",
  "きつい",
  "きつく",
  "ゆるい",
  "ゆるく",
  "ゆるかった",
  "緩",
  "焦",
  "仕方な",
  "しかたな",
  "返品",
  "返金",
  "交換してほし",
  "交換して欲し",
  "間違",
  "足りない",
  "足りなかった",
  "足りませ",
  "足りず",
  "届きません",
  "届いていません",
  "届いてません",
  "危な",
  "危険",
  "臭",
  "潰れ",
  "つぶれ",
  "凹",
  "へこ",
  "面倒",
  "不便",
  "不安",
  "心配",
  "雑",
  "安っぽ",
  "チープ",
  "弱い",
  "弱かった",
  "弱く",
  "厳し",
  "暗い",
  "暗く",
  "暗かった",
  "よくない",
  "よくなかった",
  "よくありません",
  "かゆ",
  "痒",
  "荒れ",
  "かぶれ",
  "ヒリヒリ",
  "ピリピリ",
  "ベタつ",
  "べたつ",
  "ベタベタ",
  "べたべた",
  "ほつれ",
  "色落ち",
  "縮ん",
  "毛玉",
  "剥が",
  "漏れ",
  "うるさ",
  "無理",
  "ダメ",
  "だめ",
  "駄目",
  "失敗",
  "後悔",
  "無駄",
  "高い",
  "高かった",
  "大変でした",
  "大変だった",
  "分からなかった",
  "わからなかった",
  "かなり小さめ",
  "かなり大きめ",
  "返信がな",
  "返事がな",
  "連絡がな",
  "続かな",
  "向かな",
  "向きませ",
  "向いていな",
  "向いてな",
  "合わな",
  "劣化",
  "落ちた",
  "イライラ",
  "ストレス",
  "わかりにく",
  "分かりにく",
  "わかりづら",
  "分かりづら",
  "使いにく",
  "使いづら",
  "扱いにく",
  "見にく",
  "聞き取りにく",
  "入っていなかった",
  "入ってなかった",
  "小さかった",
  "大きかった",
  "刺激",
  "バラバラ",
  "ばらつき",
  "ガタガタ",
  "ぐらぐら",
  "グラグラ",
  "がたつ",
  "ガタつ",
  "ぐらつ",
  "これはない",
  "これは無い",
  "ありえな",
  "あり得な",
  "有り得な",
  "💦",
  "😢",
  "😞",
  "bad",
  "terrible",
  "weird",
  "hassle",
  "smells strongly",
  "strong smell",
  "chemical smell",
  "smells like",
  "faded",
  "fades",
  "dies",
  "died",
  "took ages",
  "returned it",
  "sent it back",
  "sending it back",
  "feels cheap",
  "looks cheap",
  "one star",
  "1 star",
  "unclear",
  "don't fit",
  "doesn't fit",
  "didn't fit",
  "horrible",
  "broken",
  "broke",
  "late",
  "slow",
  "disappoint",
  "poor",
  "worst",
  "damaged",
  "awful",
  "wrong",
  "missing",
  "never again",
  "uncomfortable",
  "not worth",
  "stale",
  "bitter",
  "took forever",
  "overpriced",
  "expensive",
  "cuts out",
  "stopped working",
  "doesn't work",
  "didn't work",
  "does not work",
  "did not work",
  "do not work",
  "don't work",
  "not working",
  "faulty",
  "defective",
  "flimsy",
  "cheaply",
  "leak",
  "crushed",
  "scratch",
  "dented",
  "torn",
  "cracked",
  "chipped",
  "ripped",
  "stain",
  "itchy",
  "rash",
  "irritat",
  "sticky",
  "greasy",
  "frustrat",
  "annoy",
  "hate",
  "refund",
  "never replied",
  "never arrived",
  "no reply",
  "rude",
  "unhelpful",
  "confusing",
  "hurt",
  "painful",
  "noisy",
  "regret",
  "waste",
  "meh",
  "not like before",
  "expected better",
  "wobbly",
  "kept logging",
  "keeps crashing",
  "had to try",
  "error",
  "hard to",
  "difficult to",
  "no tracking",
  "no update",
  "no response",
  "no answer",
];
/** Things a product should not do easily: "壊れやすい" is a fault, "壊れにくい" praise. */
const FAULT =
  "(壊れ|汚れ|割れ|冷め|錆び|傷つき|折れ|切れ|取れ|外れ|破れ|崩れ|ほつれ|抜け|落ち|剥がれ|はがれ|漏れ|詰まり|絡まり|こぼれ|倒れ|しわにな|シワにな|色あせ|へたり|ずれ|蒸れ|疲れ)";
/** Said-for-show phrases where an inability is praise ("手放せない": cannot do without). */
const PRAISE_INABILITY =
  /((手放せ|やめられ|止められ|欠かせ|忘れられ|戻れ|待たせ)(な|ませ)|しか[^。、!?]{0,6}な(い|く))/;
/** Patterns no word list covers: inability, waiting, a thing unlike the usual or the picture, "too …". */
const NEGATIVE_PATTERNS: ([RegExp, string] | [RegExp, string, number])[] = [
  // ("使ってない" is "not yet used", not an inability.)
  [
    /(られ|[えけせねめれげべ]|(?<!っ)て|でき)(な(かった|く|い)|ませ)/,
    "できない",
  ],
  // "出なくなった", "動かなくなりました": it stopped doing what it did.
  [
    /([かがさたばまらわ]|[出見来寝]|[えけせてねめれげべ])なくな(った|りました|って|る)/,
    "〜なくなった",
  ],
  [
    /([0-9]+|[一二三四五六七八九十数何]+)\s*(日|週間|か月|ヶ月|カ月|時間)(以上|近く)?(も)?かか(っ|り)/,
    "日数がかかった",
  ],
  [
    /(いつも|前|以前|今まで|これまで|写真|画像|説明|イメージ|注文した(もの|の)?)([^。、!?]{0,8}と(は)?|(と|とは)[^。、!?]{0,6})(違|ちが)/,
    "違っていた",
  ],
  [
    /(思った|思ってた|思っていた|想像|予想|期待|写真|画像)(より|以上に)[^。、!?]{0,8}?(小さ|大き|薄|弱|重|硬|短|長|狭|少な|高|暗|安っぽ|チープ|苦|酸っぱ|すっぱ|甘|辛|しょっぱ|固|濃|うす)/,
    "思ったより",
  ],
  [
    /もっと[^。!?]{0,12}(が|の方が|ほうが|なら|だったら)(よかった|良かった|いい|良い|嬉しい|うれしい)/,
    "もっと〜がよかった",
  ],
  [/[^。!?]{1,6}(れば|たら)(よかった|良かった)/, "〜ばよかった"],
  // "買わなきゃよかった": better not to have bought it (outweighs the よかった inside it).
  [
    /(なきゃ|なければ|なけりゃ|ないほうが|ない方が)(よかった|良かった)/,
    "〜なければよかった",
    2,
  ],
  [
    /[\u3041-\u309f\u4e00-\u9fff](壊れ|汚れ|割れ|冷め|錆び|傷つき|折れ|切れ|取れ|外れ|破れ|崩れ|ほつれ|抜け|落ち|剥がれ|はがれ|漏れ|詰まり|絡まり|こぼれ|倒れ|毛玉にな|色落ちし)やす/,
    "〜やすい(短所)",
  ],
  [
    /\bkept\s+\w+ing\b|\bkeeps\s+(falling|breaking|crashing|disconnecting|dropping|slipping|leaking|ripping|tearing|coming (off|loose|undone))\b/,
    "kept …ing",
  ],
  [/\bstopped\s+(?!itching|hurting)\w+ing\b/, "stopped …ing"],
  [
    /\bnot what (i|we) (expected|ordered|wanted|paid for)/,
    "not what I expected",
    2,
  ],
  [/もっと[^。!?]{0,12}(だった|でした)のに/, "前はもっと〜だったのに"],
  [/(?<=[\u3041-\u309f\u4e00-\u9fff])づら(い|く|かった)/, "〜づらい"],
  [
    new RegExp(
      `(?<!${FAULT})(?<=[\u3041-\u309f\u4e00-\u9fff])にく(い|く|かった)`,
    ),
    "〜にくい",
  ],
  [
    /(返信|返事|連絡|回答|お返事)(が|は|も)[^。、!?]{0,6}(な(い|かった|く|し)|ありませ)/,
    "返信がない",
  ],
  [/やすく(は|も)?(ない|なかっ|ありませ)/, "〜やすくない"],
  [
    /(前|以前|昔|旧|元|もと)(の方|のほう|の|のもの)が(良|よ|い|好き)(かった|い|だった|でした)/,
    "前の方が良かった",
    2,
  ],
  [
    /\btook\s+(\d+|two|three|four|several|many)\s+(days|weeks|months)/,
    "took days",
  ],
  [
    /\btoo\s+(?!good|cute|nice|beautiful|delicious|comfortable|much fun)\w+/,
    "too …",
  ],
  [/すぎ(る|た|て|です|ました|ない)/, "すぎる"],
  // "思ったほど冷えない", "not as warm as I expected": short of what was expected.
  [
    /(思|想像|予想|期待|評判|口コミ|説明)[^。、!?]{0,6}ほど[^。!?]{0,12}(ない|なかった|ません|ず)/,
    "思ったほど〜ない",
    2,
  ],
  [
    /(\bnot|n't)\s+(\w+\s+){0,2}as\s+\w+(\s+\w+)?\s+as\s+(i|we|they)?\s*(expected|hoped|thought|imagined|advertised|described)/,
    "not as … as expected",
    2,
  ],
  [
    /\b(heavier|smaller|bigger|larger|thinner|weaker|shorter|darker|duller|louder|noisier|slower|flimsier|stiffer|harder|rougher|looser|tighter)\s+than\s+(i\s+|we\s+)?(expected|thought|hoped|imagined|pictured|advertised|described|(the\s+)?(photos?|pictures?|images?)|it\s+looks)/,
    "…er than expected",
  ],
  // Damage found on arrival, a stay without news: facts that are complaints.
  [/穴が(開|あ)|(凹ん|へこん|破れ|濡れ|潰れ)で(い|た)/, "破損"],
  [
    /\b(sat|stuck|waited|waiting|held|sitting)\b[^.!?]{0,40}\bfor\s+(\d+|two|three|four|five|several|many)\s+(days|weeks)/,
    "stuck for days",
  ],
];
/** Neither praise nor complaint: "まあまあ", "可もなく不可もなく", "so-so". */
const POSITIVE_PATTERNS: ([RegExp, string] | [RegExp, string, number])[] = [
  // "使いやすい", "持ち運びやすくて", "配りやすかった": easy to …, unless it is easy to break.
  [
    /(?<!(壊れ|汚れ|割れ|冷め|錆び|傷つき|折れ|切れ|取れ|外れ|破れ|崩れ|ほつれ|抜け|落ち|剥がれ|はがれ|漏れ|詰まり|絡まり|こぼれ|倒れ|疲れ|太り|酔い|乾き|荒れ|蒸れ|滑り|ずれ|すべり))(?<=[\u3041-\u309f\u4e00-\u9fff])やす(い|く(?!(は|も)?(ない|なかっ|ありませ))|かった|そう)/,
    "〜やすい",
  ],
  // "壊れにくい", "汚れにくい": hard to break is praise.
  [new RegExp(`${FAULT}にく(い|く|かった)`), "〜にくい(長所)"],
  // Praise through a positive word followed by "すぎ": "良すぎて", "かわいすぎる".
  [
    /(良|よ|い|美味し|おいし|かわい|可愛|きれい|綺麗|素敵|好き|最高|楽し|嬉し|うれし)すぎ/,
    "〜すぎる(称賛)",
  ],
  [
    /\bcan'?t\s+(drink|eat|use|wear|live|go back to)\s+(anything|without|other)/,
    "can't … anything else",
  ],
  // "他じゃ無理", "ここ以外もう使えない": nothing else will do (outweighs the "無理" inside it).
  [
    /(他|ほか|以外)(の|じゃ|では|は|だと|も)?[^。!?]{0,8}(無理|だめ|駄目|(使え|買え|食べ|飲め)(な|ませ))/,
    "他では代わらない",
    2,
  ],
  [/(笑|ｗ|w{2,}|\blol\b)$/, "笑"],
  // "一人でも10分で設営できた", "簡単に組み立てられました": done with ease.
  [
    /(一人でも|ひとりでも|簡単に|かんたんに|楽に|らくに|スムーズに|すんなり|[0-9]+分で)(?![^。、!?]{0,10}(壊|割|汚|破|折|外|取れ|切れ|剥が|はが|ほつれ|へたれ|潰|つぶ|凹|へこ))[^。、!?]{0,10}(でき|られ|れ|え|け|せ)(た|ました)/,
    "簡単にできた",
  ],
  // "写真通り", "評判どおり": as promised.
  [
    /(写真|画像|説明|表記|記載|評判|口コミ|レビュー|イメージ|期待|想像|思った|思っていた|見た|サイト|ページ)(の)?(通り|どおり|とおり)/,
    "〜通り",
  ],
  // "これしか使えない": nothing else will do.
  [
    /しか(使え|買え|使わ|買わ|飲め|飲ま|食べ|履け|履か|着れ|着ら|選べ|選ば)(ない|なく|ません)/,
    "〜しか〜ない",
  ],
];
const NEUTRAL_MARK =
  /(\bi guess\b|we'll see|様子見|特に(問題|変わり|不満)(なし|ない|なく|はない|ありません)|(特別|特に|それほど|そこまで)[^。、!?]{0,10}とは(思わ|感じ)|(^|\.\s*)fine\.?$|\bruns (a bit |slightly )?(small|large|big)\b|許容範囲|do(es)? the job|would be nice|\bwish\b|相応|それなり|なりに|まあ|特に感想|特になし|特にない|いつも通り|いつもどおり|気がし|気がする|かもしれ|かな[。？?]?$|かなあ|まあまあ|可もなく不可もなく|普通(です|でした|かな|だった|の品)|ふつう(です|でした|かな)|so-so|nothing special|\bdecent\b|\bok(ay)?\b|average)/;
const STRONG = new Set([
  "残念",
  "がっかり",
  "最悪",
  "不満",
  "後悔",
  "二度と",
  "最高",
  "大好き",
  "感動",
  "感激",
  "完璧",
  "ひどい",
  "酷い",
  "期待外れ",
  "期待はずれ",
]);
const SOFTENER = /(少し|すこし|ちょっと|ちょい|やや|若干|多少)[^。、!?]{0,8}$/;
const CONCESSIVE = /^(て|で)も/;
const LUKEWARM = /(特に|特別|それほど|そこまで|そんなに|さほど)[^。、!?]*$/;
/** A hope ("喜んでくれるといいな") is not yet an experience. */
const WISH =
  /(と|ば|たら)(いい|良い)(な|なあ|けど|のですが|んですが)|ますように|(だと|なら|と|ば|たら)(助か|嬉し|うれし|ありがた)|て(ほし|欲し)い(な|です|。|$)/;
/** A question or a request for information asks, it does not judge ("使えますか?", "教えてください"). */
const QUESTION =
  /[?？]\s*$|(ますか|ですか|でしょうか|のか|かな)[?？。]*\s*$|(教えて|ご確認)(ください|下さい|ほしい|欲しい|いただけ)|^(can|could|does|do|did|is|are|will|would|should)\s+(i|it|you|this|they|the|there|we|these|that|my|one)\b|^(how|what|when|where|which|why)\b/;
/** "在庫ありとなっていたのに": what was promised and not kept. */
const BROKEN_PROMISE =
  /(と(なって|書いて|書かれて|表示されて|記載されて)(い|あっ)?た|とあった|はずだった|はずな)のに/;
/** Said after the comment's last word: "〜のに" regrets, "これはちょっと…" declines to say "bad". */
const TRAILING_COMPLAINT = /(のに|ちょっと|ちょい)[…。.!〜]*$/;
/** "また買いますが…": a contrast left unsaid is a reservation about what came before it. */
const TRAILING_RESERVATION =
  /(が|けど|けれど|けども)[…。.]*…[…。.]*$|(が|けど|けれど|けども)(\.\.+|。。+)$/;
const PAST_BETTER = /(前|以前|前回|昔)[^。!?]{0,12}もっと/;
const KANJI = /[\u3400-\u9fff]/;
/** Adverbs whose negation comes with the verb after them: "しっかり閉まらず". */
const ADVERB = /^(しっかり|ちゃんと|きちんと|きっちり|ぴったり)$/;
const A_TO_I: Record<string, string> = {
  か: "き",
  が: "ぎ",
  さ: "し",
  た: "ち",
  な: "に",
  ば: "び",
  ま: "み",
  ら: "り",
  わ: "い",
};
/** "届かない" is also said "届きません", "足りなかった" "足りませんでした": the polite form of a negative verb. */
function politeNegative(word: string): string[] {
  const m = /^(.+?)(ない|なかった|な)$/.exec(word);
  if (!m || !/[\u3041-\u309f]$/.test(m[1])) return [];
  const last = m[1].slice(-1);
  const polite = `${m[1].slice(0, -1)}${A_TO_I[last] ?? last}ませ`;
  // "分からなかった" complains of instructions; "分かりません" only says one does not know (yet).
  return /かりませ$/.test(polite) ? [] : [polite];
}
/** Both lists, longest word first, so a longer word claims its text before the words inside it. */
const LEXICON: [string, 1 | -1][] = [
  ...new Map([
    ...POSITIVE.map((w) => [w, 1] as [string, 1]),
    ...[...NEGATIVE, ...NEGATIVE.flatMap(politeNegative)].map(
      (w) => [w, -1] as [string, -1],
    ),
  ]),
].sort((a, b) => fold(b[0]).length - fold(a[0]).length);
const NEGATION =
  /^(が|は|も)?(く|じゃ|では|でも)?(は|も)?(なら|なり)?(なし|ない|なかっ|なく|無い|無し|ありません|ませ|ず|ぬ)|^[^。、!?]{0,4}とは(思|感じ)[^。、]{0,3}(ない|なかっ|ません)/;
const EN_NEGATION = /(\b(not|no|never|hardly|without)|n't)\s+(\w+\s+)?$/;
const CONTRAST =
  /(けど|けれど|けれども|でも|しかし|ただ|ですが|ますが|ましたが|だが|のに|のですが|んですが|が、|but|however|although|though)/i;

function clauseScore(clause: string): { score: number; cues: string[] } {
  let score = 0;
  const cues: string[] = [];
  // A word inside a longer one already read ("いい" in "ちょうどいい") is not read twice.
  const taken: [number, number][] = [];
  for (const [word, sign] of LEXICON) {
    {
      const w = fold(word);
      for (
        let at = clause.indexOf(w);
        at >= 0;
        at = clause.indexOf(w, at + w.length)
      ) {
        if (
          taken.some(
            ([a, b]) => at < b && at + w.length > a && b - a > w.length,
          )
        )
          continue;
        // One kanji next to another kanji is part of another word (雑 in 雑貨, 傷 in 無傷).
        if (
          w.length === 1 &&
          KANJI.test(w) &&
          (KANJI.test(clause[at - 1] ?? "") || KANJI.test(clause[at + 1] ?? ""))
        )
          continue;
        taken.push([at, at + w.length]);
        const after = clause.slice(at + w.length, at + w.length + 14);
        const before = clause.slice(Math.max(0, at - 12), at);
        // "美味しくない", "好きじゃない", "not good": the word is negated.
        const negated =
          (ADVERB.test(w) &&
            /^[^。、!?]{1,6}?(ず|ない|なかっ|ませ)/.test(after)) ||
          (/^[\u3041-\u309f]*$/.test(after.slice(0, 1)) &&
            NEGATION.test(after.replace(/^(かっ|く|し|け)/, (m) => m))) ||
          EN_NEGATION.test(before);
        // "汚れても気にならない": a concessive "even if" is a supposition, not an event; "汚れにくい"
        // (hard to stain) is read by its pattern as praise.
        if (CONCESSIVE.test(after) || (sign < 0 && after.startsWith("にく")))
          continue;
        // "特別おいしいとは感じなかった": "not especially good" is lukewarm, not a complaint.
        if (negated && sign > 0 && LUKEWARM.test(before)) {
          cues.push(`${word}(弱い否定)`);
          continue;
        }
        // Feelings ("残念", "最高") weigh more than descriptions; "少し" / "ちょっと" soften a fault.
        // "不満もない" (no complaint either) is faint praise, not the praise "問題なかった" is.
        // A negated feeling ("不満はない") is no longer a feeling.
        const weight =
          sign < 0 && negated && after.startsWith("も")
            ? 0.5
            : STRONG.has(word) && !negated
              ? 2
              : sign < 0 && !negated && SOFTENER.test(before)
                ? 0.5
                : 1;
        score += (negated ? -sign : sign) * weight;
        cues.push(
          negated ? `${word}(否定)` : weight === 0.5 ? `${word}(弱)` : word,
        );
      }
    }
  }
  // "前に買ったのはもっと丈夫だった": praise of the former item is a complaint about this one.
  if (PAST_BETTER.test(clause) && score > 0) {
    cues.push("前はもっと〜");
    score = -score;
  }
  for (const [pattern, cue, weight = 1] of POSITIVE_PATTERNS) {
    if (!pattern.test(clause)) continue;
    score += weight;
    cues.push(cue);
  }
  for (const [pattern, cue, weight = 1] of NEGATIVE_PATTERNS) {
    const m = pattern.exec(clause);
    // "手放せない" is praise; an inability already read as a negated word is not counted twice.
    if (
      !m ||
      (cue === "できない" &&
        (PRAISE_INABILITY.test(clause) ||
          cues.some((c) => c.endsWith("(否定)")))) ||
      (cue === "すぎる" && cues.includes("〜すぎる(称賛)")) ||
      (cue === "〜にくい" && cues.some((c) => c.includes("にく")))
    )
      continue;
    // "前の方が良かった" outweighs the "良かった" inside it.
    score -= weight;
    cues.push(cue);
  }
  return { score, cues };
}

/** The comment's score (its sign is the sentiment) and the cues it rests on; `folded` is fold(text). */
export function sentimentScore(folded: string): {
  score: number;
  cues: string[];
  endsNegative: boolean;
} {
  // Contrast: the part after "けど" / "but" says what the customer ends up feeling.
  // A trailing "のに" or "けど" leaves an empty last part: the clause before it is the last word.
  const parts = folded
    .split(CONTRAST)
    .filter((p, i) => i % 2 === 0 && p.replace(/[。、!?…\s.]+/g, ""));
  if (!parts.length) parts.push(folded);
  let score = 0;
  let endsNegative = false;
  const cues: string[] = [];
  const lastSentence = sentencesOf(folded).at(-1) ?? folded;
  // "便利ですが、何時間もつのか教えてください": praise that leads into a question is a preface.
  const prefaceToQuestion = parts.length > 1 && QUESTION.test(lastSentence);
  parts.forEach((part, i) => {
    // A hedged sentence ("まあ届いたからいいけど", "気がした") says little either way; the clause's
    // other sentences still count ("薄くなった気がします。残念です。").
    const r = { score: 0, cues: [] as string[] };
    const sentences = sentencesOf(part);
    sentences.forEach((sentence, j) => {
      const one = clauseScore(sentence);
      if (QUESTION.test(sentence)) {
        one.score = 0;
        one.cues.push("質問");
      }
      if (prefaceToQuestion) one.score = Math.min(one.score, 0);
      // The reservation is about the praise just before it, not the rest of the comment.
      if (
        i === parts.length - 1 &&
        j === sentences.length - 1 &&
        TRAILING_RESERVATION.test(folded)
      )
        one.score = Math.min(one.score, 0);
      if (WISH.test(sentence)) one.score = Math.min(one.score, 0);
      r.score +=
        Math.abs(one.score) <= 1 && NEUTRAL_MARK.test(sentence) ? 0 : one.score;
      r.cues.push(...one.cues);
    });
    const last = i === parts.length - 1;
    if (last && parts.length > 1) endsNegative = r.score < 0;
    score += r.score * (last && parts.length > 1 ? 2 : 1);
    cues.push(...r.cues);
  });
  if (TRAILING_COMPLAINT.test(folded)) {
    score -= 1;
    cues.push("〜のに/ちょっと…");
  }
  if (BROKEN_PROMISE.test(folded)) {
    score -= 2;
    cues.push("〜となっていたのに");
  }
  // A hedge at the end ("まだ様子見です") holds back a mild verdict; one at the start does not
  // ("気がします。もう戻れない").
  if (Math.abs(score) <= 1 && NEUTRAL_MARK.test(lastSentence)) score = 0;
  return { score, cues, endsNegative };
}

// English sentences stay whole: "Runs small. Fine otherwise." is one hedged verdict.
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[。!?？！])/).filter((x) => x.trim());
}

/** Asks something ("使えますか?", "Can I …?"): neither praise nor complaint, but about the product. */
export function asksSomething(folded: string): boolean {
  return folded.split(/(?<=[。!?？！.])\s*/).some((x) => QUESTION.test(x));
}

/** Said with a hedge or a reservation: not to be read as praise for want of other cues. */
export function isHedged(folded: string): boolean {
  return (
    NEUTRAL_MARK.test(folded) ||
    TRAILING_RESERVATION.test(folded) ||
    WISH.test(folded) ||
    asksSomething(folded)
  );
}
