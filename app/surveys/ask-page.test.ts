import { describe, expect, it } from "vitest";
import { askPage, scoreRows } from "./ask-page";

const nps = Array.from({ length: 11 }, (_, score) => ({
  score,
  url: `https://app.example/survey/t${score}`,
}));

const page = async (
  over: Partial<Parameters<typeof askPage>[0]> = {},
): Promise<string> =>
  askPage({
    locale: "ja",
    shop: "つなぐ茶房",
    kind: "nps",
    question: "友人にすすめたいですか?",
    links: nps,
    ...over,
  }).text();

describe("the survey page of a follow-up message", () => {
  it("names the shop in its title and heading, in the reader's language", async () => {
    const ja = await page();
    expect(ja).toContain("<title>つなぐ茶房からのアンケート</title>");
    expect(ja).toContain(
      '<h1><span class="name">つなぐ茶房</span>からのアンケート</h1>',
    );
    expect(ja).toContain('<html lang="ja">');
    const en = await page({ locale: "en", shop: "Tsunagu Tea" });
    // The name in one piece: a line breaks before it, not inside it.
    expect(en).toContain(
      '<h1>A survey from <span class="name">Tsunagu Tea</span></h1>',
    );
    expect(en).toContain(".name{display:inline-block}");
    expect(en).toContain('<html lang="en">');
  });

  it("escapes the shop's name and the question", async () => {
    const html = await page({ shop: `<b>"茶"</b> $&`, question: "<i>x</i>" });
    expect(html).toContain(
      '<h1><span class="name">&lt;b&gt;&quot;茶&quot;&lt;/b&gt; $&amp;</span>からのアンケート</h1>',
    );
    expect(html).toContain(
      "<title>&lt;b&gt;&quot;茶&quot;&lt;/b&gt; $&amp;からのアンケート</title>",
    );
    expect(html).toContain("&lt;i&gt;x&lt;/i&gt;");
    expect(html).not.toContain("<b>");
  });

  it("lays eleven scores out as two whole rows, 0–5 and 6–10, never an uneven wrap", async () => {
    const html = await page();
    const rows = [
      ...html.matchAll(/<div class="scores"[^>]*>(.*?)<\/div>/g),
    ].map((m) => [...m[1].matchAll(/>(\d+)<\/a>/g)].map((x) => Number(x[1])));
    expect(rows).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
    ]);
    expect(html).toContain('class="scale split"');
    // The stylesheet stacks the two rows on a narrow screen and never wraps one.
    expect(html).toMatch(
      /@media \(max-width:30rem\)\{\.split \.rows\{flex-direction:column\}/,
    );
    expect(html).not.toContain("flex-wrap:wrap");
  });

  it("keeps five CSAT scores in one row", async () => {
    const html = await page({
      kind: "csat",
      links: nps.slice(1, 6),
      locale: "en",
    });
    expect(html.match(/<div class="scores"/g)).toHaveLength(1);
    expect(html).toContain('class="scale"');
    expect(html).toContain(">Not satisfied<");
    expect(html).toContain(">Very satisfied<");
  });

  it("is a group of links named by the question, the ends described by their words", async () => {
    const html = await page();
    expect(html).toContain('<p id="q">友人にすすめたいですか?</p>');
    expect(html).toContain('role="group" aria-labelledby="q"');
    expect(html).toContain(
      '<a href="https://app.example/survey/t0" aria-describedby="low">0</a>',
    );
    expect(html).toContain(
      '<a href="https://app.example/survey/t10" aria-describedby="high">10</a>',
    );
    expect(html).toContain('<a href="https://app.example/survey/t5">5</a>');
    expect(html).toContain('id="low">すすめない<');
    expect(html).toContain('id="high">ぜひすすめたい<');
  });
});

describe("scoreRows", () => {
  it("splits past six, the first row the longer", () => {
    expect(scoreRows([1, 2, 3, 4, 5, 6])).toEqual([[1, 2, 3, 4, 5, 6]]);
    expect(scoreRows([1, 2, 3, 4, 5, 6, 7])).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7],
    ]);
  });

  it("shows a preview the same question and scale, with nothing to answer and saying so", async () => {
    const html = await page({ locale: "en", links: null });
    expect(html).not.toContain("<a ");
    const scores = [
      ...html.matchAll(/<span(?: aria-describedby="\w+")?>(\d+)<\/span>/g),
    ].map((m) => Number(m[1]));
    expect(scores).toEqual(Array.from({ length: 11 }, (_, i) => i));
    expect(html).toContain(
      "Preview: your customers see this page and answer by choosing a number. Nothing is recorded here.",
    );
    expect(html).toContain("Not likely");
    expect(await page({ links: null, kind: "csat" })).toContain(
      '<span aria-describedby="high">5</span>',
    );
  });
});
