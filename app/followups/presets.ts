/**
 * Ready-made flows a merchant switches on: tracking link at fulfilment, tutorial a day after
 * delivery, NPS survey 14 days after delivery, replenishment reminder, win-back at 120 days.
 * Wording in Japanese and English for email, LINE and SMS.
 */
/** `replenish`: due a product's consumption cycle after delivery (app/followups/cycles.server.ts). */
export type Trigger =
  "order_created" | "fulfilled" | "delivered" | "no_order" | "replenish";
export const TRIGGERS: Trigger[] = [
  "order_created",
  "fulfilled",
  "delivered",
  "no_order",
  "replenish",
];

export interface Preset {
  key: string;
  trigger: Trigger;
  delayMinutes: number;
  marketing: boolean;
  channels: string[];
  name: { ja: string; en: string };
  templates: Record<string, Record<string, { subject?: string; body: string }>>;
}

const DAY = 24 * 60;

const emailLinks = (var_: string) =>
  `{% for l in ${var_} %}<p><a href="{{ l.url }}">{{ l.title }}</a></p>{% endfor %}`;
const textLinks = (var_: string) =>
  `{% for l in ${var_} %}\n{{ l.title }} {{ l.url }}{% endfor %}`;
/** Words that lead to the links, said only when there are links (a parcel may have no tracking). */
const withTracking = (words: string) =>
  `{% if tracking_links.size > 0 %}${words}{% endif %}`;
// Japanese shops address the customer by full name (山田 花子 様), or お客様 without one; English
// by given name, or "there". Shopify's checkout asks only for the family name by default.
const dearJa = `{% if full_name != "" %}{{ full_name }} 様{% else %}お客様{% endif %}`;
const hiEn = `Hi {{ first_name | default: "there" }},`;
const footerJa = `<p style="color:#888;font-size:12px">{{ shop_name }} · <a href="{{ unsubscribe_link }}">配信停止</a></p>`;
const footerEn = `<p style="color:#888;font-size:12px">{{ shop_name }} · <a href="{{ unsubscribe_link }}">Unsubscribe</a></p>`;

export const PRESETS: Preset[] = [
  {
    key: "tracking",
    trigger: "fulfilled",
    delayMinutes: 0,
    marketing: false,
    channels: ["email", "line", "sms"],
    name: {
      ja: "発送のお知らせ(追跡リンク)",
      en: "Shipping notice with tracking link",
    },
    templates: {
      email: {
        ja: {
          subject: "ご注文 {{ order_name }} を発送しました",
          body: `<p>${dearJa}</p><p>ご注文 {{ order_name }} を発送しました。${withTracking("配送状況は次のリンクからご確認いただけます。")}</p>${emailLinks("tracking_links")}<p>{{ shop_name }}</p>`,
        },
        en: {
          subject: "Your order {{ order_name }} is on its way",
          body: `<p>${hiEn}</p><p>Your order {{ order_name }} has shipped.${withTracking(" Follow it here:")}</p>${emailLinks("tracking_links")}<p>{{ shop_name }}</p>`,
        },
      },
      line: {
        ja: {
          body: `${dearJa}、ご注文 {{ order_name }} を発送しました。${textLinks("tracking_links")}`,
        },
        en: {
          body: `Your order {{ order_name }} has shipped.${textLinks("tracking_links")}`,
        },
      },
      sms: {
        ja: {
          body: `{{ shop_name }}: ご注文 {{ order_name }} を発送しました。{% for l in tracking_links limit:1 %}{{ l.url }}{% endfor %}`,
        },
        en: {
          body: `{{ shop_name }}: order {{ order_name }} shipped. {% for l in tracking_links limit:1 %}{{ l.url }}{% endfor %}`,
        },
      },
    },
  },
  {
    key: "tutorial",
    trigger: "delivered",
    delayMinutes: 1 * DAY,
    marketing: true,
    channels: ["email", "line"],
    name: {
      ja: "使い方ガイド(お届け翌日)",
      en: "How-to guide (day after delivery)",
    },
    templates: {
      email: {
        ja: {
          subject: "{{ order_name }} の商品をもっと楽しむために",
          body: `<p>${dearJa}</p><p>商品は無事に届きましたか?使い方のご案内です。</p>${emailLinks("tutorial_links")}${footerJa}`,
        },
        en: {
          subject: "Getting the most from your order {{ order_name }}",
          body: `<p>${hiEn}</p><p>Your order has arrived. Here is how to get started:</p>${emailLinks("tutorial_links")}${footerEn}`,
        },
      },
      line: {
        ja: {
          body: `${dearJa}、商品の使い方をご案内します。${textLinks("tutorial_links")}\n配信停止: {{ unsubscribe_link }}`,
        },
        en: {
          body: `How to get started with your order:${textLinks("tutorial_links")}\nUnsubscribe: {{ unsubscribe_link }}`,
        },
      },
    },
  },
  {
    key: "survey",
    trigger: "delivered",
    delayMinutes: 14 * DAY,
    marketing: true,
    channels: ["email", "line"],
    name: {
      ja: "満足度アンケート(お届け14日後)",
      en: "Satisfaction survey (14 days after delivery)",
    },
    templates: {
      email: {
        ja: {
          subject: "{{ order_name }} はいかがでしたか?",
          body: `<p>${dearJa}</p><p>お届けした商品はいかがでしたか?ひとことお聞かせください。</p><p><a href="{{ survey_link }}">アンケートに答える</a></p>${footerJa}`,
        },
        en: {
          subject: "How was your order {{ order_name }}?",
          body: `<p>${hiEn}</p><p>How was your order? One question, one click:</p><p><a href="{{ survey_link }}">Answer the survey</a></p>${footerEn}`,
        },
      },
      line: {
        ja: {
          body: `${dearJa}、お届けした商品はいかがでしたか?\n{{ survey_link }}\n配信停止: {{ unsubscribe_link }}`,
        },
        en: {
          body: `How was your order?\n{{ survey_link }}\nUnsubscribe: {{ unsubscribe_link }}`,
        },
      },
    },
  },
  {
    key: "replenish",
    trigger: "replenish",
    delayMinutes: 0,
    marketing: true,
    channels: ["email", "line"],
    name: {
      ja: "買い替え時期のお知らせ(商品ごとの使用周期)",
      en: "Replenishment reminder (each product's cycle)",
    },
    templates: {
      email: {
        ja: {
          subject: "そろそろ買い替えの時期ではありませんか?",
          body: `<p>${dearJa}</p><p>前回のご注文 {{ order_name }} の商品が、そろそろなくなる頃ではありませんか?なくなる前にご用意ください。</p>${footerJa}`,
        },
        en: {
          subject: "Running low?",
          body: `<p>${hiEn}</p><p>The products from your order {{ order_name }} may be running low. Stock up before you run out.</p>${footerEn}`,
        },
      },
      line: {
        ja: {
          body: `${dearJa}、そろそろ買い替えの時期です。\n配信停止: {{ unsubscribe_link }}`,
        },
        en: {
          body: `Running low? It may be time to reorder.\nUnsubscribe: {{ unsubscribe_link }}`,
        },
      },
    },
  },
  {
    key: "winback",
    trigger: "no_order",
    delayMinutes: 120 * DAY,
    marketing: true,
    channels: ["email", "line"],
    name: {
      ja: "お久しぶりメール(120日間ご注文なし)",
      en: "Win-back (no order for 120 days)",
    },
    templates: {
      email: {
        ja: {
          subject: "{{ shop_name }} からのお便り",
          body: `<p>${dearJa}</p><p>しばらくお会いできていませんね。新しい商品も入荷しています。</p>${footerJa}`,
        },
        en: {
          subject: "We miss you at {{ shop_name }}",
          body: `<p>${hiEn}</p><p>It has been a while. Come and see what is new.</p>${footerEn}`,
        },
      },
      line: {
        ja: {
          body: `${dearJa}、お久しぶりです。新しい商品が入荷しています。\n配信停止: {{ unsubscribe_link }}`,
        },
        en: {
          body: `It has been a while — come and see what is new.\nUnsubscribe: {{ unsubscribe_link }}`,
        },
      },
    },
  },
];

/**
 * Earlier wordings of the ready-made templates, by preset, channel and locale. A stored template
 * still equal to one of them was never edited by the merchant, so it is read as today's wording
 * (toFlow): the shipping notice used to say "Follow it here:" even with no tracking link to follow.
 * Besides these, every template as it was before greetings used the full name (beforeNames).
 */
const EARLIER: Record<
  string,
  Record<string, Record<string, { subject?: string; body: string }[]>>
> = {
  tracking: {
    email: {
      ja: [
        {
          subject: "ご注文 {{ order_name }} を発送しました",
          body: `<p>{{ first_name }} 様</p><p>ご注文 {{ order_name }} を発送しました。配送状況は次のリンクからご確認いただけます。</p>${emailLinks("tracking_links")}<p>{{ shop_name }}</p>`,
        },
      ],
      en: [
        {
          subject: "Your order {{ order_name }} is on its way",
          body: `<p>Hi {{ first_name }},</p><p>Your order {{ order_name }} has shipped. Follow it here:</p>${emailLinks("tracking_links")}<p>{{ shop_name }}</p>`,
        },
      ],
    },
  },
};

/** A template as it read before greetings used full_name and a fallback: "{{ first_name }} 様". */
function beforeNames(t: { subject?: string; body: string }) {
  return {
    ...t,
    body: t.body
      .replaceAll(dearJa, "{{ first_name }} 様")
      .replaceAll(hiEn, "Hi {{ first_name }},"),
  };
}

/** A preset flow's templates with every untouched earlier wording replaced by the current one. */
export function currentPresetTemplates(
  preset: string | null,
  templates: Preset["templates"],
): Preset["templates"] {
  const earlier = preset ? EARLIER[preset] : undefined;
  const current = PRESETS.find((p) => p.key === preset)?.templates;
  if (!current) return templates;
  let out = templates;
  for (const [channel, byLocale] of Object.entries(templates))
    for (const [locale, t] of Object.entries(byLocale)) {
      const now = current[channel]?.[locale];
      if (!now) continue;
      const before = [
        ...(earlier?.[channel]?.[locale] ?? []),
        beforeNames(now),
      ];
      if (
        before.some(
          (e) => e.body === t.body && (e.subject ?? "") === (t.subject ?? ""),
        )
      )
        out = {
          ...out,
          [channel]: { ...out[channel], [locale]: { ...now } },
        };
    }
  return out;
}
