import { expect, test, type Page } from "@playwright/test";

/**
 * The customer-voice issue's demo, in a browser: a merchant creates an NPS survey, a shopper
 * answers it on the storefront block and on the thank-you page, a follow-up email's score link
 * records a score, and the survey dashboard counts them and shows the analysed comments.
 */
async function openSurveys(page: Page, locale: "ja" | "en") {
  await page.goto(`/admin?locale=${locale}`);
  await page
    .locator("#app-sub a", {
      hasText: locale === "ja" ? "アンケート" : "Surveys",
    })
    .click();
  return page.frameLocator("#app-frame");
}

test("a shopper answers on the storefront, the thank-you page and by email; the merchant sees the counts", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // An order by webhook, so the app knows a real customer and order to link answers to.
  const created = await request.post("/_dev/events/order", { data: {} });
  expect(created.status()).toBe(201);
  const orderId = String((await created.json()).orderId)
    .split("/")
    .pop();

  // 1. The merchant creates a bilingual NPS survey asked on all three channels.
  let app = await openSurveys(page, "ja");
  await app.getByRole("link", { name: "アンケートを追加" }).first().click();
  await app
    .getByLabel("質問(日本語)")
    .fill("このショップを友人にすすめる可能性はどのくらいありますか?");
  await app
    .getByLabel("質問(英語)")
    .fill("How likely are you to recommend us to a friend?");
  await app.getByLabel("サンクスページ").check();
  await app.getByLabel("メールのリンク").check();
  // Out of range: the server says so under the field, in Japanese (the browser's English
  // "Value must be greater than or equal to 0." bubble once stopped the form instead).
  const window = app.getByLabel("同じお客様に再び聞かない期間(日)");
  await window.fill("-1");
  await app.getByRole("button", { name: "保存して公開" }).click();
  await expect(app.getByText("0〜730の日数を入力してください。")).toBeVisible();
  await window.fill("90");
  await app.getByRole("button", { name: "保存して公開" }).click();
  // Saved and published: the dashboard lists it (the form's own title also contains "アンケート").
  await expect(
    app.getByRole("heading", { level: 1, name: "アンケート", exact: true }),
  ).toBeVisible();
  await expect(
    app.getByRole("link", {
      name: "このショップを友人にすすめる可能性はどのくらいありますか?",
    }),
  ).toBeVisible();
  // No answers yet: the list of surveys first, then what to do instead of empty axes and tables.
  const noAnswers = app.getByText("まだ回答がありません", { exact: true });
  await expect(noAnswers).toBeVisible();
  for (const step of [
    "「アンケート(つなぐ)」ブロック",
    "「Tsunagu サンクスページブロック」",
    "「満足度アンケート(お届け14日後)」",
  ])
    await expect(app.getByText(step)).toBeVisible();
  await expect(
    app.getByRole("link", { name: "フォローアップを開く" }),
  ).toBeVisible();
  await expect(app.getByText("チャネル別", { exact: true })).toHaveCount(0);
  await expect(app.getByText("月別", { exact: true })).toHaveCount(0);
  const listTop = (await app
    .getByRole("heading", { name: "アンケート一覧" })
    .boundingBox())!.y;
  expect(listTop).toBeLessThan((await noAnswers.boundingBox())!.y);
  await page.screenshot({ path: "screenshots/surveys-no-answers-ja.png" });

  // 2. A shopper answers the storefront block (the page asks the app nothing until then).
  await page.goto("/storefront/pages/survey?locale=ja");
  const block = page.locator("tsunagu-survey");
  await expect(block.locator("legend")).toHaveText(
    "このショップを友人にすすめる可能性はどのくらいありますか?",
  );
  // On a 360 px phone the scale is 0–5 above 6–10, the low word above 0 and the high word below
  // 10 at its right edge (it wrapped 4, 4, 3 with "すすめない" under 8).
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  const box = async (l: ReturnType<typeof block.locator>) =>
    (await l.boundingBox())!;
  const score = (n: number) =>
    box(block.locator(".tsunagu-survey__score").nth(n));
  const [zero, five, six, ten] = await Promise.all([0, 5, 6, 10].map(score));
  expect(five.y).toBe(zero.y);
  expect(six.y).toBeGreaterThan(zero.y + zero.height - 1);
  expect(ten.y).toBe(six.y);
  expect(ten.x + ten.width).toBeLessThanOrEqual(360);
  const low = await box(block.getByText("すすめない", { exact: true }));
  const high = await box(block.getByText("ぜひすすめたい", { exact: true }));
  expect(low.y + low.height).toBeLessThanOrEqual(zero.y + 1);
  expect(Math.abs(low.x - zero.x)).toBeLessThan(2);
  expect(high.y).toBeGreaterThanOrEqual(ten.y + ten.height - 1);
  expect(Math.abs(high.x + high.width - (ten.x + ten.width))).toBeLessThan(2);
  await page.screenshot({ path: "screenshots/survey-block-phone-ja.png" });
  if (desktop) await page.setViewportSize(desktop);
  await block.getByText("9", { exact: true }).click();
  await block.locator("textarea").fill("梱包が丁寧で、届くのも早かったです");
  await block.getByRole("button", { name: "送信する" }).click();
  await expect(block.locator(".tsunagu-survey__status")).toHaveText(
    "ご回答ありがとうございました!",
  );
  await page.screenshot({ path: "screenshots/survey-block-ja.png" });
  // Answered in this browser: on the next visit the block stays out of the way.
  await page.reload();
  await expect(block).toBeHidden();

  // 3. The thank-you page question (the checkout UI extension, in the dev store's host).
  await page.goto(`/storefront/thank-you/${orderId}?locale=ja`);
  const ext = page.frameLocator(".ui-ext iframe");
  await expect(
    ext.getByText("このショップを友人にすすめる可能性はどのくらいありますか?"),
  ).toBeVisible();
  await ext.getByRole("button", { name: "3点" }).click();
  await ext
    .getByLabel("よろしければ理由をお聞かせください(任意)")
    .fill("サイズが思っていたより小さかったです");
  await page.screenshot({
    path: "screenshots/survey-thank-you-question-ja.png",
    fullPage: true,
  });
  await ext.getByRole("button", { name: "送信する" }).click();
  await expect(ext.getByText("ご回答ありがとうございました。")).toBeVisible();
  await page.screenshot({
    path: "screenshots/survey-thank-you-ja.png",
    fullPage: true,
  });

  // 4. A follow-up email's one-click link (the survey page shows real links for the latest order).
  // One answer per survey and order: the email asks about the customer's next order.
  const next = await request.post("/_dev/events/order", { data: {} });
  expect(next.status()).toBe(201);
  const nextName = String((await next.json()).name);
  await expect(async () => {
    app = await openSurveys(page, "ja");
    await app
      .getByRole("link", {
        name: "このショップを友人にすすめる可能性はどのくらいありますか?",
      })
      .click();
    await expect(app.getByText(`注文 ${nextName} の実際のリンク`)).toBeVisible({
      timeout: 3_000,
    });
  }).toPass({ timeout: 30_000 });
  const href = await app
    .getByRole("link", { name: "10", exact: true })
    .getAttribute("href");
  expect(href).toMatch(/\/survey\/[\w-]+\.[\w-]+$/);
  // The page speaks the customer's language (the seeded customer may be Japanese or English).
  await page.goto(href!);
  await expect(
    page.getByText(
      /ご回答ありがとうございました。|Thank you for your answer\./,
    ),
  ).toBeVisible();
  await page
    .getByLabel(/理由をお聞かせください|tell us why/)
    .fill("いつもの緑茶をまた買いました。とても美味しいです");
  await page.getByRole("button", { name: /送信する|Send/ }).click();
  await expect(
    page.getByText(
      /コメントをお寄せいただきありがとうございました。|Thank you for your comment\./,
    ),
  ).toBeVisible();
  await page.screenshot({ path: "screenshots/survey-email-link.png" });
  // The same link again changes nothing.
  await page.goto(href!);
  await expect(
    page.getByText(/すでにご回答いただいています|already answered/),
  ).toBeVisible();

  // 5. The dashboard: people first, then NPS; comments analysed with their reasons.
  await expect(async () => {
    const dash = await openSurveys(page, "ja");
    await expect(
      dash.locator(".Polaris-Badge", { hasText: "ネガティブ" }).first(),
    ).toBeVisible({ timeout: 3_000 });
    await expect(
      dash.locator(".Polaris-Badge", { hasText: "分析中…" }),
    ).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  app = page.frameLocator("#app-frame");
  const tile = (label: string) =>
    app.getByRole("heading", { name: label }).locator("xpath=..");
  await expect(tile("回答数")).toContainText("3");
  await expect(tile("推奨者(ファン、9〜10)")).toContainText("2");
  await expect(tile("批判者(0〜6)")).toContainText("1");
  await expect(
    app.getByText("梱包が丁寧で、届くのも早かったです"),
  ).toBeVisible();
  await expect(
    app.getByText("サイズが思っていたより小さかったです"),
  ).toHaveCount(2); // in the follow-ups and in the feed
  await expect(
    app.getByRole("heading", { name: "フォローアップが必要な回答(1)" }),
  ).toBeVisible();
  await page.screenshot({
    path: "screenshots/surveys-dashboard-ja.png",
    fullPage: true,
  });
});
