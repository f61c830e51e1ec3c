import { Button } from "@shopify/polaris";
import { useState } from "react";

/**
 * Downloads a file from an authenticated app route. Inside the admin the app is framed and
 * authenticated by session tokens that App Bridge adds to fetch(), so a plain link would not
 * carry them; fetch, then hand the browser a blob.
 */
export function DownloadButton({
  href,
  filename,
  children,
}: {
  href: string;
  filename: string;
  children: string;
}) {
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    try {
      const response = await fetch(href);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const a = Object.assign(document.createElement("a"), {
        href: url,
        download: filename,
      });
      a.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      window.shopify?.toast.show(String(error), { isError: true });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button onClick={download} loading={busy} variant="plain">
      {children}
    </Button>
  );
}
