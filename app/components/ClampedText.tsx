import type { CSSProperties } from "react";

/**
 * Text of any length in a table cell: at most `lines` lines within `maxWidth`, then an ellipsis;
 * the whole text shows on hover (title) and stays in the page for screen readers. Polaris'
 * `Text truncate` does nothing there, IndexTable cells growing to fit their text on one line,
 * so a long survey question pushed every other column off the card.
 */
export function ClampedText({
  text,
  lines = 2,
  maxWidth = "28rem",
}: {
  text: string;
  lines?: number;
  maxWidth?: string;
}) {
  return (
    <span title={text} style={clampStyle(lines, maxWidth)}>
      {text}
    </span>
  );
}

export const clampStyle = (lines: number, maxWidth: string): CSSProperties => ({
  display: "-webkit-box",
  WebkitBoxOrient: "vertical",
  WebkitLineClamp: lines,
  overflow: "hidden",
  // The cell says nowrap; Japanese has no spaces to break at, so any character may end a line.
  whiteSpace: "normal",
  overflowWrap: "anywhere",
  maxWidth,
  minWidth: "10rem",
});
