import { describe, expect, it } from "vitest";
import { resultsPage } from "./results-page";

const page = (o: Partial<Parameters<typeof resultsPage>[0]>) =>
  resultsPage({ query: "", locale: "ja", hits: [], contactUrl: "", ...o });

describe("FAQ results page without JavaScript (served as Liquid)", () => {
  it("never lets a query or an answer run as Liquid", () => {
    const html = page({
      query: "{{ customer.email }} {% if true %}",
      hits: [
        { question: "{{ shop.name }}?", answer: "<p>{%- render 'x' -%}</p>" },
      ],
    });
    expect(html).not.toMatch(/[{}]/);
    expect(html).toContain(
      'value="&#123;&#123; customer.email &#125;&#125; &#123;% if true %&#125;"',
    );
    expect(html).toMatch(
      /<summary[^>]*>&#123;&#123; shop\.name &#125;&#125;\?<\/summary>/,
    );
  });

  it("escapes HTML in the query and the question", () => {
    const html = page({
      query: '"><script>',
      hits: [{ question: "<b>", answer: "<p>ok</p>" }],
    });
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(html).toMatch(
      /<summary[^>]*>&lt;b&gt;<\/summary><div[^>]*><p>ok<\/p>/,
    );
  });

  it("offers the contact path when nothing matched, and under loose matches", () => {
    const none = page({ query: "x", contactUrl: "/pages/otoiawase" });
    expect(none).toContain(
      'お探しの答えが見つかりませんでした。 <a href="/pages/otoiawase">',
    );
    const hits = [{ question: "送料は?", answer: "<p>500円</p>" }];
    expect(page({ query: "そうりょう", hits, weak: true })).toContain(
      '探している答えがないときは <a href="/pages/contact">',
    );
    expect(page({ query: "送料", hits })).not.toContain("お問い合わせ");
  });

  it("does not say nothing was found when the search box was empty", () => {
    const html = page({ query: "" });
    expect(html).not.toContain("見つかりませんでした");
    expect(html).toContain('name="q"');
  });

  it("links back to the FAQ page only when told which, escaped, with tap-sized controls", () => {
    expect(page({ query: "x" })).not.toContain("一覧に戻る");
    const html = page({ query: "x", back: '/pages/faq?a="b"' });
    expect(html).toContain(
      '<a href="/pages/faq?a=&quot;b&quot;" style="display:inline-block;min-height:2.75rem',
    );
    // The block's stylesheet is not on this page: its controls carry their own 44 px.
    expect(html).toMatch(/<input id="tsunagu-faq-q"[^>]*min-height:2.75rem/);
    expect(html).toMatch(/<button type="submit" style="min-height:2.75rem/);
  });

  it("speaks the storefront's language, ja-JP included", () => {
    expect(page({ locale: "ja-JP" })).toContain("よくある質問の検索結果");
    expect(page({ locale: "en-US" })).toContain("FAQ search results");
    expect(page({ locale: "fr" })).toContain("FAQ search results");
  });
});
