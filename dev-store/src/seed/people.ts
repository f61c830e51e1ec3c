import type { Address } from "./types";
import type { Rng } from "./random";

// Synthetic names and addresses. Any resemblance to real people is chance.
const JA_FAMILY = [
  "佐藤",
  "鈴木",
  "高橋",
  "田中",
  "伊藤",
  "渡辺",
  "山本",
  "中村",
  "小林",
  "加藤",
  "吉田",
  "山田",
  "佐々木",
  "山口",
  "松本",
  "井上",
  "木村",
  "林",
  "斎藤",
  "清水",
  "山崎",
  "森",
  "池田",
  "橋本",
  "阿部",
  "石川",
  "前田",
  "藤田",
  "小川",
  "岡田",
];
const JA_GIVEN = [
  "花子",
  "太郎",
  "陽菜",
  "蓮",
  "結衣",
  "湊",
  "美咲",
  "大翔",
  "葵",
  "悠真",
  "さくら",
  "健太",
  "由美",
  "翔",
  "明美",
  "直樹",
  "彩",
  "拓也",
  "真由",
  "誠",
  "恵",
  "翼",
  "優子",
  "和也",
  "千尋",
];
const JA_FAMILY_LATIN: Record<string, string> = {
  佐藤: "sato",
  鈴木: "suzuki",
  高橋: "takahashi",
  田中: "tanaka",
  伊藤: "ito",
  渡辺: "watanabe",
  山本: "yamamoto",
  中村: "nakamura",
  小林: "kobayashi",
  加藤: "kato",
  吉田: "yoshida",
  山田: "yamada",
  佐々木: "sasaki",
  山口: "yamaguchi",
  松本: "matsumoto",
  井上: "inoue",
  木村: "kimura",
  林: "hayashi",
  斎藤: "saito",
  清水: "shimizu",
  山崎: "yamazaki",
  森: "mori",
  池田: "ikeda",
  橋本: "hashimoto",
  阿部: "abe",
  石川: "ishikawa",
  前田: "maeda",
  藤田: "fujita",
  小川: "ogawa",
  岡田: "okada",
};
const EN_GIVEN = [
  "Emma",
  "Liam",
  "Olivia",
  "Noah",
  "Ava",
  "James",
  "Mia",
  "Lucas",
  "Sophie",
  "Ethan",
  "Chloe",
  "Daniel",
  "Grace",
  "Henry",
  "Ella",
];
const EN_FAMILY = [
  "Smith",
  "Johnson",
  "Brown",
  "Taylor",
  "Wilson",
  "Clarke",
  "Walker",
  "Hughes",
  "Evans",
  "Young",
  "King",
  "Wright",
];
const JA_PLACES: [string, string, string][] = [
  ["東京都", "渋谷区", "150-00"],
  ["東京都", "世田谷区", "154-00"],
  ["大阪府", "大阪市北区", "530-00"],
  ["神奈川県", "横浜市中区", "231-00"],
  ["愛知県", "名古屋市中区", "460-00"],
  ["福岡県", "福岡市中央区", "810-00"],
  ["北海道", "札幌市中央区", "060-00"],
  ["京都府", "京都市左京区", "606-00"],
  ["宮城県", "仙台市青葉区", "980-00"],
  ["広島県", "広島市中区", "730-00"],
  ["沖縄県", "那覇市", "900-00"],
  ["静岡県", "静岡市葵区", "420-00"],
];
const EN_PLACES: [string, string, string, string][] = [
  ["Portland", "Oregon", "US", "972"],
  ["Austin", "Texas", "US", "787"],
  ["Toronto", "Ontario", "CA", "M5V"],
  ["London", "England", "GB", "EC1"],
  ["Sydney", "New South Wales", "AU", "200"],
  ["Singapore", "Singapore", "SG", "018"],
];

export function person(r: Rng, locale: "ja" | "en", n: number) {
  if (locale === "ja") {
    const lastName = r.pick(JA_FAMILY);
    const firstName = r.pick(JA_GIVEN);
    const [province, city, zip] = r.pick(JA_PLACES);
    const phone = r.chance(0.7)
      ? `+8190${String(10000000 + ((n * 7919) % 89999999)).padStart(8, "0")}`
      : null;
    const address: Address = {
      firstName,
      lastName,
      address1: `${r.int(1, 5)}-${r.int(1, 30)}-${r.int(1, 20)}`,
      city,
      province,
      zip: `${zip}${String(r.int(1, 99)).padStart(2, "0")}`,
      country: "Japan",
      countryCode: "JP",
      phone,
    };
    return {
      firstName,
      lastName,
      email: `${JA_FAMILY_LATIN[lastName]}.${n}@example.jp`,
      phone,
      address,
    };
  }
  const firstName = r.pick(EN_GIVEN);
  const lastName = r.pick(EN_FAMILY);
  const [city, province, countryCode, zip] = r.pick(EN_PLACES);
  const phone = r.chance(0.5)
    ? `+1503555${String(n % 10000).padStart(4, "0")}`
    : null;
  const address: Address = {
    firstName,
    lastName,
    address1: `${r.int(10, 999)} ${r.pick(["Oak", "Pine", "Maple", "Cedar", "Elm"])} Street`,
    city,
    province,
    zip: `${zip}${r.int(10, 99)}`,
    country: countryCode,
    countryCode,
    phone,
  };
  return {
    firstName,
    lastName,
    email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}.${n}@example.com`,
    phone,
    address,
  };
}
