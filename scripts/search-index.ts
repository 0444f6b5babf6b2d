import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import * as pagefind from 'pagefind';
import { collectionNames } from '../src/collections/index.ts';

export type IndexResult = { ok: true; pages: number } | { ok: false; errors: string[] };

/**
 * Starts indexing a built site with Pagefind into `<site>/pagefind/`. Only pages that mark
 * their content with `data-pagefind-body` (the document pages) are indexed, so navigation
 * and listing pages never crowd out the documents themselves. Pagefind works in its own
 * process: the caller may go on with work that does not touch document pages (writing
 * records, say) and then `finish`.
 */
export async function startIndexing(siteDir: string): Promise<{ finish(): Promise<IndexResult> }> {
  const close = async <T>(result: T) => {
    await pagefind.close();
    return result;
  };
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) return { finish: () => close({ ok: false, errors }) };
    // Only document pages carry data-pagefind-body; reading the other two thirds of the HTML
    // (permanent links, embed cards, listings) would cost time and index nothing.
    const adding = index.addDirectory({ path: siteDir, glob: `{${collectionNames.join(',')}}/*/index.html` });
    // Handled in `finish`; until then a failure must not end the process as an unhandled rejection.
    adding.catch(() => {});
    // One turn of the event loop, so the request reaches Pagefind before the caller's own work blocks this thread.
    await setImmediate();
    return {
      async finish() {
        try {
          const added = await adding;
          if (added.errors.length > 0) return await close({ ok: false, errors: added.errors });
          const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
          if (written.errors.length > 0) return await close({ ok: false, errors: written.errors });
          // Pagefind reads every HTML file but indexes only document pages; report what it indexed.
          const entry = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
          return await close({ ok: true, pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0) });
        } catch (error) {
          return close({ ok: false, errors: [error instanceof Error ? error.message : String(error)] });
        }
      },
    };
  } catch (error) {
    return { finish: () => close({ ok: false, errors: [error instanceof Error ? error.message : String(error)] }) };
  }
}
