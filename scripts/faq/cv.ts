import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import {
  analyseShopperTexts,
  setShopperCorpus,
  type ShopperEntry,
} from "../../app/faq/engine/shopper-words.server";
import { shown } from "../../app/faq/engine/query";
import { callerPath } from "../cli";
import { publishedSearch } from "./rank";
import { corpusOf, type TrainingShop } from "./shopper-corpus";

/**
 * Leave-one-shop-out measurement over the training corpus (`npm run faq:train -- --cv`): each
 * held-out shop's FAQ is indexed with shoppers' words borrowed from other shops only, and its
 * queries are ranked as faq:eval ranks them.
 *
 * What is held out and what is borrowed from can be narrowed, so that a figure is rerunnable
 * like for like after the corpus grows:
 * - `held`: the shops to hold out in turn (default: all);
 * - `from`: the shops that may be borrowed from (default: all; the held-out shop never is);
 * - `borrow`: a fraction of `from`, chosen by a hash of each shop's name, so that the same shops
 *   are chosen whatever else the corpus holds (a learning curve).
 */
export interface CvPlan {
  held: TrainingShop[];
  from: TrainingShop[];
  borrow: number;
}

export class CvOptionError extends Error {}

/** "a,b,c", or "@file" with one name a line: names of training shops, each checked. */
export function shopList(arg: string, shops: TrainingShop[]): TrainingShop[] {
  // A file's relative path is read from where npm was started, as faq:eval's.
  const file = (f: string) => {
    try {
      return readFileSync(callerPath(f), "utf8");
    } catch (error) {
      throw new CvOptionError(`${f}: ${(error as Error).message}`);
    }
  };
  const names = (arg.startsWith("@") ? file(arg.slice(1)) : arg)
    .split(/[\s,]+/)
    .filter(Boolean);
  const byName = new Map(shops.map((s) => [s.shop, s]));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length)
    throw new CvOptionError(`not a training shop: ${unknown.join(", ")}`);
  if (!names.length) throw new CvOptionError(`no shop named in "${arg}"`);
  return [...new Set(names)].map((n) => byName.get(n)!);
}

/** FNV-1a of the name, as a fraction in [0, 1): whether a shop is among a `borrow` share. */
export function shareOf(name: string): number {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(name, "utf8")) {
    h ^= c;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

/** The shops a held-out shop borrows from under a plan. */
export const lenders = (plan: CvPlan, held: TrainingShop) =>
  plan.from.filter(
    (s) =>
      s.shop !== held.shop &&
      (plan.borrow >= 1 || shareOf(s.shop) < plan.borrow),
  );

/** Analyses each lending shop's entries once, then swaps in the corpus without the held-out shop. */
export function corpusSwitcher(plan: CvPlan) {
  const analysed = new Map<string, Promise<ShopperEntry[]>>();
  const of = (s: TrainingShop) =>
    analysed.get(s.shop) ??
    analysed
      .set(s.shop, analyseShopperTexts(corpusOf([s]).entries))
      .get(s.shop)!;
  return async (held: TrainingShop) =>
    setShopperCorpus((await Promise.all(lenders(plan, held).map(of))).flat());
}

export interface CvRow {
  shop: string;
  locale: string;
  relevant: string[];
  ranked: string[];
  /** how many entries the storefront lists for the query (`shown`) */
  listed: number;
  /** of the right entries among the first eight, how many it lists */
  right: number;
  kept: number;
}

async function heldOut(
  held: TrainingShop,
  swapCorpus: (held: TrainingShop) => Promise<void>,
): Promise<CvRow[]> {
  await swapCorpus(held);
  const rows: CvRow[] = [];
  for (const locale of [...new Set(held.faq.map((e) => e.locale))].sort()) {
    const search = await publishedSearch(
      held.faq.filter((e) => e.locale === locale),
    );
    for (const q of held.queries.filter((q) => q.locale === locale)) {
      const hits = search(q.query, 10).hits;
      const listed = new Set(shown(hits).map((h) => h.id));
      const right = hits.slice(0, 8).filter((h) => q.relevant.includes(h.id));
      rows.push({
        shop: held.shop,
        locale,
        relevant: q.relevant,
        ranked: hits.map((h) => h.id),
        listed: listed.size,
        right: right.length,
        kept: right.filter((h) => listed.has(h.id)).length,
      });
    }
  }
  return rows;
}

const WORKER = "FAQ_CV_WORKER";

/**
 * Runs the plan over `jobs` processes (shops dealt out in turn), calling `done` with each
 * held-out shop's rows as it finishes. The worker processes are this script again, which calls
 * `cvWorker` first.
 */
export async function runCv(
  plan: CvPlan,
  jobs: number,
  done: (rows: CvRow[], shop: string) => void,
) {
  if (jobs <= 1) {
    await runShare(plan, 0, 1, async (rows, shop) => done(rows, shop));
    setShopperCorpus();
    return;
  }
  await Promise.all(
    Array.from(
      { length: jobs },
      (_, part) =>
        new Promise<void>((resolve, reject) => {
          const child = fork(process.argv[1], process.argv.slice(2), {
            execArgv: process.execArgv,
            env: { ...process.env, [WORKER]: `${part}/${jobs}` },
          });
          child.on(
            "message",
            (m: { shop: string; rows: CvRow[] }) => void done(m.rows, m.shop),
          );
          child.on("error", reject);
          child.on("exit", (code) =>
            code === 0
              ? resolve()
              : reject(new Error(`cv worker ${part} exited with ${code}`)),
          );
        }),
    ),
  );
}

/** In a worker process: runs its share of the plan and reports each shop to the parent. True if this is one. */
export async function cvWorker(plan: CvPlan): Promise<boolean> {
  const role = process.env[WORKER];
  if (!role || !process.send) return false;
  const [part, jobs] = role.split("/").map(Number);
  await runShare(
    plan,
    part,
    jobs,
    (rows, shop) => new Promise((r) => process.send!({ shop, rows }, r)),
  );
  return true;
}

/** Holds out the plan's shops dealt to `part` of `jobs`, reporting each one's rows. */
async function runShare(
  plan: CvPlan,
  part: number,
  jobs: number,
  report: (rows: CvRow[], shop: string) => Promise<unknown>,
) {
  const swapCorpus = corpusSwitcher(plan);
  for (const [i, held] of plan.held.entries())
    if (i % jobs === part)
      await report(await heldOut(held, swapCorpus), held.shop);
}
