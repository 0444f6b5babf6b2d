import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Files documents link to or show (images, PDFs brought in by `npm run import`) live in
 * `content/assets/`; the site serves them under `/assets/`. Only files a published document
 * uses are published, so an image of a restricted document never reaches a wider audience.
 */
export const documentFilesFolder = 'assets';

/** The site paths (`/assets/runbooks/diagram.png`) of every file under the content folder's assets. */
export function documentFilePaths(contentDir: string): string[] {
  const dir = join(contentDir, documentFilesFolder);
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => `/${documentFilesFolder}/${relative(dir, join(e.parentPath, e.name)).split('\\').join('/')}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The `/assets/…` paths that rendered pages link to or show. */
export function documentFilesUsed(htmls: Iterable<string>): Set<string> {
  const used = new Set<string>();
  for (const html of htmls) for (const m of html.matchAll(/(?:href|src)="(\/assets\/[^"#?]+)/g)) used.add(decodeURI(m[1]!));
  return used;
}

/** Copies the used document files that exist into the built site; returns how many. */
export function publishDocumentFiles(contentDir: string, site: string, used: ReadonlySet<string>): number {
  const existing = new Set(documentFilePaths(contentDir));
  let copied = 0;
  for (const path of used) {
    if (!existing.has(path)) continue;
    const to = join(site, path);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(contentDir, path), to);
    copied++;
  }
  return copied;
}
