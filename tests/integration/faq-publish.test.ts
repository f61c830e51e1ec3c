import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { publishFaq } from "~/faq/publish.server";
import { saveEntry } from "~/faq/entries.server";
import { validateEntry } from "~/faq/entry";
import { createSearch, type FaqIndex } from "~/faq/engine/query";
import { createDevStore } from "../../dev-store/src/store";
import { renderBlocks } from "../../dev-store/src/server/preview";
import { resetDatabase } from "../support/db";
import { devStoreAdmin } from "../support/dev-store-admin";

/**
 * Publishing writes the FAQ as app-data metafields in the dev store (which speaks Shopify's
 * schema), and the theme block renders it from those metafields alone, through LiquidJS as on
 * a storefront: entries readable without JavaScript, escaped, in the storefront's language, with
 * the prebuilt index the script searches.
 */
const core = createDevStore({
  baseUrl: "http://dev-store.test",
  counts: { customers: 10, orders: 10 },
});
const shop = core.shop;
const graphql = devStoreAdmin(core, {
  scopes: ["read_customers"],
  bucketKey: "faq",
});
const extensionsDir = path.resolve("extensions");

async function entry(raw: Parameters<typeof validateEntry>[0]) {
  const parsed = validateEntry(raw, () => "x");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const saved = await saveEntry(prisma, shop, null, parsed.value);
  if (!saved.ok) throw new Error("not saved");
}

const html = (locale: string, settings?: Record<string, unknown>) =>
  renderBlocks({
    core,
    extensionsDir,
    locale,
    target: "section",
    customerId: null,
    settings,
  });

beforeAll(async () => {
  await resetDatabase(prisma);
  await entry({
    handle: "shipping-time",
    published: "true",
    translations: [
      {
        locale: "ja",
        question: "注文した商品はいつ届きますか?",
        answer: "<p>3営業日以内に<strong>発送</strong>します。</p>",
        category: "配送",
        field: "a",
      },
      {
        locale: "en",
        question: "When will my order arrive?",
        answer: "We ship within 3 business days.",
        category: "Shipping",
        field: "b",
      },
    ],
  });
  await entry({
    handle: "returns",
    position: "1",
    published: "true",
    translations: [
      {
        locale: "ja",
        category: "返品",
        question: "返品 <script>alert(1)</script> できますか?",
        answer:
          '<p onclick="steal()">未使用なら7日以内に返品できます。</p><img src=x onerror=alert(1)>',
        phrasings: "サイズが合わなかった\n思っていた色と違う",
        field: "a",
      },
    ],
  });
  await entry({
    handle: "secret-sale",
    published: "false",
    translations: [
      {
        locale: "ja",
        question: "秘密のセールはありますか?",
        answer: "下書きです",
        field: "a",
      },
    ],
  });
  await publishFaq(prisma, shop, graphql);
});

/** The app-data keys, without each publish's version (faq_ja_<version>_1 → faq_ja_1). */
const keys = () =>
  core.state.appMetafields
    .map((m) => m.key.replace(/_[0-9a-z]{8,}_(\d+)$/, "_$1"))
    .sort();

describe("publishing the FAQ to the storefront", () => {
  it("writes app-data metafields the block reads, and records what was published", async () => {
    expect(keys()).toEqual([
      "faq",
      "faq_en_1",
      "faq_ja_1",
      "faqidx_en_1",
      "faqidx_ja_1",
    ]);
    const settings = await prisma.faqSettings.findUniqueOrThrow({
      where: { shop },
    });
    const info = JSON.parse(settings.publishedInfo!) as {
      entries: number;
      locales: string[];
    };
    expect({ ...info, locales: info.locales.sort() }).toEqual({
      entries: 2,
      locales: ["en", "ja"],
    });
    expect(settings.publishError).toBeNull();
  });

  it("renders every published entry without JavaScript, grouped by category, escaped and sanitised", async () => {
    const ja = await html("ja");
    expect(ja).toContain(
      '<details class="tsunagu-faq__entry" id="faq-shipping-time"',
    );
    expect(ja).toContain("<strong>発送</strong>");
    expect(ja.indexOf("配送")).toBeLessThan(ja.indexOf("返品"));
    expect(ja).toContain(
      "返品 &lt;script&gt;alert(1)&lt;/script&gt; できますか?",
    );
    expect(ja).not.toMatch(/onclick|onerror|<img|<script>alert/);
    expect(ja).not.toContain("秘密のセール");
    expect(ja).toContain("よくある質問を検索");
  });

  it("shows the categories the merchant lists, however the list is typed", async () => {
    const headings = async (categories: string) =>
      [
        ...(await html("ja", { categories })).matchAll(
          /<h3 class="tsunagu-faq__category-title">(.*?)</g,
        ),
      ].map((m) => m[1]);
    expect(await headings("返品")).toEqual(["返品"]);
    for (const typed of [
      "配送、返品",
      "配送，返品",
      "配送 ,  返品",
      "配送,　返品",
      " 配送,返品 ",
    ])
      expect(await headings(typed), typed).toEqual(["配送", "返品"]);
  });

  it("follows the storefront language, falling back to the shop's", async () => {
    const en = await html("en");
    expect(en).toContain("When will my order arrive?");
    expect(en).not.toContain("いつ届きますか");
    // Category headings are in the shopper's language too.
    const headings = (page: string) =>
      [...page.matchAll(/<h3 class="tsunagu-faq__category-title">(.*?)</g)].map(
        (m) => m[1],
      );
    expect(headings(en)).toEqual(["Shipping"]);
    expect(headings(await html("ja"))).toEqual(["配送", "返品"]);
    const fr = await html("fr");
    expect(fr).toContain("いつ届きますか");
  });

  it("embeds the prebuilt index the storefront script searches", async () => {
    const ja = await html("ja");
    const chunks = [
      ...ja.matchAll(
        /<script type="application\/json" data-faq-index>([\s\S]*?)<\/script>/g,
      ),
    ].map((m) => JSON.parse(m[1]) as FaqIndex);
    expect(chunks.length).toBe(1);
    const search = createSearch(chunks);
    expect(search("いつとどく").hits[0]?.id).toBe("shipping-time");
    expect(search("へんぴんしたい").hits[0]?.id).toBe("returns");
    // The merchant's other ways to ask are searched, never shown.
    expect(search("サイズが合わなかった").hits[0]?.id).toBe("returns");
    expect(search("色が違う").hits[0]?.id).toBe("returns");
    const shown = ja.replace(
      /<script type="application\/json" data-faq-index>[\s\S]*?<\/script>/g,
      "",
    );
    expect(shown).toContain("返品");
    expect(shown).not.toContain("サイズが合わなかった");
  });

  it("removes what an earlier publish wrote and is no longer needed", async () => {
    await prisma.faqTranslation.deleteMany({ where: { locale: "en" } });
    await publishFaq(prisma, shop, graphql);
    expect(keys()).toEqual(["faq", "faq_ja_1", "faqidx_ja_1"]);
  });

  it("writes each publish under new keys and switches the manifest last", async () => {
    const before = core.state.appMetafields.map((m) => m.key).sort();
    const manifests: string[] = [];
    const watching = async (
      query: string,
      options?: { variables?: Record<string, unknown> },
    ) => {
      if (/mutation FaqPublish/.test(query))
        manifests.push(
          (options!.variables!.metafields as { key: string }[])
            .map((m) => m.key)
            .join(","),
        );
      return graphql(query, options);
    };
    await publishFaq(prisma, shop, watching);
    // The previous chunks stayed readable until the manifest switched, and then went.
    expect(manifests.at(-1)).toBe("faq");
    expect(manifests.slice(0, -1).join(",")).not.toContain("faq,");
    const after = core.state.appMetafields.map((m) => m.key).sort();
    expect(after.filter((k) => before.includes(k))).toEqual(["faq"]);
  });

  it("stands aside when a publish that started later has already switched the manifest", async () => {
    const manifest = () =>
      core.state.appMetafields.find((m) => m.key === "faq")!;
    const later = JSON.stringify({
      ...JSON.parse(manifest().value),
      at: Date.now() + 60_000,
    });
    manifest().value = later;
    const chunks = core.state.appMetafields.map((m) => m.key).sort();
    await publishFaq(prisma, shop, graphql);
    expect(manifest().value).toBe(later);
    expect(core.state.appMetafields.map((m) => m.key).sort()).toEqual(chunks);
  });

  /** Runs a publish whose manifest is changed by `other` after it was read, before it is written. */
  async function publishRacing(other: (manifest: { at: number }) => number) {
    const manifest = () =>
      core.state.appMetafields.find((m) => m.key === "faq")!;
    // From a manifest older than any publish (the test before leaves a later one).
    manifest().value = JSON.stringify({
      ...JSON.parse(manifest().value),
      at: 0,
    });
    let raced = false;
    let written = "";
    const racing = async (
      query: string,
      options?: { variables?: Record<string, unknown> },
    ) => {
      const keys = (
        (options?.variables?.metafields ?? []) as { key: string }[]
      ).map((m) => m.key);
      if (/mutation FaqPublish/.test(query) && keys.includes("faq")) {
        if (!raced) {
          raced = true;
          const value = JSON.parse(manifest().value) as { at: number };
          // Through the dev store's own write path, so its digest changes as Shopify's would.
          const set = await graphql(
            `
              mutation ($m: [MetafieldsSetInput!]!) {
                metafieldsSet(metafields: $m) {
                  userErrors {
                    message
                  }
                }
              }
            `,
            {
              variables: {
                m: [
                  {
                    ownerId: "gid://shopify/AppInstallation/1",
                    namespace: "tsunagu",
                    key: "faq",
                    type: "json",
                    value: JSON.stringify({ ...value, at: other(value) }),
                  },
                ],
              },
            },
          );
          expect(
            ((await set.json()) as any).data.metafieldsSet.userErrors,
          ).toEqual([]);
        }
        written = (options!.variables!.metafields as { value: string }[])[0]
          .value;
      }
      return graphql(query, options);
    };
    await publishFaq(prisma, shop, racing);
    return { live: manifest().value, ours: written };
  }

  it("does not overwrite a later publish's manifest written after ours read it", async () => {
    const later = Date.now() + 60_000;
    const chunks = core.state.appMetafields.map((m) => m.key).sort();
    const { live } = await publishRacing(() => later);
    expect(JSON.parse(live).at).toBe(later);
    // Ours stood aside and took its chunks with it.
    expect(
      core.state.appMetafields
        .map((m) => m.key)
        .filter((k) => k !== "faq")
        .sort(),
    ).toEqual(chunks.filter((k) => k !== "faq"));
  });

  it("still switches over an earlier publish's manifest written after ours read it", async () => {
    const { live, ours } = await publishRacing((m) => m.at + 1);
    expect(live).toBe(ours);
    expect(JSON.parse(live).at).toBeGreaterThan(0);
  });

  it("records why a publish failed as a code the admin translates", async () => {
    // Every switch of the manifest is refused as stale: other publishes keep changing it.
    const stale: typeof graphql = async (query, options) => {
      const keys = (
        (options?.variables?.metafields ?? []) as { key: string }[]
      ).map((m) => m.key);
      if (/mutation FaqPublish/.test(query) && keys.includes("faq"))
        return new Response(
          JSON.stringify({
            data: {
              metafieldsSet: {
                userErrors: [
                  {
                    field: ["metafields", "0"],
                    message:
                      "The resource has been updated since it was loaded.",
                    code: "STALE_OBJECT",
                  },
                ],
              },
            },
          }),
        );
      return graphql(query, options);
    };
    await expect(publishFaq(prisma, shop, stale)).rejects.toThrow();
    const settings = () =>
      prisma.faqSettings.findUniqueOrThrow({ where: { shop } });
    expect((await settings()).publishError).toBe("contended");
    // Shopify's own words are kept as the detail.
    const refused: typeof graphql = async (query, options) =>
      /mutation FaqPublish/.test(query)
        ? new Response(JSON.stringify({ errors: [{ message: "Throttled" }] }))
        : graphql(query, options);
    await expect(publishFaq(prisma, shop, refused)).rejects.toThrow();
    expect((await settings()).publishError).toBe("shopify:Throttled");
    await publishFaq(prisma, shop, graphql);
    expect((await settings()).publishError).toBeNull();
  });

  it("groups entries without a category last, under a heading of their own", async () => {
    await entry({
      handle: "gift-wrap",
      position: "0",
      published: "true",
      translations: [
        {
          locale: "ja",
          question: "ギフト包装はできますか?",
          answer: "はい、無料で承ります。",
          field: "a",
        },
        {
          locale: "en",
          question: "Do you gift wrap?",
          answer: "Yes, for free.",
          field: "b",
        },
      ],
    });
    await publishFaq(prisma, shop, graphql);
    const headings = (page: string) =>
      [
        ...page.matchAll(
          /<h3 class="tsunagu-faq__category-title[^"]*">(.*?)<|id="faq-([a-z-]+)"/g,
        ),
      ].map((m) => m[1] ?? m[2]);
    // Not under お支払い-like last category: after every category, even with the lowest position.
    expect(headings(await html("ja"))).toEqual([
      "配送",
      "shipping-time",
      "返品",
      "returns",
      "その他のご質問",
      "gift-wrap",
    ]);
    // A block limited to some categories leaves them out; a FAQ with no categories needs no heading.
    expect(headings(await html("ja", { categories: "返品" }))).toEqual([
      "返品",
      "returns",
    ]);
    expect(headings(await html("en"))).toEqual(["gift-wrap"]);
  });
});
