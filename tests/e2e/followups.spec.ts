import { expect, test } from "@playwright/test";

/**
 * The after-the-sale issue's demo, in a browser: the merchant turns on the ready-made flows, an
 * order is created, fulfilled and delivered through the dev store's event API, and the outbox of
 * the local SMTP server receives the tracking email, then the survey at its time (one day of
 * delays = one second here), each once; the tutorial email is skipped, the product having no
 * tutorial (tests/integration/followups.test.ts sends one with tutorials). The survey email
 * needs a survey asked by email link (without one it is skipped too): the merchant adds one first.
 */
test("an order's follow-ups arrive at their times, once each", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await page.goto("/admin?locale=ja");
  await page.locator("#app-sub a", { hasText: "アンケート" }).click();
  const app = page.frameLocator("#app-frame");
  await app.getByRole("link", { name: "アンケートを追加" }).first().click();
  await app
    .getByLabel("質問(日本語)")
    .fill("お届けした商品の満足度を教えてください");
  await app
    .getByLabel("質問(英語)")
    .fill("How satisfied are you with your order?");
  // Asked by email only: the storefront block and thank-you page stay as they are.
  await app.getByLabel("ストアのブロック").uncheck();
  await app.getByLabel("メールのリンク").check();
  await app.getByRole("button", { name: "保存して公開" }).click();
  await expect(
    app.getByRole("link", { name: "お届けした商品の満足度を教えてください" }),
  ).toBeVisible();
  await page.locator("#app-sub a", { hasText: "フォローアップ" }).click();
  await expect(
    app.getByRole("heading", { level: 1, name: "フォローアップ", exact: true }),
  ).toBeVisible();
  for (const name of [
    "発送のお知らせ(追跡リンク)",
    "使い方ガイド(お届け翌日)",
    "満足度アンケート(お届け14日後)",
  ]) {
    const card = app
      .getByRole("heading", { name, exact: true })
      .locator("xpath=ancestor::div[.//button][1]");
    await card.getByRole("button", { name: "オンにする" }).click();
    await expect(
      card.getByRole("button", { name: "オフにする" }),
    ).toBeVisible();
  }
  await page.screenshot({
    path: "screenshots/followups-flows-ja.png",
    fullPage: true,
  });

  // A customer who agreed to email marketing orders; the parcel ships and arrives.
  const email = `e2e-${Date.now()}@example.com`;
  const customer = await request.post("/_dev/events/customer", {
    data: {
      firstName: "花子",
      lastName: "山田",
      email,
      locale: "ja",
      emailMarketingState: "SUBSCRIBED",
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
    data: { customerId },
  });
  expect(order.status()).toBe(201);
  const orderId = String((await order.json()).orderId)
    .split("/")
    .pop();
  await page.waitForTimeout(1_500); // the app mirrors the order from its webhook
  const fulfilled = await request.post("/_dev/events/fulfill", {
    data: { orderId, company: "ヤマト運輸", number: "1234-5678-9012" },
  });
  expect(fulfilled.status()).toBe(201);
  const { fulfillmentId } = (await fulfilled.json()) as {
    fulfillmentId: string;
  };

  const mailsTo = async () =>
    (
      (await (await request.get("/_dev/outbox.json")).json()).mails as {
        to: string[];
        subject: string;
      }[]
    ).filter((m) => m.to.includes(email));
  await expect
    .poll(async () => (await mailsTo()).map((m) => m.subject), {
      timeout: 30_000,
    })
    .toEqual([expect.stringContaining("を発送しました")]);
  expect(
    (
      await request.post("/_dev/events/deliver", { data: { fulfillmentId } })
    ).status(),
  ).toBe(200);
  // The product bought has no tutorial, so the tutorial email is not sent (its template would
  // say "here is how to get started" and then nothing); the survey comes at its time.
  await expect
    .poll(async () => (await mailsTo()).length, { timeout: 40_000 })
    .toBe(2);
  const subjects = (await mailsTo()).map((m) => m.subject);
  expect(subjects[1]).toContain("いかがでしたか");
  // Nothing more arrives, nothing twice.
  await page.waitForTimeout(3_000);
  expect(await mailsTo()).toHaveLength(2);

  await page.goto("/_dev/outbox");
  await expect(page.getByText(email).first()).toBeVisible();
  await page.screenshot({
    path: "screenshots/followups-outbox.png",
    fullPage: true,
  });
  await page.goto("/admin?locale=ja");
  await page.locator("#app-sub a", { hasText: "フォローアップ" }).click();
  await expect(app.getByText(email).first()).toBeVisible();
  await expect(
    app.getByText("注文の商品にチュートリアルがありません").first(),
  ).toBeVisible();
  await page.screenshot({
    path: "screenshots/followups-admin-outbox-ja.png",
    fullPage: true,
  });

  // The outbox fits its card: whether a message went out, and why not, is never cut off.
  const withinOutbox = async (reason: string) => {
    const card = app
      .getByRole("heading", { name: /^(送信履歴|Outbox)$/ })
      .locator(
        "xpath=ancestor::div[contains(@class,'Polaris-ShadowBevel')][1]",
      );
    const cardBox = (await card.boundingBox())!;
    const cell = app.getByText(reason).first();
    await expect(cell).toBeVisible();
    const box = (await cell.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(cardBox.x);
    expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
    const status = app.getByText(/^(送信済み|Sent)$/).first();
    const statusBox = (await status.boundingBox())!;
    expect(statusBox.x + statusBox.width).toBeLessThanOrEqual(
      cardBox.x + cardBox.width,
    );
  };
  await withinOutbox("注文の商品にチュートリアルがありません");
  await page.goto("/admin?locale=en");
  await page.locator("#app-sub a", { hasText: "Follow-ups" }).click();
  await withinOutbox("None of the order's products has a tutorial");
  await page.screenshot({
    path: "screenshots/followups-admin-outbox-en.png",
    fullPage: true,
  });

  // On a phone (Shopify's mobile admin gives the app the whole width), the intro line is inset
  // like the cards' text, and each message is one stacked block with its status.
  await page.setViewportSize({ width: 390, height: 860 });
  await page.goto("/admin?locale=ja");
  await page.locator("#app-sub a", { hasText: "フォローアップ" }).click();
  await expect(
    app.getByRole("heading", { level: 1, name: "フォローアップ", exact: true }),
  ).toBeVisible();
  await page.addStyleTag({
    content:
      "body{grid-template-columns:1fr !important} header,main{grid-column:1/-1 !important} nav{display:none}",
  });
  const intro = app.getByText(/^購入後のメッセージを/);
  const firstCard = app
    .getByRole("heading", { name: "発送のお知らせ(追跡リンク)", exact: true })
    .first();
  const introBox = (await intro.boundingBox())!;
  const cardHeading = (await firstCard.boundingBox())!;
  expect(Math.abs(introBox.x - cardHeading.x)).toBeLessThanOrEqual(1);
  await withinOutbox("注文の商品にチュートリアルがありません");
  await page.screenshot({
    path: "screenshots/followups-admin-outbox-ja-390.png",
    fullPage: true,
  });
});

test("a flow's conditions: language, customer groups and products, kept after saving", async ({
  page,
}) => {
  await page.goto("/admin?locale=ja");
  await page.locator("#app-sub a", { hasText: "フォローアップ" }).click();
  const app = page.frameLocator("#app-frame");
  const card = app
    .getByRole("heading", {
      name: "お久しぶりメール(120日間ご注文なし)",
      exact: true,
    })
    .locator("xpath=ancestor::div[.//a or .//button][1]");
  await card.getByRole("link", { name: "メッセージを編集" }).click();
  await expect(app.getByText("お客様の言語")).toBeVisible();
  await app.getByLabel("日本語", { exact: true }).check();
  await app.getByLabel("エンゲージ(購読・キャンペーン・問い合わせ)").check();
  await app.getByRole("button", { name: "商品を選択" }).click();
  const picker = page.locator("dialog#picker");
  await picker.locator("li input").nth(1).check();
  const chosen = (
    (await picker.locator("li span").nth(1).textContent()) ?? ""
  ).trim();
  await picker.getByRole("button", { name: "選択" }).click();
  await expect(app.getByText(chosen).first()).toBeVisible();
  await app.getByRole("button", { name: "コレクションを選択" }).click();
  await picker.locator("li", { hasText: "ドローン" }).locator("input").check();
  await picker.getByRole("button", { name: "選択" }).click();
  await expect(app.getByText("ドローン").first()).toBeVisible();
  await app.getByRole("button", { name: "保存", exact: true }).click();
  await expect(app.getByText("保存しました。")).toBeVisible();
  // Back through the list: the conditions were stored.
  await page.locator("#app-sub a", { hasText: "フォローアップ" }).click();
  await card.getByRole("link", { name: "メッセージを編集" }).click();
  await expect(app.getByLabel("日本語", { exact: true })).toBeChecked();
  await expect(
    app.getByLabel("エンゲージ(購読・キャンペーン・問い合わせ)"),
  ).toBeChecked();
  await expect(app.getByText(chosen).first()).toBeVisible();
  await expect(app.getByText("ドローン", { exact: true })).toBeVisible();
  await page.screenshot({
    path: "screenshots/followups-conditions-ja.png",
    fullPage: true,
  });
});

test("a flow with steps: add a reminder step, a field error on a bad delay, kept after saving", async ({
  page,
  request,
}) => {
  await page.goto("/admin?locale=ja");
  await page.locator("#app-sub a", { hasText: "フォローアップ" }).click();
  const app = page.frameLocator("#app-frame");
  const card = app
    .getByRole("heading", {
      name: "満足度アンケート(お届け14日後)",
      exact: true,
    })
    .locator("xpath=ancestor::div[.//a or .//button][1]");
  await card.getByRole("link", { name: "メッセージを編集" }).click();
  await expect(
    app.getByRole("heading", { name: "ステップ 1", exact: true }),
  ).toBeVisible();
  await expect(app.getByLabel("きっかけからの待ち時間(日)")).toHaveValue("14");
  await app.getByRole("button", { name: "ステップを追加" }).click();
  await expect(
    app.getByRole("heading", { name: "ステップ 2", exact: true }),
  ).toBeVisible();
  const delay = app.getByLabel("前のステップからの待ち時間(日)");
  await delay.fill("800");
  // The new step starts from the last one's texts; the reminder gets its own subject.
  const subject = app.getByLabel("件名(日本語)").nth(1);
  await subject.fill("【再送】{{ order_name }} のご感想をお聞かせください");
  // The preview follows the texts as typed, before they are saved.
  await expect(
    app.getByText(/^【再送】.* のご感想をお聞かせください$/),
  ).toBeVisible();
  await app.getByRole("button", { name: "保存", exact: true }).click();
  await expect(
    app.getByText("入力内容を確認してください。").first(),
  ).toBeVisible();
  await expect(
    app.getByText("待ち時間は730日(2年)までです。短くしてください。").first(),
  ).toBeVisible();
  await delay.fill("7");
  await app.getByRole("button", { name: "保存", exact: true }).click();
  await expect(app.getByText("保存しました。")).toBeVisible();
  // Saving again from the same page keeps the same two steps.
  await app.getByRole("button", { name: "保存", exact: true }).click();
  await expect(app.getByText("保存しました。")).toBeVisible();
  await expect(app.getByRole("heading", { name: /^ステップ \d$/ })).toHaveCount(
    2,
  );
  // The preview shows both steps rendered with a real order.
  await expect(app.getByText("ステップ 2 · メール · 日本語")).toBeVisible();
  // Each email preview is as tall as its email: the Japanese one, longer, is not cut off.
  const frames = app.locator(
    'iframe[title$="-email-ja"], iframe[title$="-email-en"]',
  );
  expect(await frames.count()).toBeGreaterThan(0);
  for (const frame of await frames.all())
    await expect
      .poll(() =>
        frame.evaluate(
          (el: HTMLIFrameElement) =>
            (el.contentDocument?.documentElement.scrollHeight ?? Infinity) <=
            el.clientHeight,
        ),
      )
      .toBe(true);

  await page.locator("#app-sub a", { hasText: "フォローアップ" }).click();
  await expect(card.getByText("14日後 → 7日後")).toBeVisible();
  await card.getByRole("link", { name: "メッセージを編集" }).click();
  await expect(
    app.getByRole("heading", { name: "ステップ 2", exact: true }),
  ).toBeVisible();
  await expect(app.getByLabel("前のステップからの待ち時間(日)")).toHaveValue(
    "7",
  );
  await expect(app.getByLabel("件名(日本語)").nth(1)).toHaveValue(
    "【再送】{{ order_name }} のご感想をお聞かせください",
  );
  await page.screenshot({
    path: "screenshots/followups-steps-ja.png",
    fullPage: true,
  });

  // A test email sends the texts as the preview shows them, edits not yet saved included.
  await app
    .getByLabel("件名(日本語)")
    .nth(1)
    .fill("【未保存】{{ order_name }} のご感想");
  await app.getByLabel("テストメールの宛先").fill("owner-test@example.com");
  await app.getByRole("button", { name: "テスト送信" }).click();
  await expect(
    app.getByText("owner-test@example.com にテストを送信しました。"),
  ).toBeVisible();
  const tests = (
    (await (await request.get("/_dev/outbox.json")).json()).mails as {
      to: string[];
      subject: string;
    }[]
  )
    .filter((m) => m.to.includes("owner-test@example.com"))
    .map((m) => m.subject);
  expect(tests).toContainEqual(
    expect.stringMatching(/^\[テスト 2\/2\] 【未保存】/),
  );
});
