/**
 * Words and how often each occurs, packed small for caches: the distinct words space-separated
 * in order of first use, their counts in the same order.
 */
export interface WordCounts {
  words: string;
  counts: number[];
}

export const noWordCounts: WordCounts = { words: '', counts: [] };

export function packWordCounts(counts: ReadonlyMap<string, number>): WordCounts {
  return { words: [...counts.keys()].join(' '), counts: [...counts.values()] };
}
