import type { DocumentSummary } from './documents.ts';

/** Every tag with how many documents carry it, most used first, then alphabetical. */
export function tagCounts(docs: readonly DocumentSummary[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of docs) for (const t of d.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
