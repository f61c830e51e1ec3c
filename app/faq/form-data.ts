import type { RawEntry } from "./entry";

/**
 * Reads the entry form: entry-wide fields plus parallel `locale` / `question` / `answer` /
 * `category` / `phrasings` lists, one item per language section. Each section's errors come back keyed `t<index>.<field>`.
 */
export function rawEntryFromForm(form: FormData): RawEntry {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const all = (name: string) =>
    form.getAll(name).map((v) => (typeof v === "string" ? v : ""));
  const locales = all("locale");
  const questions = all("question");
  const answers = all("answer");
  const categories = all("category");
  const phrasings = all("phrasings");
  return {
    handle: text("handle"),
    position: text("position"),
    published: form.get("published") === "on" ? "true" : "false",
    tags: text("tags"),
    translations: locales.slice(0, 20).map((locale, i) => ({
      locale: locale.trim(),
      question: questions[i] ?? "",
      answer: answers[i] ?? "",
      category: categories[i] ?? "",
      phrasings: phrasings[i] ?? "",
      field: `t${i}`,
    })),
  };
}
