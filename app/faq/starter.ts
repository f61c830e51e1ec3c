/**
 * Starter questions: what shoppers ask almost every shop, in Japanese and English, for a merchant
 * whose FAQ is empty. They are added as drafts: the shop's own facts are left in 【】 (ja) and [ ]
 * (en) for the merchant to fill in before publishing. Each comes with a few ways shoppers ask it.
 */
export interface StarterEntry {
  handle: string;
  ja: StarterText;
  en: StarterText;
}

interface StarterText {
  category: string;
  question: string;
  answer: string;
  phrasings: string[];
}

export const STARTER_ENTRIES: StarterEntry[] = [
  {
    handle: "shipping-time",
    ja: {
      category: "配送",
      question: "注文した商品はいつ届きますか?",
      answer:
        "<p>ご注文から【2〜3営業日】以内に発送します。発送後、お届けまで通常【1〜3日】です。発送時に追跡番号をメールでお知らせします。</p>",
      phrasings: ["届くまで何日かかる?", "発送はいつ?"],
    },
    en: {
      category: "Shipping",
      question: "When will my order arrive?",
      answer:
        "<p>We ship within [2–3 business days] of your order, and delivery usually takes [1–3 days] after that. You get a tracking number by email when it ships.</p>",
      phrasings: ["how long does delivery take", "how soon will it go out"],
    },
  },
  {
    handle: "shipping-fee",
    ja: {
      category: "配送",
      question: "送料はいくらですか?",
      answer:
        "<p>全国一律【〇〇円】です。【〇〇円】以上のご注文は送料無料です。</p>",
      phrasings: ["送料無料になる?"],
    },
    en: {
      category: "Shipping",
      question: "How much is shipping?",
      answer:
        "<p>Shipping is a flat [amount]. Orders over [amount] ship free.</p>",
      phrasings: ["do you ship for free over some amount"],
    },
  },
  {
    handle: "order-tracking",
    ja: {
      category: "配送",
      question: "荷物の配送状況は確認できますか?",
      answer:
        "<p>発送時にお送りするメールの追跡番号から確認できます。ログインすると注文履歴にも表示されます。</p>",
      phrasings: ["荷物がどこにあるか知りたい", "追跡番号は?"],
    },
    en: {
      category: "Shipping",
      question: "How can I track my order?",
      answer:
        "<p>Use the tracking link in your shipping confirmation email. It also appears in your order history when you sign in.</p>",
      phrasings: ["where is my package"],
    },
  },
  {
    handle: "change-or-cancel",
    ja: {
      category: "ご注文",
      question: "注文の変更やキャンセルはできますか?",
      answer:
        "<p>発送準備に入る前であれば変更・キャンセルできます。お早めにお問い合わせください。</p>",
      phrasings: ["やっぱり注文をやめたい", "住所を間違えた"],
    },
    en: {
      category: "Orders",
      question: "Can I change or cancel my order?",
      answer:
        "<p>Yes, until we start preparing it for shipment. Contact us as soon as you can.</p>",
      phrasings: ["I entered the wrong address"],
    },
  },
  {
    handle: "returns",
    ja: {
      category: "返品・交換",
      question: "返品や交換はできますか?",
      answer:
        "<p>商品到着後【7日】以内で未使用のものに限り、返品・交換を承ります。お問い合わせフォームからご連絡ください。</p>",
      phrasings: ["サイズが合わない", "イメージと違った"],
    },
    en: {
      category: "Returns",
      question: "Can I return or exchange an item?",
      answer:
        "<p>Unused items can be returned or exchanged within [7 days] of delivery. Contact us through the contact form to start a return.</p>",
      phrasings: ["it doesn't fit", "can I send it back"],
    },
  },
  {
    handle: "damaged-or-wrong-item",
    ja: {
      category: "返品・交換",
      question: "届いた商品が破損していた・違っていた場合は?",
      answer:
        "<p>お手数ですが、到着後【7日】以内に写真を添えてご連絡ください。送料は当店負担で交換または返金いたします。</p>",
      phrasings: ["壊れて届いた", "注文と違う商品が届いた"],
    },
    en: {
      category: "Returns",
      question: "What if my item arrived damaged or wrong?",
      answer:
        "<p>Contact us within [7 days] of delivery with a photo. We will replace it or refund you, and we pay the shipping.</p>",
      phrasings: ["it arrived broken", "I got the wrong item"],
    },
  },
  {
    handle: "refund-timing",
    ja: {
      category: "返品・交換",
      question: "返金はいつされますか?",
      answer:
        "<p>返品の到着を確認してから【5営業日】以内に、お支払いに使われた方法へ返金します。カード会社によっては反映までさらに数日かかります。</p>",
      phrasings: ["お金はいつ戻る?"],
    },
    en: {
      category: "Returns",
      question: "When will I get my refund?",
      answer:
        "<p>We refund your original payment method within [5 business days] of receiving the return. Your card issuer may take a few more days to show it.</p>",
      phrasings: ["how long until the money is back on my card"],
    },
  },
  {
    handle: "payment-methods",
    ja: {
      category: "お支払い",
      question: "利用できるお支払い方法は?",
      answer:
        "<p>クレジットカード、【コンビニ払い・代金引換など】がご利用いただけます。</p>",
      phrasings: ["カードは使える?", "後払いできる?"],
    },
    en: {
      category: "Payment",
      question: "Which payment methods do you accept?",
      answer: "<p>We accept credit cards and [other methods].</p>",
      phrasings: ["can I pay with PayPal"],
    },
  },
  {
    handle: "receipt",
    ja: {
      category: "お支払い",
      question: "領収書は発行できますか?",
      answer:
        "<p>注文番号とご希望の宛名をお問い合わせフォームからお知らせください。PDFでお送りします。</p>",
      phrasings: ["宛名を会社名にしたい"],
    },
    en: {
      category: "Payment",
      question: "Can I get a receipt or invoice?",
      answer:
        "<p>Send us your order number and the name to put on it through the contact form, and we will email you a PDF.</p>",
      phrasings: ["I need an invoice for my company"],
    },
  },
  {
    handle: "gift-wrapping",
    ja: {
      category: "ご注文",
      question: "ギフト包装はできますか?",
      answer:
        "<p>【無料/〇〇円】で承ります。ご注文時の備考欄にご希望をご記入ください。</p>",
      phrasings: ["プレゼント用にしたい", "のしは付けられる?"],
    },
    en: {
      category: "Orders",
      question: "Do you offer gift wrapping?",
      answer: "<p>Yes, for [price]. Add a note at checkout.</p>",
      phrasings: ["it's a present"],
    },
  },
  {
    handle: "account",
    ja: {
      category: "ご注文",
      question: "会員登録をしないと注文できませんか?",
      answer:
        "<p>会員登録なしでもご注文いただけます。登録すると注文履歴を確認できます【。ポイントも貯まります】。</p>",
      phrasings: ["ゲストで買える?"],
    },
    en: {
      category: "Orders",
      question: "Do I need an account to order?",
      answer:
        "<p>No, you can check out as a guest. With an account you can see your order history[ and earn points].</p>",
      phrasings: ["can I order without signing up"],
    },
  },
  {
    handle: "contact",
    ja: {
      category: "お問い合わせ",
      question: "問い合わせ方法を教えてください",
      answer:
        "<p>お問い合わせフォームから24時間受け付けています。【平日10時〜17時】に順にお返事します。</p>",
      phrasings: ["電話で相談したい", "返事が来ない"],
    },
    en: {
      category: "Contact",
      question: "How can I contact you?",
      answer:
        "<p>Use our contact form any time; we reply [on weekdays, 10:00–17:00].</p>",
      phrasings: ["I haven't heard back"],
    },
  },
];

const STARTER_ANSWERS = new Set(
  STARTER_ENTRIES.flatMap((e) => [e.ja.answer, e.en.answer]),
);

/** An answer still exactly as a starter question wrote it: its 【】 / [ ] are not filled in. */
export function isStarterAnswer(answer: string): boolean {
  return STARTER_ANSWERS.has(answer);
}
