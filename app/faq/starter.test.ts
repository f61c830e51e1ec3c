import { describe, expect, it } from "vitest";
import { buildIndex } from "./engine/build.server";
import { createSearch } from "./engine/query";
import { validateEntry } from "./entry";
import { answerText } from "./sanitize";
import { STARTER_ENTRIES, isStarterAnswer } from "./starter";

describe("starter questions", () => {
  it("are valid entries in Japanese and English, with unique link names", () => {
    const handles = new Set<string>();
    for (const e of STARTER_ENTRIES) {
      const parsed = validateEntry(
        {
          handle: e.handle,
          translations: (["ja", "en"] as const).map((locale) => ({
            locale,
            question: e[locale].question,
            answer: e[locale].answer,
            category: e[locale].category,
            phrasings: e[locale].phrasings.join("\n"),
            field: locale,
          })),
        },
        () => "x",
      );
      expect(parsed.ok, e.handle).toBe(true);
      if (!parsed.ok) continue;
      // Stored as written: sanitising changes nothing, and no way to ask is dropped.
      for (const t of parsed.value.translations) {
        const source = e[t.locale as "ja" | "en"];
        expect(t.answer).toBe(source.answer);
        expect(t.phrasings).toEqual(source.phrasings);
      }
      expect(handles.has(e.handle)).toBe(false);
      handles.add(e.handle);
    }
    // Each leaves the shop's own facts to fill in, marked the same way in each language.
    for (const e of STARTER_ENTRIES.filter((x) => /【/.test(x.ja.answer)))
      expect(e.en.answer, e.handle).toMatch(/\[/);
  });

  it("are told apart from answers the merchant has filled in", () => {
    const e = STARTER_ENTRIES[1];
    expect(isStarterAnswer(e.ja.answer)).toBe(true);
    expect(isStarterAnswer(e.en.answer)).toBe(true);
    expect(isStarterAnswer(e.ja.answer.replace("【〇〇円】", "550円"))).toBe(
      false,
    );
    expect(isStarterAnswer("")).toBe(false);
  });

  it("are found by their questions and ways to ask, each first", async () => {
    for (const locale of ["ja", "en"] as const) {
      const search = createSearch(
        await buildIndex(
          STARTER_ENTRIES.map((e) => ({
            id: e.handle,
            question: e[locale].question,
            answer: answerText(e[locale].answer),
            category: e[locale].category,
            phrasings: e[locale].phrasings,
          })),
        ),
      );
      for (const e of STARTER_ENTRIES)
        for (const q of [e[locale].question, ...e[locale].phrasings])
          expect(search(q).hits[0]?.id, `${locale}: ${q}`).toBe(e.handle);
    }
  }, 60_000);
});
