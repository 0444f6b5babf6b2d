import Fuse from 'fuse.js';

/** One row of `/api/quickjump.json`: just enough to find a document and go there. */
export interface QuickJumpEntry {
  id: string;
  title: string;
  aliases: string[];
  /** The collection's singular label, e.g. Runbook. */
  kind: string;
  url: string;
  status?: string;
}

const idShape = /^(inc|rb|pb|retro|mg|prj)[\s_-]*(.*)$/i;

/**
 * The IDs a typed query may mean: `inc 2025 14` and `INC-2025-14` mean INC-2025-014,
 * `rb12` means RB-0012. Numbers are padded to the width each ID form uses.
 */
export function idCandidates(query: string): string[] {
  const match = idShape.exec(query.trim());
  if (!match) return [];
  const prefix = match[1]!.toUpperCase();
  const rest = match[2]!.trim().replace(/[\s_]+/g, '-');
  if (prefix === 'PRJ') return [`PRJ-${/^\d+$/.test(rest) ? rest.padStart(4, '0') : rest.toLowerCase()}`];
  if (prefix === 'INC') {
    const parts = /^(\d{4})-?(\d{1,3})$/.exec(rest);
    return parts ? [`INC-${parts[1]}-${parts[2]!.padStart(3, '0')}`] : [];
  }
  return /^\d{1,4}$/.test(rest) ? [`${prefix}-${rest.padStart(4, '0')}`] : [];
}

/** The entries a query names by ID, as typed or padded (`rb 12` is RB-0012). */
function byIdLookup(entries: readonly QuickJumpEntry[]): (query: string) => QuickJumpEntry[] {
  const byId = new Map(entries.map((e) => [e.id.toLowerCase(), e]));
  return (query) => [...new Set([query, ...idCandidates(query)].map((c) => byId.get(c.toLowerCase())).filter((e): e is QuickJumpEntry => e !== undefined))];
}

/** One quick-jump match: `score` 0 is an exact ID, then Fuse's fuzzy score (lower is closer). */
export interface QuickJumpMatch {
  entry: QuickJumpEntry;
  score: number;
  /** The ID, title or alias that matched. */
  matched: string;
}

/**
 * A quick-jump search over the manifest: an exact (or padded) ID first, then fuzzy matches
 * on ID, title and aliases that forgive typos word by word.
 */
export function createQuickMatcher(entries: readonly QuickJumpEntry[]): (query: string, limit?: number) => QuickJumpMatch[] {
  const exactIds = byIdLookup(entries);
  const fuse = new Fuse(entries, {
    keys: [
      { name: 'id', weight: 3 },
      { name: 'title', weight: 2 },
      { name: 'aliases', weight: 1.5 },
    ],
    useTokenSearch: true,
    // Every word must match somewhere (forgiving typos), so adding a word narrows the list.
    tokenMatch: 'all',
    threshold: 0.34,
    ignoreLocation: true,
    includeScore: true,
    includeMatches: true,
  });
  return (query, limit = 8) => {
    const q = query.trim();
    if (!q) return [];
    const exact = exactIds(q);
    const seen = new Set<string>();
    const matches: QuickJumpMatch[] = [];
    for (const entry of exact) if (!seen.has(entry.id)) (seen.add(entry.id), matches.push({ entry, score: 0, matched: entry.id }));
    for (const r of fuse.search(q, { limit: limit + exact.length })) {
      if (seen.has(r.item.id)) continue;
      seen.add(r.item.id);
      // The best-scoring field is what the reader recognises: show the alias they typed, not the title.
      const best = [...(r.matches ?? [])].sort((a, b) => b.indices.reduce((n, [s, e]) => n + e - s, 0) - a.indices.reduce((n, [s, e]) => n + e - s, 0))[0];
      matches.push({ entry: r.item, score: r.score ?? 1, matched: best?.value ?? r.item.title });
    }
    return matches.slice(0, limit);
  };
}

/** The quick-jump palette's search: the entries of the closest matches, best first. */
export function createQuickJump(entries: readonly QuickJumpEntry[]): (query: string, limit?: number) => QuickJumpEntry[] {
  const match = createQuickMatcher(entries);
  return (query, limit) => match(query, limit).map((m) => m.entry);
}

/**
 * The documents a query names, for ranking them first on the search page: its ID (as typed or
 * padded), then a title or alias equal to the query, then ones containing it (3 characters or
 * more). Plain lookups, no fuzzy index: cheap at 10,000 documents on every keystroke.
 */
export function createNameLookup(entries: readonly QuickJumpEntry[]): (query: string, limit?: number) => QuickJumpMatch[] {
  const exactIds = byIdLookup(entries);
  const names = entries.flatMap((entry) => [entry.title, ...entry.aliases].map((name) => ({ entry, name, lower: name.toLowerCase() })));
  return (query, limit = 3) => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const found = new Map<string, QuickJumpMatch>();
    const add = (entry: QuickJumpEntry, matched: string, score: number) => {
      if (!found.has(entry.id)) found.set(entry.id, { entry, score, matched });
    };
    for (const entry of exactIds(q)) add(entry, entry.id, 0);
    for (const n of names) if (n.lower === q) add(n.entry, n.name, 0.01);
    if (q.length >= 3) for (const n of names) if (n.lower.includes(q)) add(n.entry, n.name, 0.1);
    return [...found.values()].slice(0, limit);
  };
}
