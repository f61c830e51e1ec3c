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
  private events: FaqSignal[] = [];

  constructor(
    private readonly endpoint: string,
    private readonly locale: string,
    private readonly send: (url: string, body: string) => boolean = (
      url,
      body,
    ) => navigator.sendBeacon(url, body),
  ) {}

  push(event: FaqSignal): void {
    this.events.push(event);
    if (this.events.length >= 10) this.flush();
  }

  flush(): void {
    if (!this.events.length) return;
    const batch = this.events.splice(0, 20);
    const id = Math.random().toString(36).slice(2) + Date.now().toString(36);
    // A plain-text body keeps the beacon a "simple" request: no CORS preflight.
    this.send(this.endpoint, JSON.stringify({ id, l: this.locale, e: batch }));
  }
}
