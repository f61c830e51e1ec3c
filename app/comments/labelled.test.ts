import { describe, expect, it } from "vitest";
import { parseLabelledComments } from "./labelled";

describe("parseLabelledComments", () => {
  it("reads the columns by their header names, with a byte-order mark, CRLF and blank lines", () => {
    const tsv =
      "\uFEFFtext\tloyalty\tLocale\tsentiment\r\n色違いで購入です\tpsychological\tja\tpositive\r\n\r\nArrived late\tnone\ten\tnegative\r\n";
    expect(parseLabelledComments(tsv)).toEqual([
      {
        line: 2,
        locale: "ja",
        text: "色違いで購入です",
        sentiment: "positive",
        loyalty: "psychological",
      },
      {
        line: 4,
        locale: "en",
        text: "Arrived late",
        sentiment: "negative",
        loyalty: "none",
      },
    ]);
  });

  it("takes Japanese when the locale is missing or blank", () => {
    expect(
      parseLabelledComments(
        "text\tsentiment\tloyalty\n暑いから欲しくて\tneutral\tbehavioral",
      ).map((c) => c.locale),
    ).toEqual(["ja"]);
    expect(
      parseLabelledComments(
        "locale\ttext\tsentiment\tloyalty\n\t暑いから欲しくて\tneutral\tbehavioral",
      ).map((c) => c.locale),
    ).toEqual(["ja"]);
  });

  it("names the line of a bad row and what is wrong with it", () => {
    expect(() =>
      parseLabelledComments("locale\ttext\tsentiment\nja\tよい\tpositive"),
    ).toThrow(/header needs/);
    expect(() =>
      parseLabelledComments(
        "locale\ttext\tsentiment\tloyalty\nja\tよい\tpositive\tpsychological\nja\tよい\tgood\tnone",
      ),
    ).toThrow(/line 3: sentiment must be/);
    expect(() =>
      parseLabelledComments(
        "locale\ttext\tsentiment\tloyalty\nja\tよい\tpositive\tbehavioural",
      ),
    ).toThrow(/line 2: loyalty must be/);
    expect(() =>
      parseLabelledComments(
        "locale\ttext\tsentiment\tloyalty\nja\t \tpositive\tnone",
      ),
    ).toThrow(/line 2: no text/);
  });

  it("needs only the text when no labels are wanted (predictions only)", () => {
    expect(
      parseLabelledComments("locale\ttext\nen\tToo small", { labels: false }),
    ).toEqual([
      { line: 2, locale: "en", text: "Too small", sentiment: "", loyalty: "" },
    ]);
    expect(
      parseLabelledComments("locale\ttext\tsentiment\tloyalty\nja\tよい\t\t", {
        labels: false,
      })[0].text,
    ).toBe("よい");
    expect(() =>
      parseLabelledComments("locale\tcomment\nja\tよい", { labels: false }),
    ).toThrow(/header needs a text column/);
  });
});
