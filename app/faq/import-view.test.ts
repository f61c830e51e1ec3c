import { describe, expect, it } from "vitest";
import { importView, startImportView, type ImportView } from "./import-view";

type Answer =
  | { step: "error"; error: string }
  | { step: "review"; good: number }
  | { step: "done"; created: number };

const a = new File(["handle,locale"], "a.csv", { type: "text/csv" });
const b = new File(["handle,locale"], "b.csv", { type: "text/csv" });
const run = (
  view: ImportView<Answer>,
  ...events: Parameters<typeof importView<Answer>>[1][]
) => events.reduce((v, e) => importView(v, e), view);

describe("the CSV import page's result", () => {
  it("shows each answer once it arrives, and the same answer again changes nothing", () => {
    const done: Answer = { step: "done", created: 3 };
    const view = run(
      startImportView<Answer>(undefined),
      { type: "pick", file: a },
      { type: "answer", answer: done },
    );
    expect(view.shown).toBe(done);
    // Re-rendering with the action's same answer (a revalidation, a parent's render) is no news.
    expect(run(view, { type: "answer", answer: done })).toBe(view);
  });

  it("leaves once another file is chosen: it spoke of the earlier file", () => {
    const review: Answer = { step: "review", good: 4 };
    const view = run(
      startImportView<Answer>(undefined),
      { type: "pick", file: a },
      { type: "answer", answer: review },
      { type: "pick", file: b },
    );
    // The review of a.csv, with its button importing a.csv's rows, is gone while b.csv waits.
    expect(view).toMatchObject({ file: b, shown: undefined });
    // …and the same answer seen again on the next render does not bring it back.
    expect(run(view, { type: "answer", answer: review }).shown).toBeUndefined();
    const next: Answer = { step: "review", good: 1 };
    expect(run(view, { type: "answer", answer: next }).shown).toBe(next);
  });

  it("clears the file after an import, so a second click cannot send it again", () => {
    const view = run(
      startImportView<Answer>(undefined),
      { type: "pick", file: a },
      { type: "answer", answer: { step: "done", created: 3 } },
    );
    expect(view.file).toBeNull();
    // A refused file stays chosen beside the reason, to be sent again or replaced.
    const refused = run(
      startImportView<Answer>(undefined),
      { type: "pick", file: a },
      {
        type: "answer",
        answer: { step: "error", error: "faq.importEncoding" },
      },
    );
    expect(refused.file).toBe(a);
    expect(refused.shown).toEqual({
      step: "error",
      error: "faq.importEncoding",
    });
  });

  it("two imports with the same counts are two answers, each shown", () => {
    const first: Answer = { step: "done", created: 1 };
    const second: Answer = { step: "done", created: 1 };
    const view = run(
      startImportView<Answer>(undefined),
      { type: "pick", file: a },
      { type: "answer", answer: first },
      { type: "pick", file: b },
      { type: "answer", answer: second },
    );
    expect(view.shown).toBe(second);
  });
});
