import { suggestQuery } from '../lib/did-you-mean.ts';

let vocabulary: Promise<{ list: string[]; known: Set<string> } | undefined> | undefined;

/**
 * "Did you mean" for the search page. The word list (`/api/vocabulary.json`, most frequent
 * first) is fetched once, after the first full-text query.
 */
export async function suggestWords(query: string): Promise<string | undefined> {
  vocabulary ??= fetch('/api/vocabulary.json')
    .then((r) => r.json() as Promise<string[]>)
    .then((list) => ({ list, known: new Set(list) }))
    .catch(() => undefined);
  const v = await vocabulary;
  return v && suggestQuery(query, v.list, v.known);
}
