/**
 * Labelled comments as tab-separated text, the format of `comments:eval` and of the training
 * data: a header naming at least text, sentiment and loyalty (locale optional, "ja" when absent
 * or blank; column order free), then one comment per line. A byte-order mark and CRLF line ends
 * are accepted; blank lines are skipped. Anything else is an error naming its line.
 * With `labels: false` (predictions only, `comments:eval --json`) only the text is required and
 * the label columns are read as they are, blank or missing included.
 */
export const SENTIMENTS = ["positive", "neutral", "negative"];
export const LOYALTIES = ["psychological", "behavioral", "none"];

export interface LabelledComment {
  /** Line number in the file (1 is the header). */
  line: number;
  locale: string;
  text: string;
  sentiment: string;
  loyalty: string;
}

export function parseLabelledComments(
  tsv: string,
  { labels = true }: { labels?: boolean } = {},
): LabelledComment[] {
  const lines = tsv.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim());
  const cols = (lines[headerAt] ?? "")
    .split("\t")
    .map((c) => c.trim().toLowerCase());
  const at = (name: string) => cols.indexOf(name);
  if (at("text") < 0 || (labels && (at("sentiment") < 0 || at("loyalty") < 0)))
    throw new Error(
      labels
        ? "the header needs locale, text, sentiment and loyalty columns (tab-separated)"
        : "the header needs a text column (tab-separated)",
    );
  const out: LabelledComment[] = [];
  lines.forEach((raw, i) => {
    if (i <= headerAt || !raw.trim()) return;
    const c = raw.split("\t");
    const [locale, text, sentiment, loyalty] = [
      "locale",
      "text",
      "sentiment",
      "loyalty",
    ].map((n) => (at(n) < 0 ? "" : (c[at(n)] ?? "").trim()));
    const line = i + 1;
    if (!text) throw new Error(`line ${line}: no text`);
    if (labels && !SENTIMENTS.includes(sentiment))
      throw new Error(
        `line ${line}: sentiment must be ${SENTIMENTS.join(", ")} (got "${sentiment}")`,
      );
    if (labels && !LOYALTIES.includes(loyalty))
      throw new Error(
        `line ${line}: loyalty must be ${LOYALTIES.join(", ")} (got "${loyalty}")`,
      );
    out.push({ line, locale: locale || "ja", text, sentiment, loyalty });
  });
  return out;
}
