import type { Rng } from "./random";

/**
 * A Japanese lifestyle shop's catalog: brands with models, each model in colours or sizes.
 * Vendors and models are invented (brand-like names matter for loyalty analysis).
 */
interface Line {
  productType: string;
  vendor: string;
  models: string[];
  options: string[];
  price: [number, number];
  tags: string[];
  description: string;
}

export const LINES: Line[] = [
  {
    productType: "サンダル",
    vendor: "Tidewalk",
    models: ["Hurrikan XLT", "Coastline", "Drift Sport", "Reef Slide"],
    options: ["ブラック", "オリーブ", "サンド", "ネイビー"],
    price: [6600, 12100],
    tags: ["サンダル", "アウトドア", "夏"],
    description: "<p>水辺でも街でも履ける軽量サンダル。</p>",
  },
  {
    productType: "サンダル",
    vendor: "島田履物店",
    models: ["鼻緒サンダル 藍", "桐下駄 白木", "雪駄 竹皮"],
    options: ["S", "M", "L"],
    price: [4400, 9900],
    tags: ["サンダル", "和装", "手仕事"],
    description: "<p>職人が一足ずつ仕上げる履物。</p>",
  },
  {
    productType: "スキンケア",
    vendor: "ミナモ化粧品",
    models: [
      "導入美容液 しずく",
      "保湿クリーム つつみ",
      "化粧水 ひかり",
      "日焼け止め そよかぜ",
    ],
    options: ["30mL", "50mL", "詰め替え"],
    price: [2200, 8800],
    tags: ["スキンケア", "敏感肌"],
    description:
      "<p>朝晩のお手入れに。使う順番は化粧水、美容液、クリームです。</p>",
  },
  {
    productType: "スキンケア",
    vendor: "Hinoki Lab",
    models: ["Forest Serum", "Cedar Balm", "Mist Toner"],
    options: ["30mL", "100mL"],
    price: [3300, 9900],
    tags: ["スキンケア", "オーガニック"],
    description: "<p>檜の香りのオーガニックケア。</p>",
  },
  {
    productType: "ドローン",
    vendor: "SoraWorks",
    models: ["Mini 4", "Air S2", "Explorer Pro"],
    options: ["スタンダード", "フライモアコンボ"],
    price: [59800, 198000],
    tags: ["ドローン", "空撮", "要設定"],
    description:
      "<p>初回フライトの前にアプリで機体登録とキャリブレーションを行ってください。</p>",
  },
  {
    productType: "アウトドア",
    vendor: "Trail North",
    models: [
      "ウルトラライト テント 2P",
      "ダウンシュラフ 700",
      "チタンマグ 450",
      "トレッキングポール",
    ],
    options: ["グレー", "オレンジ"],
    price: [3300, 49800],
    tags: ["アウトドア", "キャンプ"],
    description: "<p>軽さと丈夫さを両立した山道具。</p>",
  },
  {
    productType: "キッチン",
    vendor: "燕三条工房",
    models: [
      "三徳包丁 170mm",
      "ペティナイフ 120mm",
      "雪平鍋 18cm",
      "玉子焼き器",
    ],
    options: ["ステンレス", "鉄"],
    price: [3850, 16500],
    tags: ["キッチン", "日本製"],
    description: "<p>新潟・燕三条の職人による調理道具。</p>",
  },
  {
    productType: "コーヒー",
    vendor: "Kiln & Co",
    models: [
      "ハンドドリップ セット",
      "コーヒー豆 エチオピア",
      "コーヒー豆 ブラジル",
      "ドリッパー 陶器",
    ],
    options: ["200g", "500g"],
    price: [1650, 7700],
    tags: ["コーヒー", "定期便向け"],
    description: "<p>焙煎から2週間以内においしく飲める豆です。</p>",
  },
];

const COLORS = [
  "#3b6e8f",
  "#8f5b3b",
  "#4f7a4a",
  "#7a4a6e",
  "#b08a2e",
  "#2e6bb0",
  "#a33b3b",
  "#556070",
];

export interface ProductTemplate {
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  tags: string[];
  descriptionHtml: string;
  options: string[];
  basePrice: number;
  color: string;
}

/** At least `count` products: every model of every line, then editions ("2026年限定" etc.). */
export function productTemplates(r: Rng, count: number): ProductTemplate[] {
  const editions = [
    "",
    "限定カラー",
    "2026年モデル",
    "ギフトボックス",
    "アウトレット",
    "セット",
    "ミニ",
    "プロ",
    "復刻版",
  ];
  const out: ProductTemplate[] = [];
  for (let round = 0; out.length < count; round++) {
    for (const line of LINES) {
      for (const model of line.models) {
        if (out.length >= count) break;
        const edition = editions[round % editions.length];
        const title = edition
          ? `${model} ${edition}${round >= editions.length ? ` ${Math.floor(round / editions.length) + 1}` : ""}`
          : model;
        const step = 110;
        const basePrice =
          Math.round(r.int(line.price[0], line.price[1]) / step) * step;
        out.push({
          title,
          handle: `${slug(line.vendor)}-${slug(model)}-${out.length + 1}`,
          vendor: line.vendor,
          productType: line.productType,
          tags: [...line.tags, ...(edition ? [edition] : [])],
          descriptionHtml: line.description,
          options: line.options,
          basePrice,
          color: COLORS[out.length % COLORS.length],
        });
      }
    }
  }
  return out;
}

function slug(text: string): string {
  const ascii = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return ascii || "item";
}
