import { packWordCounts, type WordCounts } from './word-counts.ts';

/**
 * The words of a text as "did you mean" offers them: lower case, 3 to 30 letters, digits
 * and inner hyphens. Counted where each body is rendered, so a build adds up counts instead
 * of scanning every document's text again.
 */
export function wordCounts(text: string): WordCounts {
  const counts = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(/[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g)) {
    if (word.length < 3 || word.length > 30) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return packWordCounts(counts);
}

/**
 * The words a knowledge base uses, most frequent first, for "did you mean" on the search
 * page. Built from the documents of the build's audience only, so no restricted word leaks.
 */
export function vocabularyOf(parts: Iterable<WordCounts>, limit = 20_000): string[] {
  const counts = new Map<string, number>();
  for (const part of parts) {
    if (!part.words) continue;
    part.words.split(' ').forEach((word, i) => counts.set(word, (counts.get(word) ?? 0) + part.counts[i]!));
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([word]) => word);
}
