import { Button } from "@shopify/polaris";
import { useState } from "react";
import { useT } from "../i18n/useT";
import { downloadErrorMessage } from "./download-error";

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
  const t = useT();
  const fail = (failure: unknown) =>
    window.shopify?.toast.show(downloadErrorMessage(t, failure), {
      isError: true,
    });
  async function download() {
    setBusy(true);
    try {
      const response = await fetch(href);
      if (!response.ok) return fail({ status: response.status });
      const url = URL.createObjectURL(await response.blob());
      const a = Object.assign(document.createElement("a"), {
        href: url,
        download: filename,
      });
      a.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      fail(error);
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
