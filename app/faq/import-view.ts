/**
 * What the CSV import page shows: the file chosen, and the server's answer about the file sent.
 *
 * An answer speaks of the file that was sent, so it leaves the page once another file is chosen:
 * a stale "Imported" banner read as the new file's result, and a stale review's confirm button
 * imported the earlier file's rows. Once an import is done the file is cleared, so a second
 * click cannot send the same file again and answer with the same banner.
 *
 * Each answer is taken in once (`seen`): the page compares the action's answer with it on every
 * render instead of firing on it from an effect.
 */
export interface ImportView<A> {
  file: File | null;
  /** The answer on screen. */
  shown: A | undefined;
  /** The last answer taken in, shown or not. */
  seen: A | undefined;
}

export type ImportEvent<A> =
  | { type: "answer"; answer: A | undefined }
  | { type: "pick"; file: File | null };

export function startImportView<A>(answer: A | undefined): ImportView<A> {
  return { file: null, shown: answer, seen: answer };
}

export function importView<A extends { step: string }>(
  view: ImportView<A>,
  event: ImportEvent<A>,
): ImportView<A> {
  if (event.type === "pick")
    return { ...view, file: event.file, shown: undefined };
  if (event.answer === view.seen) return view;
  return {
    file: event.answer?.step === "done" ? null : view.file,
    shown: event.answer,
    seen: event.answer,
  };
}
