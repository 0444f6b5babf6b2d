import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { collectionNames } from '../src/collections/index.ts';

/**
 * Indexes a built site with Pagefind into `<site>/pagefind/`. Only pages that mark their
 * content with `data-pagefind-body` (the document pages) are indexed, so navigation and
 * listing pages never crowd out the documents themselves.
 */
export async function indexSite(siteDir: string): Promise<{ ok: true; pages: number } | { ok: false; errors: string[] }> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) return { ok: false, errors };
    // Only document pages carry data-pagefind-body; reading the other two thirds of the HTML
    // (permanent links, embed cards, listings) would cost time and index nothing.
    const added = await index.addDirectory({ path: siteDir, glob: `{${collectionNames.join(',')}}/*/index.html` });
    if (added.errors.length > 0) return { ok: false, errors: added.errors };
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length > 0) return { ok: false, errors: written.errors };
    // Pagefind reads every HTML file but indexes only document pages; report what it indexed.
    const entry = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    return { ok: true, pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}
