import { useCallback, useState } from "react";

/**
 * An email body as the customer sees it, in a frame as tall as the email. A fixed height cut a
 * longer message (the Japanese one, with its store name at the bottom) while a shorter one fitted.
 * The frame runs no scripts (no allow-scripts); allow-same-origin only lets this page measure it.
 */
export function EmailPreviewFrame({
  title,
  html,
}: {
  title: string;
  html: string;
}) {
  const [height, setHeight] = useState(160);
  const measure = useCallback((frame: HTMLIFrameElement | null) => {
    const doc = frame?.contentDocument;
    if (!doc?.documentElement) return;
    setHeight(
      Math.max(
        160,
        doc.documentElement.scrollHeight,
        doc.body?.scrollHeight ?? 0,
      ),
    );
  }, []);
  return (
    <iframe
      title={title}
      sandbox="allow-same-origin"
      srcDoc={html}
      onLoad={(e) => measure(e.currentTarget)}
      style={{ width: "100%", height, border: 0, display: "block" }}
    />
  );
}
