/**
 * How long an FAQ entry's fields may be. One place for the server's validation (the form and the
 * CSV import) and the form's character counters, which import this file alone so the browser
 * bundle does not carry the answer sanitiser.
 */
export const LIMITS = {
  question: 300,
  answer: 20_000,
  category: 80,
  tag: 40,
  tags: 20,
  phrasing: 200,
  phrasings: 50,
  position: 100_000,
} as const;
