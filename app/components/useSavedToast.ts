import { useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { SAVED_PARAM } from "./saved-notice";

/** After a save that redirected here with `?saved=1`: one toast, then the flag leaves the URL. */
export function useSavedToast(message: string): void {
  const [params, setParams] = useSearchParams();
  const saved = params.has(SAVED_PARAM);
  // Once per arrival, even where effects run twice (React's strict mode in development).
  const shown = useRef(false);
  useEffect(() => {
    if (!saved) {
      shown.current = false;
      return;
    }
    if (shown.current) return;
    shown.current = true;
    window.shopify?.toast.show(message);
    setParams(
      (p) => {
        p.delete(SAVED_PARAM);
        return p;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [saved, message, setParams]);
}
