/**
 * Built-in concepts of online-shop FAQs, in Japanese and English, written from how shoppers and
 * shops talk about ordering in general (not from any one shop's FAQ). Each group is one concept;
 * an entry that mentions one member is also found by the others. Phrases may be several words
 * ("お金 戻る" = money coming back = a refund). Merchants add their own in the admin.
 */
export const LEXICON: readonly (readonly string[])[] = [
  // When will it ship / arrive
  ["発送", "出荷", "発送日", "出荷日", "届く", "到着", "お届け", "配達", "着く", "ship", "shipping", "dispatch", "arrive", "arrival", "deliver", "delivery"],
  ["配送日数", "お届け日数", "到着 日数", "何日 届く", "delivery time", "shipping time", "transit time", "how long"],
  ["即日発送", "当日発送", "今日 出る", "今日 発送", "same day", "same-day shipping", "ship today"],
  ["日時指定", "配達日 指定", "時間指定", "お届け日 指定", "配達 時間", "delivery date", "time slot", "choose delivery"],
  ["配送状況", "追跡", "追跡番号", "お問い合わせ番号", "伝票番号", "荷物 どこ", "track", "tracking", "tracking number", "where is my order", "order status"],
  ["海外発送", "海外配送", "国際配送", "海外 送る", "international shipping", "ship abroad", "overseas", "worldwide"],
  ["配送業者", "運送会社", "ヤマト", "佐川", "郵便", "宅配便", "carrier", "courier", "post"],
  ["配送先", "届け先", "お届け先", "住所", "住所 変更", "送り先", "address", "shipping address", "change address"],
  // Fees
  ["送料", "配送料", "配送手数料", "送料 いくら", "送料無料", "postage", "shipping fee", "shipping cost", "delivery fee", "free shipping", "how much shipping"],
  ["手数料", "決済手数料", "代引き手数料", "fee", "charge", "surcharge"],
  ["値段", "価格", "料金", "いくら", "金額", "price", "cost", "how much"],
  ["税込", "消費税", "税抜", "tax", "vat", "sales tax", "included tax"],
  // Payment
  ["支払い", "支払方法", "支払い方法", "決済", "払う", "お支払い", "payment", "pay", "payment method", "checkout"],
  ["代引き", "代金引換", "着払い", "現金 受け取り時", "cash on delivery", "cod", "pay on delivery"],
  ["クレジットカード", "クレカ", "カード払い", "visa", "mastercard", "amex", "jcb", "credit card", "card"],
  ["コンビニ払い", "コンビニ決済", "コンビニ", "後払い", "convenience store payment", "pay later", "konbini"],
  ["銀行振込", "振込", "振り込み", "bank transfer", "wire transfer"],
  ["領収書", "領収証", "請求書", "インボイス", "適格請求書", "明細書", "receipt", "invoice", "bill"],
  // Returns, refunds, exchanges
  ["返品", "返却", "返送", "送り返す", "返す", "返品 できる", "return", "returns", "send back", "return policy"],
  ["返金", "払い戻し", "払戻", "お金 戻る", "お金 返す", "返金 いつ", "refund", "money back", "reimburse", "get my money"],
  ["交換", "取り替え", "取替", "サイズ交換", "exchange", "swap", "replace", "replacement"],
  ["不良品", "初期不良", "破損", "壊れ", "傷", "汚れ", "欠陥", "間違い 届く", "誤配送", "defective", "damaged", "broken", "faulty", "wrong item"],
  ["キャンセル", "取り消し", "取消", "注文 取り消す", "やめる", "cancel", "cancellation", "cancel order"],
  ["注文変更", "注文 変更", "数量 変更", "change order", "modify order", "edit order"],
  // Products and stock
  ["在庫", "在庫切れ", "品切れ", "欠品", "売り切れ", "入荷", "再入荷", "入荷予定", "stock", "in stock", "out of stock", "sold out", "restock", "back in stock"],
  ["予約", "予約注文", "予約販売", "先行予約", "pre-order", "preorder", "reserve"],
  ["サイズ", "寸法", "大きさ", "サイズ感", "サイズ表", "センチ", "cm", "インチ", "inch", "size", "sizing", "size chart", "fit", "dimensions"],
  ["色", "カラー", "色違い", "color", "colour"],
  ["素材", "材質", "成分", "原材料", "material", "fabric", "ingredients"],
  ["アレルギー", "アレルゲン", "allergy", "allergen"],
  ["賞味期限", "消費期限", "使用期限", "期限", "日持ち", "expiry", "expiration", "best before", "shelf life"],
  ["保存", "保管", "保存方法", "冷蔵", "冷凍", "常温", "storage", "store", "keep", "refrigerate"],
  ["使い方", "使用方法", "取扱説明書", "説明書", "手順", "how to use", "instructions", "manual", "guide", "setup"],
  ["保証", "保証期間", "修理", "故障", "warranty", "guarantee", "repair"],
  ["お手入れ", "洗濯", "手入れ", "メンテナンス", "care", "wash", "cleaning", "maintenance"],
  // Gifts
  ["ギフト", "プレゼント", "贈り物", "贈答", "gift", "present"],
  ["ラッピング", "包装", "ギフト包装", "のし", "熨斗", "メッセージカード", "wrapping", "gift wrap", "gift wrapping", "message card"],
  ["納品書", "金額 入れない", "価格 記載", "packing slip", "price tag", "hide price"],
  // Account, points, coupons, subscriptions
  ["会員登録", "アカウント", "アカウント作成", "新規登録", "ログイン", "サインイン", "account", "sign up", "register", "log in", "login", "sign in"],
  ["パスワード", "パスワード 忘れ", "再設定", "password", "forgot password", "reset password"],
  ["退会", "アカウント削除", "delete account", "close account"],
  ["ポイント", "ポイント 貯まる", "ポイント 使う", "還元", "points", "reward", "loyalty"],
  ["クーポン", "割引", "割引コード", "セール", "値引き", "プロモーションコード", "coupon", "discount", "discount code", "promo code", "sale", "voucher"],
  ["定期購入", "定期便", "定期", "サブスク", "サブスクリプション", "subscription", "subscribe", "recurring"],
  ["メルマガ", "ニュースレター", "配信停止", "メール 届く", "newsletter", "unsubscribe", "email"],
  ["注文確認", "注文 確認", "確認メール", "注文履歴", "order confirmation", "order history", "confirmation email"],
  ["問い合わせ", "お問い合わせ", "連絡", "連絡先", "電話", "電話番号", "contact", "contact us", "phone", "support", "customer service"],
  ["店舗", "実店舗", "営業時間", "定休日", "shop", "store hours", "opening hours", "physical store"],
  ["法人", "大量注文", "まとめ買い", "卸", "業務用", "bulk order", "wholesale", "business"],
];

/**
 * Concepts shoppers mix up or ask about together: a question about refunds is often answered by
 * the returns entry, "when will it arrive" by the shipping-time one. Linked at a lower weight.
 */
export const RELATED: readonly (readonly [string, string])[] = [
  ["返品", "返金"],
  ["返品", "交換"],
  ["返品", "不良品"],
  ["発送", "配送日数"],
  ["発送", "配送状況"],
  ["支払い", "代引き"],
  ["支払い", "クレジットカード"],
  ["支払い", "コンビニ払い"],
  ["支払い", "銀行振込"],
  ["送料", "手数料"],
  ["在庫", "予約"],
  ["ギフト", "ラッピング"],
  ["会員登録", "パスワード"],
  ["保証", "不良品"],
  ["使い方", "お手入れ"],
];
