/**
 * Batches storefront FAQ signals and sends them with navigator.sendBeacon through the app proxy:
 * when ten are waiting, when the page is hidden, or when the shopper leaves. No request is made
 * on page load.
 */
export type FaqSignal =
  | { t: "search"; q: string; r: "empty" | "weak" }
  | { t: "open"; h: string; q?: string }
  | { t: "vote"; h: string; v: 0 | 1; q?: string };

export class BeaconQueue {
  // Private names, which the minifier shortens: the storefront script has a 4 KB budget.
  #events: FaqSignal[] = [];
  #endpoint: string;
  #locale: string;
  #send: (url: string, body: string) => boolean;

  constructor(
    endpoint: string,
    locale: string,
    send = (url: string, body: string) => navigator.sendBeacon(url, body),
  ) {
    this.#endpoint = endpoint;
    this.#locale = locale;
    this.#send = send;
  }

  push(event: FaqSignal): void {
    this.#events.push(event);
    if (this.#events.length >= 10) this.flush();
  }

  flush(): void {
    if (!this.#events.length) return;
    const batch = this.#events.splice(0, 20);
    const id = Math.random().toString(36).slice(2) + Date.now().toString(36);
    // A plain-text body keeps the beacon a "simple" request: no CORS preflight.
    this.#send(
      this.#endpoint,
      JSON.stringify({ id, l: this.#locale, e: batch }),
    );
  }
}
