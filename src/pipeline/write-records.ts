import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeptSite } from './kept-site.ts';
import type { Catalogue } from '../site/catalogue.ts';
import { documentRecord, embedCard, embedPage, oembedRecord, permalinkPaths, redirectPage } from '../site/records.ts';

/** The catalogue the pages were built from, left by src/site/catalogue.ts in this process. */
export function builtCatalogue(): Promise<Catalogue> | undefined {
  return (globalThis as Record<symbol, Promise<Catalogue> | undefined>)[Symbol.for('cairn.catalogue')];
}

/** What writeRecords put in the site: how many files, and each record's path with its content hash. */
export interface WrittenRecords {
  files: number;
  /** How many came from the kept site unchanged. */
  kept: number;
  entries: Record<string, string>;
}

/**
 * Writes `/go/<ID>/`, `/embed/<ID>/`, `/oembed/<ID>.json` and `/api/documents/<ID>.json` for every document
 * into a built site: plain templates over the catalogue, measured faster than routing them
 * through Astro, with the same bytes. A record whose bytes the kept site already holds is
 * moved from there instead of written.
 */
export function writeRecords(site: string, catalogue: Catalogue, keptSite?: KeptSite): WrittenRecords {
  const siteUrl = catalogue.site;
  const paths = permalinkPaths(catalogue);
  const result: WrittenRecords = { files: 0, kept: 0, entries: {} };
  if (paths.length === 0) return result;
  // Astro rendered the first permalink page: its CSP (hashes of the scripts and styles that
  // page kind uses) is the one every other permalink page carries.
  const first = join(site, 'go', paths[0]!.id, 'index.html');
  const csp = /<meta http-equiv="content-security-policy" content="[^"]*">/.exec(readFileSync(first, 'utf8'))?.[0];
  if (!csp) throw new Error(`${first} has no Content-Security-Policy <meta>; the permanent links cannot be written without it`);
  /** `entry` is the record's path in the site: its folder for a page, else the file itself. */
  const write = (entry: string, file: string, text: string) => {
    const key = createHash('sha1').update(text).digest('base64url');
    result.entries[entry] = key;
    result.files++;
    if (keptSite?.take(entry, key, site)) {
      result.kept++;
      return;
    }
    if (entry !== file) mkdirSync(join(site, entry), { recursive: true });
    writeFileSync(join(site, file), text);
  };
  for (const { id, doc } of paths.slice(1)) write(`go/${id}`, `go/${id}/index.html`, redirectPage(doc, siteUrl, csp));
  // Astro rendered the first embed card too: its head from the CSP on (hashes and styles) is every card's.
  const firstCard = join(site, 'embed', catalogue.all[0]!.id, 'index.html');
  const cardHead = /<meta http-equiv="content-security-policy".*<\/head>/s.exec(readFileSync(firstCard, 'utf8'))?.[0];
  if (!cardHead) throw new Error(`${firstCard} has no Content-Security-Policy <meta>; the embed cards cannot be written without it`);
  for (const doc of catalogue.all.slice(1)) write(`embed/${doc.id}`, `embed/${doc.id}/index.html`, embedPage(embedCard(catalogue, doc.id, siteUrl), cardHead));
  mkdirSync(join(site, 'oembed'), { recursive: true });
  mkdirSync(join(site, 'api', 'documents'), { recursive: true });
  for (const doc of catalogue.all) {
    const [oembed, record] = [`oembed/${doc.id}.json`, `api/documents/${doc.id}.json`];
    write(oembed, oembed, oembedRecord(doc, siteUrl));
    write(record, record, documentRecord(catalogue, doc.id, siteUrl));
  }
  return result;
}
