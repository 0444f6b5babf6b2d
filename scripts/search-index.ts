import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectionNames } from '../src/collections/index.ts';

export type IndexResult = { ok: true; pages: number } | { ok: false; errors: string[] };

export interface Indexing {
  /**
   * Resolves once Pagefind has read the pages (or ended): from then on it leaves about a core
   * idle, where before it keeps both busy.
   */
  pagesRead: Promise<void>;
  /** Waits for the index to be written. */
  finish(): Promise<IndexResult>;
  /** Stops indexing (the build was stopped). */
  cancel(): void;
}

/** Pagefind's command line, as its package declares it. */
function pagefindCommand(): string {
  const root = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..');
  return join(root, (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: string }).bin);
}

/**
 * Starts indexing a built site with Pagefind into `<site>/pagefind/`. Only pages that mark
 * their content with `data-pagefind-body` (the document pages) are indexed, so navigation
 * and listing pages never crowd out the documents themselves. Pagefind works in its own
 * process: the caller may go on with work that does not touch document pages (writing
 * records, say) and then `finish`.
 *
 * Through Pagefind's command line, not its Node API: the same index, byte for byte, in
 * 13–15 s instead of 17–19 s at 10,000 documents (the API's writing step alone took 11 s).
 * The command line refuses a site without pages, so a knowledge base with no documents yet
 * gets an empty index from the API: its search page still loads, and finds nothing.
 */
export function startIndexing(siteDir: string, documents: number): Indexing {
  if (documents === 0) {
    const done = emptyIndex(siteDir);
    return { pagesRead: Promise.resolve(), finish: () => done, cancel: () => {} };
  }
  // Only document pages carry data-pagefind-body; reading the other two thirds of the HTML
  // (permanent links, embed cards, listings) would cost time and index nothing.
  const glob = `{${collectionNames.join(',')}}/*/index.html`;
  const output: string[] = [];
  let child: ReturnType<typeof spawn> | undefined;
  let pagesWereRead = () => {};
  const pagesRead = new Promise<void>((resolve) => (pagesWereRead = resolve));
  const done = new Promise<IndexResult>((resolve) => {
    try {
      // Run beside the site, not in the project: Pagefind would read a pagefind.yml found there.
      child = spawn(process.execPath, [pagefindCommand(), '--site', siteDir, '--glob', glob, '--output-path', join(siteDir, 'pagefind'), '--force-language', 'en'], {
        cwd: dirname(siteDir),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      resolve({ ok: false, errors: [`Pagefind could not start: ${error instanceof Error ? error.message : String(error)}`] });
      return;
    }
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on('data', (chunk: Buffer) => {
        output.push(chunk.toString('utf8'));
        // Its status line after parsing every page; should a later Pagefind word it otherwise,
        // `pagesRead` still resolves when it ends.
        if (output.slice(-2).join('').includes('[Reading languages]')) pagesWereRead();
      });
    }
    child.on('error', (error) => resolve({ ok: false, errors: [`Pagefind could not start: ${error.message}`] }));
    child.on('close', (code, signal) => {
      if (code !== 0) {
        const said = output.join('').trim().split('\n').slice(-20);
        resolve({ ok: false, errors: [`Pagefind ${signal ? `was stopped by ${signal}` : `exited with status ${code}`}`, ...said] });
        return;
      }
      try {
        // Pagefind reads every HTML file the glob matches but indexes only document pages; report what it indexed.
        const entry = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
        resolve({ ok: true, pages: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0) });
      } catch (error) {
        resolve({ ok: false, errors: [`Pagefind wrote no index: ${error instanceof Error ? error.message : String(error)}`] });
      }
    });
  });
  void done.then(() => pagesWereRead());
  return { pagesRead, finish: () => done, cancel: () => void child?.kill() };
}

async function emptyIndex(siteDir: string): Promise<IndexResult> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) return { ok: false, errors };
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    return written.errors.length > 0 ? { ok: false, errors: written.errors } : { ok: true, pages: 0 };
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  } finally {
    await pagefind.close();
  }
}
