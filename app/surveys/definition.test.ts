import { describe, expect, it } from "vitest";
import {
  choicesToText,
  npsCounts,
  rawSurveyFromForm,
  validateAnswer,
  validateSurvey,
} from "./definition";

describe("validateSurvey", () => {
  it("takes the re-ask window only as whole days typed, not a blank field as 0", () => {
    const window = (cooldownDays: string) =>
      validateSurvey({
        kind: "nps",
        question: { ja: "q" },
        choices: [],
        placements: ["block"],
        cooldownDays,
      });
    for (const bad of ["", " ", "-1", "731", "1e2", "0x10", "7.5", "abc"])
      expect(window(bad), bad).toEqual({
        ok: false,
        errors: { cooldown: "surveys.error.cooldown" },
      });
    for (const [typed, days] of [
      ["0", 0],
      [" 730 ", 730],
      ["９０", 90],
    ] as const)
      expect(window(typed), typed).toMatchObject({
        ok: true,
        value: { cooldownDays: days },
      });
  });

  it("accepts a bilingual NPS survey and drops empty languages", () => {
    const r = validateSurvey({
      kind: "nps",
      question: { ja: " 友人に勧めたいですか? ", en: "" },
      choices: [],
      placements: ["block", "email", "bogus"],
      cooldownDays: "30",
    });
    expect(r).toEqual({
      ok: true,
      value: {
        kind: "nps",
        question: { ja: "友人に勧めたいですか?" },
        choices: [],
        followUp: true,
        placements: ["block", "email"],
        audience: "all",
        locales: [],
        cooldownDays: 30,
        active: true,
      },
    });
  });

  it("needs a question, two to eight choices for a choice survey, a placement and a sane window", () => {
    const r = validateSurvey({
      kind: "choice",
      question: {},
      choices: [{ ja: "Instagram" }],
      placements: [],
      cooldownDays: "-1",
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        question: "surveys.error.question",
        choices: "surveys.error.choices",
        placements: "surveys.error.placements",
        cooldown: "surveys.error.cooldown",
      },
    });
    expect(
      validateSurvey({
        kind: "stars",
        question: { ja: "q" },
        choices: [],
        placements: ["block"],
      }),
    ).toMatchObject({ ok: false, errors: { kind: "surveys.error.kind" } });
  });
});

describe("survey form", () => {
  it("reads choices as 'ja | en' lines, locales as a list, and checkboxes as on/off", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      kind: "choice",
      question_ja: "どこで知りましたか?",
      question_en: "How did you hear about us?",
      choices: "Instagram | Instagram\n\n友人の紹介 | A friend\n検索",
      followUp: "off",
      audience: "first",
      locales: "ja, en",
      cooldownDays: "60",
      active: "on",
    }))
      form.set(k, v);
    form.append("placements", "block");
    form.append("placements", "thankyou");
    const r = validateSurvey(rawSurveyFromForm(form));
    expect(r).toEqual({
      ok: true,
      value: {
        kind: "choice",
        question: {
          ja: "どこで知りましたか?",
          en: "How did you hear about us?",
        },
        choices: [
          { value: "c1", labels: { ja: "Instagram", en: "Instagram" } },
          { value: "c2", labels: { ja: "友人の紹介", en: "A friend" } },
          { value: "c3", labels: { ja: "検索" } },
        ],
        followUp: false,
        placements: ["block", "thankyou"],
        audience: "first",
        locales: ["ja", "en"],
        cooldownDays: 60,
        active: true,
      },
    });
    if (r.ok)
      expect(choicesToText(r.value.choices)).toBe(
        "Instagram | Instagram\n友人の紹介 | A friend\n検索",
      );
  });

  it("rejects a malformed language list", () => {
    expect(
      validateSurvey({
        kind: "nps",
        question: { ja: "q" },
        choices: [],
        placements: ["block"],
        locales: "ja, <script>",
      }),
    ).toMatchObject({
      ok: false,
      errors: { locales: "surveys.error.locales" },
    });
  });
});

describe("validateAnswer", () => {
  const nps = { kind: "nps" as const, choices: [], followUp: true };
  it("takes scores in range only", () => {
    expect(
      validateAnswer(nps, { score: "10", comment: " とても良い " }),
    ).toEqual({
      ok: true,
      value: { score: 10, choice: null, comment: "とても良い" },
    });
    for (const bad of ["11", "-1", "5.5", "", "abc", null])
      expect(validateAnswer(nps, { score: bad })).toEqual({
        ok: false,
        error: "score",
      });
    expect(validateAnswer({ ...nps, kind: "csat" }, { score: "0" })).toEqual({
      ok: false,
      error: "score",
    });
  });

  it("takes one of the survey's choices and a comment up to the limit", () => {
    const choice = {
      kind: "choice" as const,
      choices: [{ value: "c1", labels: { ja: "Instagram" } }],
      followUp: false,
    };
    expect(validateAnswer(choice, { choice: "c1" })).toMatchObject({
      ok: true,
    });
    expect(validateAnswer(choice, { choice: "c9" })).toEqual({
      ok: false,
      error: "choice",
    });
    expect(validateAnswer(choice, { choice: "c1", comment: "x" })).toEqual({
      ok: false,
      error: "comment",
    });
    expect(
      validateAnswer(nps, { score: "8", comment: "あ".repeat(1001) }),
    ).toEqual({ ok: false, error: "comment" });
  });
});

describe("npsCounts", () => {
  it("counts people first, then the score", () => {
    expect(npsCounts([10, 9, 8, 7, 6, 0, 10])).toEqual({
      responses: 7,
      promoters: 3,
      passives: 2,
      detractors: 2,
      nps: 14,
    });
    expect(npsCounts([])).toEqual({
      responses: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
    });
  });
});
