import Fuse from 'fuse.js';

let vocabulary: Promise<{ words: Set<string>; fuse: Fuse<string> } | undefined> | undefined;

/**
 * "Did you mean": Pagefind matches words exactly (and by prefix), so a typo finds nothing.
 * Each unknown word of the query is replaced by the closest word the knowledge base uses.
 * The word list (`/api/vocabulary.json`) is fetched once, after the first full-text query.
 */
export async function suggestWords(query: string): Promise<string | undefined> {
  vocabulary ??= fetch('/api/vocabulary.json')
    .then((r) => r.json() as Promise<string[]>)
    .then((list) => ({ words: new Set(list), fuse: new Fuse(list, { threshold: 0.34, ignoreLocation: true, includeScore: true }) }))
    .catch(() => undefined);
  const v = await vocabulary;
  if (!v) return undefined;
  let changed = false;
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      if (v.words.has(word) || word.length < 3) return word;
      const best = v.fuse.search(word, { limit: 1 })[0];
      if (!best) return word;
      changed = true;
      return best.item;
    });
  return changed ? words.join(' ') : undefined;
}
