import { BeaconQueue } from "./beacons";
import { loadSearch, type FaqSearch } from "./engine";

/**
 * The shopper's vote on an entry, remembered in this browser (read, or written when `v` is given).
 * Storage can be off or full (private browsing): then votes are simply not remembered.
 */
function stored(handle: string, v?: string): string | null {
  try {
    const key = `tsunagu-faq-vote:${handle}`;
    if (v) localStorage.setItem(key, v);
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * <tsunagu-faq>: instant search over the prebuilt index the block embeds, deep links (#faq-…),
 * "was this helpful?" and signals for the merchant. Every entry is already in the HTML; this
 * only enhances it.
 */
class TsunaguFaq extends HTMLElement {
  // Private names (#), which the minifier shortens: the script has a 4 KB budget.
  #search: FaqSearch | null = null;
  #beacons!: BeaconQueue;
  #query = "";
  #reported = "";
  #typingTimer = 0;
  #opened = new Set<string>();

  connectedCallback() {
    const chunks = [
      ...this.querySelectorAll<HTMLScriptElement>("script[data-faq-index]"),
    ].map((s) => JSON.parse(s.textContent || "null"));
    const strings = JSON.parse(
      this.querySelector("script[data-faq-strings]")?.textContent || "{}",
    ) as Record<string, string>;
    this.#search = chunks.length ? loadSearch(chunks) : null;
    // The block always writes both (blocks/faq.liquid): the element is its markup, not a tag
    // to use alone.
    this.#beacons = new BeaconQueue(
      this.dataset.endpoint!,
      this.dataset.locale!,
    );
    // The search form, and with it the results, count and notices, comes with the index: the
    // block writes them together (blocks/faq.liquid).
    const form = this.querySelector("form");
    const input = this.querySelector<HTMLInputElement>("input[type=search]");
    const results = this.querySelector<HTMLElement>(".tsunagu-faq__results")!;
    const count = this.querySelector<HTMLElement>(".tsunagu-faq__count")!;
    const empty = this.querySelector<HTMLElement>(".tsunagu-faq__empty")!;
    const loose = this.querySelector<HTMLElement>(".tsunagu-faq__weak")!;

    const run = (report: boolean) => {
      if (!this.#search) return;
      const query = input!.value.trim().slice(0, 200);
      // The same query again (the pause, Enter, a trailing space) leaves the results alone: rebuilt,
      // the live region had screen readers read them all out once more.
      const same = query === this.#query;
      this.#query = query;
      if (!same) {
        results.textContent = count.textContent = "";
        empty.hidden = loose.hidden = true;
      }
      if (!query) return;
      const found = this.#search(this.#query);
      // Only entries this block shows: a block limited to some categories counts none of the rest.
      const hits = found.hits.filter((id) => this.#entry(id));
      const weak = found.weak;
      if (!same && hits.length) {
        // "1 matching question", not "1 matching questions": the block sends both forms.
        count.textContent = (
          (hits.length == 1 && strings.result) ||
          strings.results ||
          "{count}"
        ).replace("{count}", String(hits.length));
        const list = document.createElement("ol");
        for (const id of hits) {
          const entry = this.#entry(id)!;
          const a = document.createElement("a");
          a.href = `#faq-${id}`;
          a.textContent = entry.querySelector("summary")?.textContent || id;
          a.addEventListener("click", (e) => {
            e.preventDefault();
            this.#open(id, true);
          });
          list.appendChild(document.createElement("li")).appendChild(a);
        }
        results.append(list);
        loose.hidden = !weak;
      } else if (!same) empty.hidden = false;
      if (report && (weak || !hits.length) && this.#query !== this.#reported) {
        this.#reported = this.#query;
        this.#beacons.push({
          t: "search",
          q: this.#query,
          r: hits.length ? "weak" : "empty",
        });
      }
    };

    // Results follow each keystroke; only a query the shopper paused on (or submitted) is reported.
    input?.addEventListener("input", () => {
      run(false);
      clearTimeout(this.#typingTimer);
      this.#typingTimer = window.setTimeout(() => run(true), 1500);
    });
    form?.addEventListener("submit", (e) => {
      if (!this.#search) return;
      e.preventDefault();
      clearTimeout(this.#typingTimer);
      run(true);
    });

    this.addEventListener(
      "toggle",
      (e) => this.#onToggle(e.target as HTMLDetailsElement),
      true,
    );
    this.addEventListener("click", (e) =>
      this.#onVote(e.target as HTMLElement, strings.thanks || ""),
    );
    for (const vote of this.querySelectorAll<HTMLElement>(
      ".tsunagu-faq__vote",
    )) {
      vote.hidden = false;
      // A vote given on an earlier visit shows as given, and is not asked for again.
      const h = vote.closest("details")?.dataset.handle;
      const given = h && stored(h);
      if (given) this.#mark(vote, given);
    }
    const follow = () => {
      const m = /^#faq-([a-z0-9-]+)$/.exec(location.hash);
      if (m) this.#open(m[1], false);
    };
    window.addEventListener("hashchange", follow);
    follow();
    const flush = () => this.#beacons.flush();
    document.addEventListener(
      "visibilitychange",
      () => document.visibilityState === "hidden" && flush(),
    );
    window.addEventListener("pagehide", flush);
  }

  #entry(id: string) {
    return this.querySelector<HTMLDetailsElement>(
      `details[data-handle="${id}"]`,
    );
  }

  #open(id: string, fromSearch: boolean) {
    const entry = this.#entry(id);
    if (!entry) return;
    entry.open = true;
    if (fromSearch) history.replaceState(null, "", `#faq-${id}`);
    entry.scrollIntoView({ block: "start" });
    entry.querySelector("summary")?.focus();
  }

  #onToggle(details: HTMLDetailsElement) {
    const h = details.dataset?.handle;
    if (!h || !details.open || this.#opened.has(h)) return;
    this.#opened.add(h);
    // No query, no q: JSON leaves out a key whose value is undefined.
    this.#beacons.push({ t: "open", h, q: this.#query || undefined });
  }

  /** The entry's vote buttons as voted, the one for `vote` ("1" or "0") pressed. */
  #mark(within: HTMLElement, vote: string) {
    for (const b of within.querySelectorAll<HTMLElement>("button[data-vote]")) {
      b.setAttribute("aria-disabled", "true");
      b.setAttribute("aria-pressed", String(b.dataset.vote == vote));
    }
  }

  #onVote(target: HTMLElement, thanks: string) {
    const button = target.closest<HTMLButtonElement>("button[data-vote]");
    const details = button?.closest<HTMLDetailsElement>("details");
    // One vote per entry. aria-disabled, not disabled: disabling the focused button would throw
    // a keyboard user's focus back to the top of the page.
    if (
      !button ||
      !details?.dataset.handle ||
      button.getAttribute("aria-disabled")
    )
      return;
    const v = button.dataset.vote === "1" ? 1 : 0;
    this.#beacons.push({
      t: "vote",
      h: details.dataset.handle,
      v,
      q: this.#query || undefined,
    });
    stored(details.dataset.handle, String(v));
    this.#mark(details, String(v));
    const status = details.querySelector(".tsunagu-faq__thanks");
    if (status) status.textContent = thanks;
  }
}

if (!customElements.get("tsunagu-faq"))
  customElements.define("tsunagu-faq", TsunaguFaq);
