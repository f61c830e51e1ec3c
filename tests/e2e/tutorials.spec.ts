import { expect, test } from "@playwright/test";

/**
 * Tutorials and tracking after the purchase, in a browser: the merchant attaches a tutorial to
 * the product a customer just bought (resource picker), and the dev store's thank-you and
 * order-status pages — running the app's real UI extensions — show it in the customer's language,
 * with "preparing shipment" until the parcel ships and the carrier and tracking link after.
 */
test("a product's tutorial and the parcel's tracking reach the buyer after the purchase", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const customer = await request.post("/_dev/events/customer", {
    data: {
      firstName: "花子",
      lastName: "山田",
      email: `tut-${Date.now()}@example.com`,
      locale: "ja",
    },
  });
  expect(customer.status()).toBe(201);
  const created = (await customer.json()) as {
    customerId?: string;
    id?: string;
  };
  const customerId = String(created.customerId ?? created.id)
    .split("/")
    .pop();
  const order = await request.post("/_dev/events/order", {
    data: { customerId, locale: "ja" },
  });
  expect(order.status()).toBe(201);
  const orderId = String((await order.json()).orderId)
    .split("/")
    .pop();

  // What was bought, as the thank-you page lists it.
  await page.goto(`/storefront/thank-you/${orderId}?locale=ja`);
  const product = (
    (await page
      .locator("main li, body > ul li, ul li")
      .first()
      .textContent()) ?? ""
  )
    .split(" × ")[0]
    .trim();
  expect(product).not.toBe("");

  // The merchant attaches a tutorial to it.
  await page.goto("/admin?locale=ja");
  await page.locator("#app-sub a", { hasText: "チュートリアル" }).click();
  const app = page.frameLocator("#app-frame");
  await expect(
    app.getByRole("heading", { level: 1, name: "チュートリアル", exact: true }),
  ).toBeVisible();
  await app.getByRole("link", { name: "チュートリアルを追加" }).first().click();
  await expect(
    app.getByRole("heading", {
      level: 1,
      name: "チュートリアルを追加",
      exact: true,
    }),
  ).toBeVisible();
  // Saving without a product or a language says which fields are missing, and saves nothing.
  await app.getByRole("button", { name: "保存" }).click();
  await expect(
    app.getByText("商品かコレクションを一つ以上選んでください"),
  ).toBeVisible();
  await app.getByLabel("タイトル").first().fill("はじめての使い方(動画)");
  // A link without its scheme is the server's to refuse, in Japanese under the field (the
  // browser's own "Please enter a URL." bubble once stopped the form instead).
  await app.getByLabel("URL").first().fill("video.example/start-ja");
  await app.getByRole("button", { name: "保存" }).click();
  await expect(
    app.getByText("http:// または https:// で始まるURLを入力してください"),
  ).toBeVisible();
  await app.getByLabel("URL").first().fill("https://video.example/start-ja");
  await app.getByLabel("タイトル").nth(1).fill("Getting started (video)");
  await app.getByLabel("URL").nth(1).fill("https://video.example/start-en");
  await app.getByRole("button", { name: "商品を選択" }).click();
  const picker = page.locator("dialog#picker");
  await expect(picker).toBeVisible();
  await picker.getByLabel("商品を検索").fill(product);
  await picker
    .locator("label", { hasText: product })
    .first()
    .locator("input")
    .check();
  await picker.getByRole("button", { name: "選択" }).click();
  await expect(app.getByText(product).first()).toBeVisible();
  await app.getByRole("button", { name: "保存" }).click();
  await expect(app.getByText("保存して商品に公開しました")).toBeVisible();
  await page.screenshot({
    path: "screenshots/tutorials-editor-ja.png",
    fullPage: true,
  });
  await page.locator("#app-sub a", { hasText: "チュートリアル" }).click();
  await expect(app.getByText("はじめての使い方(動画)")).toBeVisible();
  await page.screenshot({
    path: "screenshots/tutorials-list-ja.png",
    fullPage: true,
  });

  // The buyer's thank-you page: the tutorial in Japanese and the parcel not shipped yet.
  await page.goto(`/storefront/thank-you/${orderId}?locale=ja`);
  const thankYou = page.frameLocator("section.ui-ext iframe").first();
  await expect(thankYou.getByText("はじめての使い方(動画)")).toBeVisible();
  await expect(thankYou.getByText(`対象: ${product}`)).toBeVisible();
  await expect(thankYou.getByText("発送準備中").first()).toBeVisible();
  await page.screenshot({
    path: "screenshots/after-sale-thank-you-e2e-ja.png",
    fullPage: true,
  });

  // It ships; the order-status page (customer accounts) shows the carrier and the tracking link.
  const fulfilled = await request.post("/_dev/events/fulfill", {
    data: {
      orderId,
      company: "ヤマト運輸",
      number: "4455-6677-8899",
      url: "https://track.example/4455",
    },
  });
  expect(fulfilled.status()).toBe(201);
  await page.goto(`/storefront/orders/${orderId}/status?locale=ja`);
  const status = page.frameLocator("section.ui-ext iframe").first();
  await expect(status.getByText("ヤマト運輸").first()).toBeVisible();
  await expect(status.getByText("4455-6677-8899").first()).toBeVisible();
  await expect(
    status.getByRole("link", { name: /配送状況を確認/ }).first(),
  ).toHaveAttribute("href", "https://track.example/4455");
  await expect(status.getByText("はじめての使い方(動画)")).toBeVisible();
  await page.screenshot({
    path: "screenshots/after-sale-order-status-e2e-ja.png",
    fullPage: true,
  });

  // The same page in English shows the English tutorial.
  await page.goto(`/storefront/orders/${orderId}/status?locale=en`);
  await expect(
    page
      .frameLocator("section.ui-ext iframe")
      .first()
      .getByText("Getting started (video)"),
  ).toBeVisible();
});

/**
 * A tutorial attached to a collection (collection picker) reaches the buyer of any product in it,
 * and leaves a product taken out of the collection (collections/update webhook, then a job).
 */
test("a collection's tutorial reaches its products and follows the collection", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const products = (await (
    await request.get("/admin/_resources?type=product")
  ).json()) as {
    id: string;
    title: string;
    vendor: string;
    variants: { id: string }[];
  }[];
  const collections = (await (
    await request.get("/admin/_resources?type=collection")
  ).json()) as { id: string; title: string }[];
  const drones = collections.find((c) => c.title === "ドローン")!;
  const drone = products.find((p) => p.vendor === "SoraWorks")!;
  const customer = await request.post("/_dev/events/customer", {
    data: {
      firstName: "次郎",
      lastName: "空野",
      email: `col-${Date.now()}@example.com`,
      locale: "ja",
    },
  });
  const customerId = String(
    ((await customer.json()) as { customerId: string }).customerId,
  )
    .split("/")
    .pop();
  const order = await request.post("/_dev/events/order", {
    data: {
      customerId,
      locale: "ja",
      lines: [{ variantId: drone.variants[0].id, quantity: 1 }],
    },
  });
  expect(order.status()).toBe(201);
  const orderId = String((await order.json()).orderId)
    .split("/")
    .pop();

  await page.goto("/admin?locale=ja");
  await page.locator("#app-sub a", { hasText: "チュートリアル" }).click();
  const app = page.frameLocator("#app-frame");
  await app.getByRole("link", { name: "チュートリアルを追加" }).first().click();
  await expect(
    app.getByRole("heading", {
      level: 1,
      name: "チュートリアルを追加",
      exact: true,
    }),
  ).toBeVisible();
  await app.getByRole("button", { name: "保存" }).click();
  await expect(
    app.getByText("商品かコレクションを一つ以上選んでください"),
  ).toBeVisible();
  await app.getByLabel("タイトル").first().fill("初回フライトの前に(動画)");
  await app
    .getByLabel("URL")
    .first()
    .fill("https://video.example/first-flight-ja");
  await app.getByRole("button", { name: "コレクションを選択" }).click();
  const picker = page.locator("dialog#picker");
  await expect(picker.getByText("コレクションを選択")).toBeVisible();
  await picker.getByLabel("コレクションを検索").fill("ドローン");
  await picker
    .locator("label", { hasText: "ドローン" })
    .first()
    .locator("input")
    .check();
  await picker.getByRole("button", { name: "選択" }).click();
  await expect(app.getByText("ドローン", { exact: true })).toBeVisible();

  // A collection id the shop does not have (a stale or forged form) is a field error; nothing is saved.
  await app
    .locator('input[name="collections"]')
    .evaluate(
      (el: HTMLInputElement) =>
        (el.value = JSON.stringify([{ id: "424242", title: "偽物" }])),
    );
  await app.getByRole("button", { name: "保存" }).click();
  await expect(
    app.getByText(
      "ストアに見つからないコレクションがあります。選び直してください",
    ),
  ).toBeVisible();
  await expect(
    app.getByRole("heading", {
      level: 1,
      name: "チュートリアルを追加",
      exact: true,
    }),
  ).toBeVisible();

  await app
    .locator('input[name="collections"]')
    .evaluate(
      (el: HTMLInputElement, value: string) => (el.value = value),
      JSON.stringify([{ id: drones.id.split("/").pop(), title: "ドローン" }]),
    );
  await app.getByRole("button", { name: "保存" }).click();
  await expect(app.getByText("保存して商品に公開しました")).toBeVisible();
  await expect(app.getByText(/\d+商品/).first()).toBeVisible();
  // Tall enough for the whole editor inside the app's iframe.
  await page.setViewportSize({ width: 1280, height: 1900 });
  await page.screenshot({
    path: "screenshots/tutorials-collection-editor-ja.png",
  });
  await page.setViewportSize({ width: 1280, height: 860 });

  // The buyer of a drone sees it, named after the product.
  await page.goto(`/storefront/thank-you/${orderId}?locale=ja`);
  const thankYou = page.frameLocator("section.ui-ext iframe").first();
  await expect(thankYou.getByText("初回フライトの前に(動画)")).toBeVisible();
  await expect(thankYou.getByText(`対象: ${drone.title}`)).toBeVisible();

  // The merchant takes the product out of the collection; the webhook's job removes the tutorial.
  const changed = await request.post("/_dev/events/collection", {
    data: { collectionId: drones.id, remove: [drone.id] },
  });
  expect(changed.status()).toBe(200);
  await expect(async () => {
    await page.goto(`/storefront/thank-you/${orderId}?locale=ja`);
    await expect(
      page
        .frameLocator("section.ui-ext iframe")
        .first()
        .getByText("発送準備中")
        .first(),
    ).toBeVisible();
    await expect(
      page
        .frameLocator("section.ui-ext iframe")
        .first()
        .getByText("初回フライトの前に(動画)"),
    ).toHaveCount(0);
  }).toPass({ timeout: 30_000 });
});

/**
 * Bulk assignment from the list: the merchant ticks two tutorials, adds two products to both
 * through the resource picker in one go, and the list shows them. A forged bulk request is
 * refused with 422 and changes nothing.
 */
test("products are added to several tutorials at once from the list", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const products = (await (
    await page.request.get("/admin/_resources?type=product")
  ).json()) as { id: string; title: string }[];
  // Titles that find exactly one product in the picker's search.
  const unique = products.filter(
    (p) => products.filter((q) => q.title.includes(p.title)).length === 1,
  );
  const [first, second, added1, added2] = unique.slice(-4);
  const stamp = Date.now().toString(36);
  const titles = [`一括A ${stamp}`, `一括B ${stamp}`];

  await page.goto("/admin?locale=ja");
  const app = page.frameLocator("#app-frame");
  const picker = page.locator("dialog#picker");
  const pick = async (titlesToTick: string[]) => {
    await expect(picker).toBeVisible();
    for (const title of titlesToTick) {
      await picker.getByLabel("商品を検索").fill(title);
      await picker
        .locator("label", { hasText: title })
        .first()
        .locator("input")
        .check();
    }
    await picker.getByRole("button", { name: "選択" }).click();
  };
  for (const [i, product] of [first, second].entries()) {
    await page.locator("#app-sub a", { hasText: "チュートリアル" }).click();
    await app
      .getByRole("link", { name: "チュートリアルを追加" })
      .first()
      .click();
    await expect(
      app.getByRole("heading", {
        level: 1,
        name: "チュートリアルを追加",
        exact: true,
      }),
    ).toBeVisible();
    await app.getByLabel("タイトル").first().fill(titles[i]);
    await app.getByLabel("URL").first().fill(`https://video.example/bulk-${i}`);
    await app.getByRole("button", { name: "商品を選択" }).click();
    await pick([product.title]);
    await app.getByRole("button", { name: "保存" }).click();
    await expect(app.getByText("保存して商品に公開しました")).toBeVisible();
  }

  await page.locator("#app-sub a", { hasText: "チュートリアル" }).click();
  const row = (title: string) =>
    app.getByRole("row").filter({ hasText: title });
  await expect(row(titles[1])).toContainText(second.title);
  for (const title of titles)
    await row(title).getByRole("checkbox").check({ force: true });
  await expect(app.getByRole("button", { name: "商品に追加" })).toBeVisible();
  await expect(
    app.getByRole("button", { name: "コレクションに追加" }),
  ).toBeVisible();
  await expect(
    app.getByRole("button", { name: "商品・コレクションから外す" }),
  ).toBeVisible();
  await page.screenshot({ path: "screenshots/tutorials-bulk-actions-ja.png" });

  await app.getByRole("button", { name: "商品に追加" }).click();
  await pick([added1.title, added2.title]);
  await expect(page.locator("#toasts")).toContainText(
    "2件のチュートリアルを更新しました(表示が変わった商品: 2件)",
  );
  await expect(row(titles[0])).toContainText(`${first.title} +2`);
  await expect(row(titles[1])).toContainText(`${second.title} +2`);
  // The selection is cleared once the action is done.
  await expect(app.getByRole("button", { name: "商品に追加" })).toHaveCount(0);
  await page.screenshot({ path: "screenshots/tutorials-bulk-added-ja.png" });

  // Removing every product of a tutorial is refused, naming it; nothing changes.
  await row(titles[0]).getByRole("checkbox").check({ force: true });
  await app.getByRole("button", { name: "商品・コレクションから外す" }).click();
  await app
    .getByRole("button", { name: "外す商品を選ぶ", exact: true })
    .click();
  await pick([first.title, added1.title, added2.title]);
  await expect(
    app.getByText(`商品もコレクションもなくなるため外せません: ${titles[0]}`),
  ).toBeVisible();
  await expect(row(titles[0])).toContainText(`${first.title} +2`);

  // A request the page would never send is refused with a message, and writes nothing.
  const refused = await app.locator("body").evaluate(async () => {
    const res = await fetch(
      "/app/tutorials?index&_data=routes%2Fapp.tutorials._index",
      {
        method: "POST",
        body: new URLSearchParams({
          intent: "add-products",
          ids: "not json",
          products: "[]",
        }),
      },
    );
    return {
      status: res.status,
      body: (await res.json()) as { error: string; reason: string },
    };
  });
  expect(refused).toMatchObject({
    status: 422,
    body: { error: "invalid", reason: expect.stringContaining("ids") },
  });
  await page.locator("#app-sub a", { hasText: "FAQ" }).first().click();
  await page.locator("#app-sub a", { hasText: "チュートリアル" }).click();
  await expect(row(titles[0])).toContainText(`${first.title} +2`);
});
