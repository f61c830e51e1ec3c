import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { runFollowupPreview } from "~/followups/preview.server";
import { previewFlowFrom } from "~/followups/flow-form";
import { describeFlowError } from "~/followups/flow-errors";
import { translator } from "~/i18n/i18n";
import { loader as askLoader } from "~/routes/survey.ask.$token";
import {
  action as unsubscribeAction,
  loader as unsubscribeLoader,
} from "~/routes/unsubscribe.$token";
import { unsubscribeUrl } from "~/followups/links";
import { resetDatabase } from "../support/db";
import { callRoute } from "../support/proxy";

/**
 * The admin's preview of a follow-up: the texts being edited rendered with the shop's latest
 * order, a tutorial in each message's language, and survey and unsubscribe links of the real
 * pages' addresses that open them as previews and can record nothing.
 */
const SHOP = "preview-test.myshopify.com";
const deps = {
  appUrl: process.env.SHOPIFY_APP_URL!,
  secret: process.env.SHOPIFY_API_SECRET!,
};

beforeAll(async () => {
  await resetDatabase(prisma);
  await prisma.shop.create({ data: { shop: SHOP, name: "お茶の店" } });
  await prisma.customer.create({
    data: {
      shop: SHOP,
      customerId: "501",
      firstName: "花子",
      lastName: "山田",
    },
  });
  await prisma.order.create({
    data: {
      shop: SHOP,
      orderId: "9001",
      name: "#1001",
      customerId: "501",
      locale: "ja",
      processedAt: new Date(),
      totalPrice: 3000,
      currency: "JPY",
      productIds: "77",
    },
  });
  // Neither is for the order's product: the preview shows one as an example, per language.
  for (const locales of [
    { ja: { title: "急須の使い方", url: "https://v.example/ja" } },
    { en: { title: "Brewing guide", url: "https://v.example/en" } },
  ])
    await prisma.tutorial.create({
      data: {
        shop: SHOP,
        kind: "video",
        locales: JSON.stringify(locales),
        products: JSON.stringify([{ id: "5", title: "急須" }]),
      },
    });
});

const edited = (body: Record<"ja" | "en", string>) => {
  const form = new FormData();
  form.append("channels", "sms");
  form.append("step", "main");
  form.append("steps.0.sms.ja.body", body.ja);
  form.append("steps.0.sms.en.body", body.en);
  return previewFlowFrom(form);
};

describe("the follow-up preview", () => {
  it("renders the unsaved texts, each with a tutorial in its own language", async () => {
    const preview = await runFollowupPreview(
      prisma,
      SHOP,
      edited({
        ja: "{{ first_name }}様 {% for t in tutorial_links %}{{ t.title }}{% endfor %}",
        en: "Hi {{ first_name }} {% for t in tutorial_links %}{{ t.title }}{% endfor %}",
      }),
      deps,
    );
    expect(preview.order).toEqual({ name: "#1001", customer: "花子" });
    expect(preview.messages.map((m) => [m.locale, m.body])).toEqual([
      ["ja", "花子様 急須の使い方"],
      ["en", "Hi 花子 Brewing guide"],
    ]);
    expect(preview.notes).toEqual(["exampleTutorial"]);
  });

  it("says why a text being typed does not render, in the admin's language rather than liquidjs's", async () => {
    const preview = await runFollowupPreview(
      prisma,
      SHOP,
      edited({
        ja: "{{ order_name を発送しました",
        en: "Order {{ order_name }} has shipped",
      }),
      deps,
    );
    const [ja, en] = preview.messages;
    expect(ja.body).toBe("");
    expect(ja.error).toEqual({
      field: "preview",
      message: "templateUnclosedOutput",
      params: { line: 1, col: 1 },
    });
    expect(describeFlowError(translator("ja"), ja.error!)).toBe(
      "1行目1文字目の「{{」が「}}」で閉じられていません。変数は {{ order_name }} のように {{ と }} で囲んでください。",
    );
    expect(en).toMatchObject({ body: "Order #1001 has shipped", error: null });
  });

  it("says the survey link is empty when no survey is asked by email, and that such messages are not sent", async () => {
    const preview = await runFollowupPreview(
      prisma,
      SHOP,
      edited({ ja: "[{{ survey_link }}]", en: "[{{ survey_link }}]" }),
      deps,
    );
    expect(preview.messages.map((m) => m.body)).toEqual(["[]", "[]"]);
    expect(preview.notes).toEqual(["noSurvey"]);
  });

  it("links the survey page's real address, which opens as a preview in the message's language", async () => {
    await prisma.survey.create({
      data: {
        shop: SHOP,
        kind: "nps",
        question: JSON.stringify({
          ja: "友人にすすめますか?",
          en: "Would you recommend us?",
        }),
        placements: "email",
      },
    });
    const preview = await runFollowupPreview(
      prisma,
      SHOP,
      edited({ ja: "{{ survey_link }}", en: "{{ survey_link }}" }),
      deps,
    );
    expect(preview.notes).toEqual(["surveyPreview"]);
    const [ja, en] = preview.messages.map((m) => m.body);
    const shape = new RegExp(
      `^${deps.appUrl}/survey/ask/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$`,
    );
    expect(ja).toMatch(shape);
    const open = async (url: string) => {
      const token = url.split("/").pop()!;
      const res = await callRoute(askLoader as never, new Request(url), {
        token,
      });
      return { status: res.status, html: await res.text() };
    };
    const page = await open(en);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Would you recommend us?");
    expect(page.html).toContain("Nothing is recorded here.");
    expect(page.html).not.toContain("<a ");
    expect((await open(ja)).html).toContain("友人にすすめますか?");
    expect(await prisma.surveyResponse.count()).toBe(0);
  });

  it("links the real unsubscribe page as a preview that unsubscribes no one; a customer's link still does", async () => {
    const preview = await runFollowupPreview(
      prisma,
      SHOP,
      edited({
        ja: "{{ unsubscribe_link }}",
        en: "{% for t in tracking_links %}{{ t.url }} {% endfor %}{% for t in tutorial_links %}{{ t.url }} {% endfor %}{{ unsubscribe_link }}",
      }),
      deps,
    );
    expect(preview.notes).toContain("unsubscribePreview");
    const [ja, en] = preview.messages.map((m) => m.body);
    expect(ja).toMatch(
      new RegExp(
        `^${deps.appUrl}/unsubscribe/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$`,
      ),
    );
    // No link of a preview or test email goes through the click counter.
    expect(en).not.toContain("/r/");
    const call = async (fn: unknown, url: string, init: RequestInit = {}) => {
      const res = await callRoute(fn as never, new Request(url, init), {
        token: url.split("/").pop()!,
      });
      return { status: res.status, html: await res.text() };
    };
    const page = await call(unsubscribeLoader, en.split(" ").pop()!);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Stop receiving news from this shop by SMS?");
    expect(page.html).toContain("Nothing is recorded here.");
    expect(page.html).not.toContain("<form");
    for (const url of [ja, en.split(" ").pop()!]) {
      const done = await call(unsubscribeAction, url, { method: "POST" });
      expect(done.html).not.toContain("unsubscribed");
      expect(done.html).not.toContain("配信を停止しました");
    }
    expect((await call(unsubscribeLoader, ja)).html).toContain(
      "ここでは何も記録されません",
    );
    expect(await prisma.unsubscribe.count()).toBe(0);
    // The preview customer's own link (a real send's) unsubscribes them.
    const real = unsubscribeUrl(deps.appUrl, deps.secret, SHOP, "501", "sms");
    expect((await call(unsubscribeLoader, real)).html).toContain("<form");
    await call(unsubscribeAction, real, { method: "POST" });
    expect(
      await prisma.unsubscribe.findMany({
        select: { shop: true, customerId: true, channel: true },
      }),
    ).toEqual([{ shop: SHOP, customerId: "501", channel: "sms" }]);
  });
});
