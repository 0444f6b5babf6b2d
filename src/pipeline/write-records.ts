import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from '../site/catalogue.ts';
import { documentRecord, embedCard, embedPage, oembedRecord, permalinkPaths, redirectPage } from '../site/records.ts';

/** The catalogue the pages were built from, left by src/site/catalogue.ts in this process. */
export function builtCatalogue(): Promise<Catalogue> | undefined {
  return (globalThis as Record<symbol, Promise<Catalogue> | undefined>)[Symbol.for('cairn.catalogue')];
}

/**
 * Writes `/go/<ID>/`, `/embed/<ID>/`, `/oembed/<ID>.json` and `/api/documents/<ID>.json` for every document
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
  for (const { id, doc } of paths.slice(1)) {
    mkdirSync(join(site, 'go', id), { recursive: true });
    write(join(site, 'go', id, 'index.html'), redirectPage(doc, siteUrl, csp));
  }
  // Astro rendered the first embed card too: its head from the CSP on (hashes and styles) is every card's.
  const firstCard = join(site, 'embed', catalogue.all[0]!.id, 'index.html');
  const cardHead = /<meta http-equiv="content-security-policy".*<\/head>/s.exec(readFileSync(firstCard, 'utf8'))?.[0];
  if (!cardHead) throw new Error(`${firstCard} has no Content-Security-Policy <meta>; the embed cards cannot be written without it`);
  for (const doc of catalogue.all.slice(1)) {
    mkdirSync(join(site, 'embed', doc.id), { recursive: true });
    write(join(site, 'embed', doc.id, 'index.html'), embedPage(embedCard(catalogue, doc.id, siteUrl), cardHead));
  }
  mkdirSync(join(site, 'oembed'), { recursive: true });
  mkdirSync(join(site, 'api', 'documents'), { recursive: true });
  for (const doc of catalogue.all) {
    write(join(site, 'oembed', `${doc.id}.json`), oembedRecord(doc, siteUrl));
    write(join(site, 'api', 'documents', `${doc.id}.json`), documentRecord(catalogue, doc.id, siteUrl));
  }
  return written;
}
