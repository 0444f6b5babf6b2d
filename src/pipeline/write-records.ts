import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from '../site/catalogue.ts';
import { documentRecord, oembedRecord, permalinkPaths, redirectPage } from '../site/records.ts';

/** The catalogue the pages were built from, left by src/site/catalogue.ts in this process. */
export function builtCatalogue(): Promise<Catalogue> | undefined {
  return (globalThis as Record<symbol, Promise<Catalogue> | undefined>)[Symbol.for('cairn.catalogue')];
}

/**
 * Writes `/go/<ID>/`, `/oembed/<ID>.json` and `/api/documents/<ID>.json` for every document
 * into a built site: plain templates over the catalogue, measured faster than routing them
 * through Astro, with the same bytes. Returns how many files it wrote.
 */
export function writeRecords(site: string, catalogue: Catalogue): number {
  const siteUrl = catalogue.site;
  const paths = permalinkPaths(catalogue);
  if (paths.length === 0) return 0;
  // Astro rendered the first permalink page: its CSP (hashes of the scripts and styles that
  // page kind uses) is the one every other permalink page carries.
  const first = join(site, 'go', paths[0]!.id, 'index.html');
  const csp = /<meta http-equiv="content-security-policy" content="[^"]*">/.exec(readFileSync(first, 'utf8'))?.[0];
  if (!csp) throw new Error(`${first} has no Content-Security-Policy <meta>; the permanent links cannot be written without it`);
  let written = 0;
  const write = (path: string, text: string) => {
    writeFileSync(path, text);
    written++;
  };
  for (const [index, { id, doc }] of paths.entries()) {
    // IDs are unique regardless of case (the check sees to it), so a link typed in lower case
    // (`/go/inc-2026-011/`) gets a page of its own on hosts whose paths are case-sensitive.
    const spellings = index === 0 ? [id.toLowerCase()] : [id, id.toLowerCase()];
    for (const spelling of new Set(spellings)) {
      if (index === 0 && spelling === id) continue; // Astro wrote it
      mkdirSync(join(site, 'go', spelling), { recursive: true });
      write(join(site, 'go', spelling, 'index.html'), redirectPage(doc, siteUrl, csp));
    }
  }
  mkdirSync(join(site, 'oembed'), { recursive: true });
  mkdirSync(join(site, 'api', 'documents'), { recursive: true });
  for (const doc of catalogue.all) {
    write(join(site, 'oembed', `${doc.id}.json`), oembedRecord(doc, siteUrl));
    write(join(site, 'api', 'documents', `${doc.id}.json`), documentRecord(catalogue, doc.id, siteUrl));
  }
  return written;
}
