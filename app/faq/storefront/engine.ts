import { createSearch, shown, type FaqIndex } from "../engine/query";

/** The storefront's view of the engine: ids of the entries offered, and whether the match is weak. */
export type FaqSearch = (query: string) => { hits: string[]; weak: boolean };

export function loadSearch(chunks: FaqIndex[]): FaqSearch {
  const search = createSearch(chunks);
  return (query) => {
    const result = search(query, 8);
    return { hits: shown(result.hits).map((h) => h.id), weak: result.weak };
  };
}
