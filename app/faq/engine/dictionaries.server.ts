import { releasePhrases } from "./analyze.server";
import { releaseWordNet } from "./glosses.server";
import { releaseTokenizer } from "./kuromoji.server";
import { releaseOnyomi } from "./onyomi.server";
import { releaseShopperTables } from "./shopper-words.server";
import { releaseThesaurus } from "./synonyms.server";

/**
 * What an index build loads and keeps for the next one: the Japanese dictionary (76 MB of
 * buffers), the shoppers' corpus as tables (38 MB of heap), Sudachi's thesaurus and the lexicon
 * (30 MB), WordNet (11 MB), kanji readings (8 MB) and the phrases analysed from them. A process
 * builds in bursts (a merchant's edits, the hourly learning publish, the admin's search preview,
 * a shopper's search without JavaScript) and otherwise holds them for nothing: they are let go
 * once no build has run for `IDLE_MS`, and the next build loads them again (about 3.5 s, as a
 * first publish; `npm run bench:faq`).
 */
const IDLE_MS = 10 * 60_000;

let idleMs = IDLE_MS;
let building = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Runs one index build; once no build is running, the dictionaries are let go after the idle time. */
export async function whileBuilding<T>(build: () => Promise<T>): Promise<T> {
  building++;
  if (timer) clearTimeout(timer);
  timer = null;
  try {
    return await build();
  } finally {
    building--;
    if (!building) {
      timer = setTimeout(releaseDictionaries, idleMs);
      // A script that built an index exits when it is done, without waiting for this.
      timer.unref();
    }
  }
}

/** Lets every dictionary an index build loaded go now (a build running keeps what it holds). */
export function releaseDictionaries() {
  if (timer) clearTimeout(timer);
  timer = null;
  releaseTokenizer();
  releaseShopperTables();
  releaseThesaurus();
  releaseWordNet();
  releaseOnyomi();
  releasePhrases();
}

/** For tests: the idle time before the dictionaries are let go (none: the default, ten minutes). */
export function setDictionariesIdle(ms?: number) {
  idleMs = ms ?? IDLE_MS;
}
