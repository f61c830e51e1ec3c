import { setShopperCorpus } from "../../app/faq/engine/shopper-words.server";
import { metrics, type EvalQuery } from "./eval-data";
import { publishedSearch } from "./rank";
import { corpusSwitcher, type CvPlan } from "./cv";

/**
 * What the merchant's "other ways to ask" do for wordings nobody added: leaving one shop out at a
 * time (as --cv), each entry's shopper queries are split in two halves; one half is given to the
 * entry as ways to ask and the other half is ranked, then the other way round. Measured twice:
 * giving every wording of the half, and giving only the wordings the engine got wrong without
 * them (what a merchant adds from the gap report). Queries with one relevant entry only.
 */
export async function waysToAskCv(plan: CvPlan) {
  const swapCorpus = corpusSwitcher(plan);
  type Row = { locale: string; relevant: string[]; ranked: string[] };
  const out = { none: [] as Row[], all: [] as Row[], failed: [] as Row[] };
  for (const held of plan.held) {
    await swapCorpus(held);
    for (const locale of [...new Set(held.faq.map((e) => e.locale))].sort()) {
      const docs = held.faq.filter((e) => e.locale === locale);
      const search = (ways: Map<string, string[]>) =>
        publishedSearch(
          docs.map((e) => ({ ...e, phrasings: ways.get(e.id) ?? [] })),
        );
      const none = await search(new Map());
      const ranked = (s: typeof none, q: EvalQuery) => ({
        locale,
        relevant: q.relevant,
        ranked: s(q.query, 10).hits.map((h) => h.id),
      });
      const byEntry = new Map<string, EvalQuery[]>();
      for (const q of held.queries)
        if (q.locale === locale && q.relevant.length === 1)
          byEntry.set(q.relevant[0], [
            ...(byEntry.get(q.relevant[0]) ?? []),
            q,
          ]);
      for (const half of [0, 1]) {
        const all = new Map<string, string[]>();
        const failed = new Map<string, string[]>();
        const test: EvalQuery[] = [];
        for (const [id, list] of byEntry)
          list.forEach((q, i) => {
            if (i % 2 === half) return void test.push(q);
            all.set(id, [...(all.get(id) ?? []), q.query]);
            if (none(q.query, 1).hits[0]?.id !== id)
              failed.set(id, [...(failed.get(id) ?? []), q.query]);
          });
        const [withAll, withFailed] = [await search(all), await search(failed)];
        for (const q of test) {
          out.none.push(ranked(none, q));
          out.all.push(ranked(withAll, q));
          out.failed.push(ranked(withFailed, q));
        }
      }
    }
  }
  setShopperCorpus();
  const fmt = (v: number) => v.toFixed(3);
  console.log(
    "locale  queries  MRR@10 / R@1 / R@3: no ways to ask | every wording of the other half | its failed wordings",
  );
  for (const locale of [...new Set(out.none.map((r) => r.locale))].sort()) {
    const m = (rows: Row[]) => {
      const x = metrics(rows.filter((r) => r.locale === locale));
      return `${fmt(x.mrr10)} / ${fmt(x.recall1)} / ${fmt(x.recall3)}`;
    };
    const n = out.none.filter((r) => r.locale === locale).length;
    console.log(
      `${locale.padEnd(7)} ${String(n).padStart(7)}  ${m(out.none)} | ${m(out.all)} | ${m(out.failed)}`,
    );
  }
}
