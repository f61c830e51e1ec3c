import { describe, expect, it } from "vitest";
import { analyzeComment, loyaltyShares } from "./analysis";
import { catalogNames } from "./catalog";

const sandals = catalogNames([
  {
    title: "Teva ハリケーン XLT2",
    vendor: "Teva",
    productType: "サンダル",
    tags: ["スポーツサンダル"],
  },
  {
    title: "ビーチサンダル ベーシック 24cm",
    vendor: "つなぐ履物店",
    productType: "ビーチサンダル",
    tags: ["夏"],
  },
]);
const tea = catalogNames([
  {
    title: "深蒸し煎茶 さえみどり 100g",
    vendor: "Kotobuki Tea",
    productType: "緑茶",
    tags: ["煎茶"],
  },
]);

describe("sentiment", () => {
  it("reads positive and negative words, and negation flips them", () => {
    expect(analyzeComment("とても美味しいです").sentiment).toBe("positive");
    expect(analyzeComment("美味しくないです").sentiment).toBe("negative");
    expect(analyzeComment("好きじゃない").sentiment).toBe("negative");
    expect(analyzeComment("おいしいとは感じなかった").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("問題なかったです").sentiment).toBe("positive");
    expect(analyzeComment("not good at all").sentiment).toBe("negative");
    expect(analyzeComment("my back doesn't hurt anymore").sentiment).toBe(
      "positive",
    );
  });

  it("reads patterns no word list covers: inability, waiting, unlike the usual or the picture, 'too …'", () => {
    expect(analyzeComment("途中で使えなくなりました").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("一度使うともう手放せない").sentiment).toBe(
      "positive",
    );
    expect(analyzeComment("届くまで2週間もかかりました").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("写真とは色が違いました").sentiment).toBe("negative");
    expect(analyzeComment("思っていたより小さい").sentiment).toBe("negative");
    expect(analyzeComment("メールの返事が5日なかった").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("刺激がなくて使いやすい").sentiment).toBe("positive");
    expect(analyzeComment("The strap is too short").sentiment).toBe("negative");
    expect(analyzeComment("Shipping took 3 weeks").sentiment).toBe("negative");
  });

  it("keeps lukewarm comments neutral", () => {
    expect(analyzeComment("まあまあです").sentiment).toBe("neutral");
    expect(analyzeComment("可もなく不可もなく").sentiment).toBe("neutral");
    expect(analyzeComment("It's fine I guess").sentiment).toBe("neutral");
  });

  it("reads a stated purpose as a fact, a repeat purchase or a named choice as praise", () => {
    expect(
      analyzeComment("セールだったので試しに買ってみました").sentiment,
    ).toBe("neutral");
    expect(
      analyzeComment("ジョギング用に防水のものが欲しかった").sentiment,
    ).toBe("neutral");
    expect(analyzeComment("これで3台目です").sentiment).toBe("positive");
    expect(analyzeComment("さえみどりを探していました", tea).sentiment).toBe(
      "positive",
    );
    // Ending on a fault, the repeat purchase is not praise.
    expect(
      analyzeComment("リピートです。ただ今回は首回りが少しゆるく感じました")
        .sentiment,
    ).toBe("neutral");
  });

  it("keeps hopes, suppositions and lukewarm negation out of the verdict", () => {
    expect(
      analyzeComment("彼へのプレゼントにしました。喜んでくれるといいな")
        .sentiment,
    ).toBe("neutral");
    expect(
      analyzeComment("汚れても気にならない素材でいいですね").sentiment,
    ).toBe("positive");
    expect(analyzeComment("特別おいしいとは感じなかった").sentiment).toBe(
      "neutral",
    );
    expect(analyzeComment("あまりおいしくなかった").sentiment).toBe("negative");
  });

  it("softens a fault said with 少し / ちょっと, but not a feeling", () => {
    expect(analyzeComment("使い方が少し分かりにくかったです").sentiment).toBe(
      "neutral",
    );
    expect(analyzeComment("使い方が分かりにくかったです").sentiment).toBe(
      "negative",
    );
    expect(
      analyzeComment("色味が写真と違っていて少しがっかりしました").sentiment,
    ).toBe("negative");
    // A feeling outweighs the praise of the maker before it.
    expect(analyzeComment("好きなブランドなので残念です").sentiment).toBe(
      "negative",
    );
  });

  it("reads what is left unsaid at the end: のに, ちょっと…, a contrast trailing off", () => {
    expect(
      analyzeComment("洗濯したら縮みました。この値段でこれはちょっと…")
        .sentiment,
    ).toBe("negative");
    expect(
      analyzeComment(
        "可愛いけど1ヶ月で剥がれてきました。前に買ったのはもっと丈夫だったのに",
      ).sentiment,
    ).toBe("negative");
    expect(
      analyzeComment(
        "今回のは少し粉っぽかったかな。ずっとこれなのでまた買いますが…",
      ).sentiment,
    ).toBe("neutral");
    expect(
      analyzeComment("クッキーが割れていました。味は美味しいですが…").sentiment,
    ).toBe("negative");
    expect(analyzeComment("この香りは他じゃ無理").sentiment).toBe("positive");
  });

  it("weighs what follows a contrast more", () => {
    expect(analyzeComment("デザインは好きだけど、すぐに壊れた").sentiment).toBe(
      "negative",
    );
    expect(
      analyzeComment("The box was damaged but the sandals are great").sentiment,
    ).toBe("positive");
  });
});

describe("loyalty", () => {
  it("is psychological when the comment names this shop's maker or model", () => {
    expect(
      analyzeComment(
        "Tevaのハリケーンを探していたのでここで買いました",
        sandals,
      ),
    ).toMatchObject({
      loyalty: "psychological",
      names: ["Teva", "ハリケーン"],
    });
    expect(analyzeComment("さえみどりを探していました", tea).loyalty).toBe(
      "psychological",
    );
    expect(analyzeComment("The Kotobuki sencha, as usual", tea).loyalty).toBe(
      "psychological",
    );
  });

  it("is psychological for a second unit, a former model or collecting the maker, named or not", () => {
    expect(analyzeComment("これで3台目です").loyalty).toBe("psychological");
    expect(
      analyzeComment("前のモデルが良かったので新しいのも買いました").loyalty,
    ).toBe("psychological");
    expect(analyzeComment("違う色も欲しくなって").loyalty).toBe(
      "psychological",
    );
  });

  it("does not take another shop's names, or category words, for a name", () => {
    expect(analyzeComment("さえみどりを探していました", sandals).loyalty).toBe(
      "behavioral",
    );
    expect(
      analyzeComment("サンダルを探していたら可愛いと思いました", sandals)
        .loyalty,
    ).toBe("behavioral");
    expect(analyzeComment("ビーチサンダルが欲しくて", sandals).loyalty).toBe(
      "behavioral",
    );
  });

  it("is behavioural for purpose, use and feeling, and none for shipping and service", () => {
    expect(
      analyzeComment("暑いから何かサンダルが欲しくて", sandals).loyalty,
    ).toBe("behavioral");
    expect(analyzeComment("画像で一目惚れ", sandals).loyalty).toBe(
      "behavioral",
    );
    expect(analyzeComment("配送が早くて助かりました", sandals)).toMatchObject({
      loyalty: "none",
      sentiment: "positive",
    });
    expect(analyzeComment("Shipping took forever", sandals)).toMatchObject({
      loyalty: "none",
      sentiment: "negative",
    });
  });

  it("reads the shop's site, payment and delivery service as none, a product fault or a second use as behavioural", () => {
    expect(
      analyzeComment("サイトで色を見比べられて選びやすかった", sandals).loyalty,
    ).toBe("none");
    expect(
      analyzeComment("重い荷物を玄関まで運んでもらえました", sandals).loyalty,
    ).toBe("none");
    expect(
      analyzeComment("発送は早かったのに、天板が反っていました", sandals)
        .loyalty,
    ).toBe("behavioral");
    expect(
      analyzeComment("来客用の椅子としても使えそう", sandals).loyalty,
    ).toBe("behavioral");
    expect(analyzeComment("Runs a bit small", sandals).loyalty).toBe(
      "behavioral",
    );
  });

  it("gives each product the share of each loyalty type, summing to one", () => {
    const shares = loyaltyShares([
      { products: ["a"], loyalty: "psychological" },
      { products: ["a", "b"], loyalty: "behavioral" },
      { products: ["a"], loyalty: "behavioral" },
      { products: ["b"], loyalty: "none" },
    ]);
    expect(shares.get("a")).toEqual({
      psychological: 1 / 3,
      behavioral: 2 / 3,
      none: 0,
      comments: 3,
    });
    for (const s of shares.values())
      expect(s.psychological + s.behavioral + s.none).toBeCloseTo(1);
  });
});

describe("questions, requests, expectations and facts", () => {
  it("reads a question or a request for information as neutral, even with praise before it", () => {
    expect(
      analyzeComment("このシリーズは便利ですが、替えの部品はありますか?")
        .sentiment,
    ).toBe("neutral");
    expect(analyzeComment("Can I put it in the dishwasher?").sentiment).toBe(
      "neutral",
    );
    expect(analyzeComment("サイズ違いも出してほしいな").sentiment).toBe(
      "neutral",
    );
  });

  it("reads falling short of expectations, damage and broken promises as complaints", () => {
    expect(analyzeComment("思ったほど温かくない").sentiment).toBe("negative");
    expect(
      analyzeComment("The lamp isn't as bright as I expected").sentiment,
    ).toBe("negative");
    expect(analyzeComment("Smaller than I expected").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("封筒に穴が開いていました").sentiment).toBe(
      "negative",
    );
    expect(
      analyzeComment("即日発送と書いてあったのに、3日後の発送でした").sentiment,
    ).toBe("negative");
    expect(
      analyzeComment("The parcel was stuck in customs for two weeks").sentiment,
    ).toBe("negative");
  });

  it("lets a verdict after a hedge stand, and reads a word inside a longer one once", () => {
    expect(
      analyzeComment("少し重い気がします。でももう他のペンには戻れない")
        .sentiment,
    ).toBe("positive");
    expect(analyzeComment("期待どおりの書き心地です").sentiment).toBe(
      "positive",
    );
    expect(
      analyzeComment("机の高さはちょうどいいけど、まだ様子見です").sentiment,
    ).toBe("neutral");
    expect(
      analyzeComment("特別すごいとは思わないけど不満もないです").sentiment,
    ).toBe("neutral");
  });

  it("reads a kanji inside another word, and 'stopped working' or 'only this will do', for what they are", () => {
    expect(analyzeComment("雑貨も一緒に買えて満足").sentiment).toBe("positive");
    expect(analyzeComment("腰痛が楽になりました").sentiment).toBe("positive");
    expect(
      analyzeComment("大丈夫かなと思ったけど問題なく使えています").sentiment,
    ).toBe("positive");
    expect(analyzeComment("二週間でインクが出なくなりました").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("もうこのノートしか使えない").sentiment).toBe(
      "positive",
    );
    expect(
      analyzeComment("Box arrived crushed and the lid was scratched").sentiment,
    ).toBe("negative");
  });

  it("reads 'as in the photo' as praise, 'less than I had expected' as a fault, and a product question as about the product", () => {
    expect(analyzeComment("色味は写真通りでした").sentiment).toBe("positive");
    expect(
      analyzeComment("期待していたほどの発色ではなかったです").sentiment,
    ).toBe("negative");
    expect(analyzeComment("脚の長さは調整できますか？")).toMatchObject({
      sentiment: "neutral",
      loyalty: "behavioral",
    });
    expect(analyzeComment("代引きは使えますか?")).toMatchObject({
      sentiment: "neutral",
      loyalty: "none",
    });
  });

  it("reads a comment on an item not used yet as about the order, unless it judges the item", () => {
    expect(
      analyzeComment("Haven't tried it yet, going hiking next week"),
    ).toMatchObject({ sentiment: "neutral", loyalty: "none" });
    expect(
      analyzeComment("まだ使ってないけど、デザインが可愛くて気に入ってます"),
    ).toMatchObject({ sentiment: "positive", loyalty: "behavioral" });
  });

  it("reads something done with ease as praise, and something that broke easily as a fault", () => {
    expect(analyzeComment("一人でも5分で組み立てられました").sentiment).toBe(
      "positive",
    );
    expect(analyzeComment("簡単に壊れた").sentiment).toBe("negative");
    expect(analyzeComment("取っ手がすぐに外れました").sentiment).toBe(
      "negative",
    );
  });

  it("knows common verdict words and phrases beyond the first lists", () => {
    expect(analyzeComment("吸水性がいまいちでした").sentiment).toBe("negative");
    expect(analyzeComment("取っ手が持ちにくい").sentiment).toBe("negative");
    expect(analyzeComment("割れにくい素材で安心").sentiment).toBe("positive");
    expect(analyzeComment("評判通りの使い心地です").sentiment).toBe("positive");
    expect(
      analyzeComment("悪くはないけど、前のほうが好きだった").sentiment,
    ).toBe("negative");
    expect(analyzeComment("Exactly as described").sentiment).toBe("positive");
    expect(analyzeComment("Not as described at all").sentiment).toBe(
      "negative",
    );
    expect(
      analyzeComment("They replaced it without any hassle").sentiment,
    ).toBe("positive");
    expect(analyzeComment("Decent for the price").sentiment).toBe("neutral");
    expect(analyzeComment("有田焼の器が好きで集めています").loyalty).toBe(
      "psychological",
    );
  });

  it("reads polite negatives, 'can't go wrong' and 'worth more than the price'", () => {
    expect(analyzeComment("ピースが一つ足りませんでした").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("到着予定日を過ぎても届きません").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("重くて持ち運びには向きません")).toMatchObject({
      sentiment: "negative",
      loyalty: "behavioral",
    });
    expect(analyzeComment("ここのお菓子はやっぱり間違いない").sentiment).toBe(
      "positive",
    );
    expect(analyzeComment("お値段以上の価値があります").sentiment).toBe(
      "positive",
    );
    expect(analyzeComment("Smaller than the photos suggest").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("The pieces don't fit together").sentiment).toBe(
      "negative",
    );
  });

  it("reads polite negation (〜ありません, 〜ませんでした) like the plain one", () => {
    expect(analyzeComment("美味しくありませんでした").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("好きではありません").sentiment).toBe("negative");
    expect(analyzeComment("問題ありませんでした").sentiment).toBe("positive");
    expect(analyzeComment("使いやすくはありません").sentiment).toBe("negative");
    expect(analyzeComment("肌に合いませんでした").sentiment).toBe("negative");
    expect(analyzeComment("メールの返信がありません").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("まだ使っていないので分かりません").sentiment).toBe(
      "neutral",
    );
  });

  it("reads regret, refusing to come back and 'would not recommend' as complaints; 'no complaints' as praise", () => {
    expect(analyzeComment("買わなきゃよかった").sentiment).toBe("negative");
    expect(analyzeComment("リピなしです").sentiment).toBe("negative");
    expect(analyzeComment("もう買いません").sentiment).toBe("negative");
    expect(analyzeComment("選んで正解でした").sentiment).toBe("positive");
    expect(analyzeComment("Would not recommend").sentiment).toBe("negative");
    expect(analyzeComment("Does not work").sentiment).toBe("negative");
    expect(analyzeComment("No complaints").sentiment).toBe("positive");
    expect(analyzeComment("Does it work with an iPhone").sentiment).toBe(
      "neutral",
    );
  });

  it("reads 'hard to break' as praise and gift wrapping as the shop's service", () => {
    expect(analyzeComment("壊れにくい").sentiment).toBe("positive");
    expect(analyzeComment("クリップが折れました").sentiment).toBe("negative");
    expect(analyzeComment("ギフト包装が綺麗でした").loyalty).toBe("none");
    expect(analyzeComment("ギフトに選びました。綺麗な色です").loyalty).toBe(
      "behavioral",
    );
  });

  it("knows common English review phrases", () => {
    expect(analyzeComment("Colour faded after one wash").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("Not what I expected").sentiment).toBe("negative");
    expect(analyzeComment("Stopped charging after a month").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("Keeps falling off").sentiment).toBe("negative");
    expect(analyzeComment("Returned it").sentiment).toBe("negative");
    expect(analyzeComment("Exactly what I needed").sentiment).toBe("positive");
    expect(analyzeComment("Easy to clean").sentiment).toBe("positive");
    expect(analyzeComment("Took ages to arrive")).toMatchObject({
      sentiment: "negative",
      loyalty: "none",
    });
  });

  it("knows everyday praise and faults, and the negation of an adverb's verb", () => {
    expect(analyzeComment("しっかりした作りで驚きました").sentiment).toBe(
      "positive",
    );
    expect(
      analyzeComment("蓋がしっかり閉まらず、中身が漏れました").sentiment,
    ).toBe("negative");
    expect(analyzeComment("肌がもちもちになりました").sentiment).toBe(
      "positive",
    );
    expect(analyzeComment("電池の減りが早い").sentiment).toBe("negative");
    expect(
      analyzeComment("毎日使っていますが、まだへたりません").sentiment,
    ).toBe("positive");
    expect(
      analyzeComment("期待していた効果は感じられませんでした").sentiment,
    ).toBe("negative");
    expect(analyzeComment("ネットで見た通りの色でした").sentiment).toBe(
      "positive",
    );
    expect(analyzeComment("他のブランドには戻れません").sentiment).toBe(
      "positive",
    );
  });

  it("reads 'does not become' as negation, a wrong item and a stopping device as faults, a new hobby as a purpose", () => {
    expect(analyzeComment("厚みがあって膝が痛くならない").sentiment).toBe(
      "positive",
    );
    expect(analyzeComment("届いた商品が違うものでした").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("充電が途中で止まることがある").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("返品対応が早くて助かりました").sentiment).toBe(
      "positive",
    );
    expect(analyzeComment("Mat smells strongly of rubber").sentiment).toBe(
      "negative",
    );
    expect(analyzeComment("ヨガを始めたので購入")).toMatchObject({
      sentiment: "neutral",
      loyalty: "behavioral",
    });
  });
});
