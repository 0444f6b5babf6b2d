/**
 * The words a knowledge base uses, most frequent first, for "did you mean" on the search
 * page. Built from the documents of the build's audience only, so no restricted word leaks.
 */
export function vocabularyOf(texts: Iterable<string>, limit = 20_000): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const [word] of text.toLowerCase().matchAll(/[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g)) {
      if (word.length < 3 || word.length > 30) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([word]) => word);
}
