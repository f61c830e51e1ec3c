/**
 * Surveys as the merchant defines them and as a shopper answers them, validated to one shape.
 * Errors are message keys (app/i18n) keyed by field.
 */
export const KINDS = ["nps", "csat", "choice"] as const;
export type SurveyKind = (typeof KINDS)[number];
export const PLACEMENTS = ["block", "thankyou", "email"] as const;
export type Placement = (typeof PLACEMENTS)[number];
export const AUDIENCES = ["all", "first", "repeat"] as const;
export type Audience = (typeof AUDIENCES)[number];
export const MAX_COMMENT = 1000;

export interface Choice {
  value: string;
  labels: Record<string, string>;
}

export interface SurveyInput {
  kind: SurveyKind;
  question: Record<string, string>;
  choices: Choice[];
  followUp: boolean;
  placements: Placement[];
  audience: Audience;
  /** Shop languages to ask in; empty = every language. */
  locales: string[];
  cooldownDays: number;
  active: boolean;
}

export type SurveyErrorKey =
  | "surveys.error.kind"
  | "surveys.error.question"
  | "surveys.error.choices"
  | "surveys.error.placements"
  | "surveys.error.audience"
  | "surveys.error.locales"
  | "surveys.error.cooldown";

/** Score range of a kind: NPS 0–10, CSAT 1–5, none for a choice. */
export function scoreRange(kind: SurveyKind): [number, number] | null {
  return kind === "nps" ? [0, 10] : kind === "csat" ? [1, 5] : null;
}

export function validateSurvey(raw: {
  kind?: string;
  question: Record<string, string>;
  choices: { ja?: string; en?: string }[];
  followUp?: boolean;
  placements: string[];
  audience?: string;
  locales?: string;
  cooldownDays?: string;
  active?: boolean;
}):
  | { ok: true; value: SurveyInput }
  | { ok: false; errors: Record<string, SurveyErrorKey> } {
  const errors: Record<string, SurveyErrorKey> = {};
  const kind = KINDS.find((k) => k === raw.kind);
  if (!kind) errors.kind = "surveys.error.kind";
  const question: Record<string, string> = Object.fromEntries(
    Object.entries(raw.question)
      .map(([l, q]) => [l, String(q).trim()])
      .filter(([, q]) => q),
  );
  if (!question.ja && !question.en) errors.question = "surveys.error.question";
  if (Object.values(question).some((q) => q.length > 200))
    errors.question = "surveys.error.question";
  const choices: Choice[] = raw.choices
    .map((c, i) => ({
      value: `c${i + 1}`,
      labels: Object.fromEntries(
        Object.entries(c)
          .map(([l, v]) => [l, (v ?? "").trim()])
          .filter(([, v]) => v),
      ),
    }))
    .filter((c) => Object.keys(c.labels).length);
  if (
    kind === "choice" &&
    (choices.length < 2 ||
      choices.length > 8 ||
      choices.some((c) => Object.values(c.labels).some((v) => v.length > 60)))
  )
    errors.choices = "surveys.error.choices";
  const placements = PLACEMENTS.filter((p) => raw.placements.includes(p));
  if (!placements.length) errors.placements = "surveys.error.placements";
  const audience = AUDIENCES.find((a) => a === (raw.audience ?? "all"));
  if (!audience) errors.audience = "surveys.error.audience";
  const locales = [
    ...new Set(
      (raw.locales ?? "")
        .split(/[\s,、]+/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  if (
    locales.length > 20 ||
    locales.some((l) => !/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/.test(l))
  )
    errors.locales = "surveys.error.locales";
  // Whole days as typed: a blank field is not 0, nor "1e2" 100; full-width digits (９０) are fine.
  const cooldownText = (raw.cooldownDays ?? "90").normalize("NFKC").trim();
  const cooldownDays = /^\d{1,4}$/.test(cooldownText)
    ? Number(cooldownText)
    : Number.NaN;
  if (!Number.isInteger(cooldownDays) || cooldownDays < 0 || cooldownDays > 730)
    errors.cooldown = "surveys.error.cooldown";
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: kind!,
      question,
      choices: kind === "choice" ? choices : [],
      followUp: raw.followUp ?? true,
      placements,
      audience: audience!,
      locales,
      cooldownDays,
      active: raw.active ?? true,
    },
  };
}

export type AnswerError = "score" | "choice" | "comment" | "survey";

/** A shopper's answer against its survey: the score in range, the choice one of the survey's. */
export function validateAnswer(
  survey: { kind: SurveyKind; choices: Choice[]; followUp: boolean },
  input: {
    score?: string | null;
    choice?: string | null;
    comment?: string | null;
  },
):
  | {
      ok: true;
      value: { score: number | null; choice: string | null; comment: string };
    }
  | { ok: false; error: AnswerError } {
  const comment = (input.comment ?? "").replace(/\r\n/g, "\n").trim();
  if (comment.length > MAX_COMMENT || (comment && !survey.followUp))
    return { ok: false, error: "comment" };
  const range = scoreRange(survey.kind);
  if (range) {
    if (!/^\d{1,2}$/.test(input.score ?? ""))
      return { ok: false, error: "score" };
    const score = Number(input.score);
    if (score < range[0] || score > range[1])
      return { ok: false, error: "score" };
    return { ok: true, value: { score, choice: null, comment } };
  }
  const choice = survey.choices.find((c) => c.value === input.choice);
  if (!choice) return { ok: false, error: "choice" };
  return { ok: true, value: { score: null, choice: choice.value, comment } };
}

export interface NpsCounts {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** −100…100, null without answers */
  nps: number | null;
}

/** People first: how many promoters (9–10), passives (7–8) and detractors (0–6), then NPS. */
export function npsCounts(scores: number[]): NpsCounts {
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const passives = scores.length - promoters - detractors;
  return {
    responses: scores.length,
    promoters,
    passives,
    detractors,
    nps: scores.length
      ? Math.round(((promoters - detractors) / scores.length) * 100)
      : null,
  };
}

/** Reads the survey form: one line per choice, "日本語 | English". */
export function rawSurveyFromForm(
  form: FormData,
): Parameters<typeof validateSurvey>[0] {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const choices = text("choices")
    .split(/\r?\n/)
    .slice(0, 20)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [ja, en] = line.split("|").map((x) => x.trim());
      return { ja, en: en ?? "" };
    });
  return {
    kind: text("kind"),
    question: {
      ja: text("question_ja").slice(0, 1000),
      en: text("question_en").slice(0, 1000),
    },
    choices,
    followUp: text("followUp") === "on",
    placements: form
      .getAll("placements")
      .filter((v): v is string => typeof v === "string"),
    audience: text("audience"),
    locales: text("locales").slice(0, 300),
    cooldownDays: text("cooldownDays"),
    active: text("active") === "on",
  };
}

/** The choice lines a stored survey shows in its form. */
export function choicesToText(choices: Choice[]): string {
  return choices
    .map((c) =>
      [c.labels.ja ?? "", c.labels.en ?? ""]
        .filter((x, i) => x || i === 0)
        .join(" | "),
    )
    .join("\n");
}
