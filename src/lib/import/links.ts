import { isSafeUrl } from '../../plugins/remark-safe-mdx.ts';
import { posix } from 'node:path';

/** Where a link of an imported document leads once imported. */
export type LinkTarget = { kind: 'document'; path: string } | { kind: 'file'; path: string } | { kind: 'external' } | { kind: 'unresolved'; reason: string };

/** Folder pages: the file a folder's own URL shows. */
export const folderPageNames = ['readme', 'index', '_index'];

/**
 * Resolves a link written in `from` (a path inside the imported folder) against the files
 * being imported: relative and root-relative paths, with or without `.md`, Middleman/Hugo
 * `.html` output names, folders (their README/index page). Returns the source path it
 * names; web and mail links are external, anything else unresolved with the reason.
 */
export function resolveLink(url: string, from: string, documents: ReadonlySet<string>, files: ReadonlySet<string>): LinkTarget {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return isSafeUrl(url) ? { kind: 'external' } : { kind: 'unresolved', reason: 'a scheme browsers cannot follow safely' };
  if (url.startsWith('//')) return { kind: 'external' };
  const [path] = url.split(/[?#]/, 1) as [string];
  if (path === '') return { kind: 'external' }; // an anchor on the same page
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // kept as written
  }
  const joined = decoded.startsWith('/') ? posix.normalize(decoded.slice(1)) : posix.normalize(posix.join(posix.dirname(from), decoded));
  if (joined.startsWith('..')) return { kind: 'unresolved', reason: 'points outside the imported folder' };
  const base = joined.replace(/\/$/, '').replace(/^\.$/, '');
  const lower = new Map([...documents].map((d) => [d.toLowerCase(), d]));
  const doc = (p: string) => lower.get(p.toLowerCase());
  const stem = base.replace(/\.(html?|md|markdown)$/i, '');
  const candidates = [
    base,
    `${stem}.md`,
    `${stem}.markdown`,
    `${stem}.html.md`,
    ...folderPageNames.flatMap((n) => [posix.join(stem, `${n}.md`), posix.join(base, `${n}.md`), posix.join(base, `${n}.html`)]),
  ];
  if (/\/(index|readme|_index)$/i.test(stem)) candidates.push(...folderPageNames.map((n) => `${posix.dirname(stem)}/${n}.md`));
  for (const c of candidates) {
    const found = doc(c.replace(/^\//, ''));
    if (found) return { kind: 'document', path: found };
  }
  // A site-root path (`/docs/x`) of a generator whose pages live in a subfolder (Hugo's content/).
  if (decoded.startsWith('/')) {
    for (const c of candidates) {
      const found = [...documents].filter((d) => d.toLowerCase().endsWith(`/${c.toLowerCase()}`)).sort((a, b) => a.length - b.length)[0];
      if (found) return { kind: 'document', path: found };
    }
  }
  if (files.has(base)) return { kind: 'file', path: base };
  return { kind: 'unresolved', reason: /\.(md|markdown|html?)$/i.test(base) || !posix.extname(base) ? 'no imported page is there' : 'no such file in the imported folder' };
}
