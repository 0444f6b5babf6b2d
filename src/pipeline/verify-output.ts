import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IdTarget } from '../lib/graph/id-index.ts';

/** What a build for one audience must contain, and what it must not. */
export interface AudienceContents {
  /** Documents the build publishes: ID and page URL. */
  published: { id: string; url: string }[];
  /** Documents above the audience. */
  withheld: readonly IdTarget[];
  /** Pages in the search index. */
  searchPages: number;
}

/**
 * Checks a staged site before it replaces the live one: the manifest lists exactly this
 * audience's documents, each has its page, no withheld document has a page, a permanent link,
 * a card, an oEmbed answer, a JSON record or a sitemap line, and the search index holds one
 * page per published document. Returns what is wrong; empty when the site may go live.
 */
export function verifyOutput(site: string, expected: AudienceContents): string[] {
  const wrong: string[] = [];
  let listed: string[] = [];
  try {
    listed = (JSON.parse(readFileSync(join(site, 'api', 'manifest.json'), 'utf8')) as { documents: { id: string }[] }).documents.map((d) => d.id);
  } catch (error) {
    wrong.push(`api/manifest.json could not be read (${(error as Error).message})`);
  }
  // Sets on both sides: a list search per document took 8 s at 50,000 documents.
  const want = new Set(expected.published.map((d) => d.id));
  const have = new Set(listed);
  const extra = listed.filter((id) => !want.has(id));
  const missing = [...want].filter((id) => !have.has(id));
  if (extra.length) wrong.push(`api/manifest.json lists ${extra.length} document(s) this build must not contain: ${extra.slice(0, 5).join(', ')}`);
  if (missing.length) wrong.push(`api/manifest.json misses ${missing.length} document(s): ${missing.slice(0, 5).join(', ')}`);
  for (const doc of expected.published) {
    if (!existsSync(join(site, doc.url, 'index.html'))) wrong.push(`no page for ${doc.id} at ${doc.url}`);
  }
  for (const doc of expected.withheld) {
    for (const path of [join(doc.url, 'index.html'), `go/${doc.id}/index.html`, `embed/${doc.id}/index.html`, `oembed/${doc.id}.json`, `api/documents/${doc.id}.json`]) {
      if (existsSync(join(site, path))) wrong.push(`${path} exists, but ${doc.id} ${doc.draft ? 'is a draft' : `is ${doc.visibility} and above this build's audience`}`);
    }
  }
  const sitemap = sitemapPaths(readText(join(site, 'sitemap.xml')));
  for (const doc of expected.withheld) if (sitemap.has(doc.url)) wrong.push(`sitemap.xml lists ${doc.url}, ${doc.draft ? 'a draft' : "above this build's audience"}`);
  if (expected.searchPages !== expected.published.length) {
    wrong.push(`the search index holds ${expected.searchPages} pages for ${expected.published.length} published documents`);
  }
  return wrong;
}

/** The path of every address the sitemap lists (`<loc>` holds absolute URLs). */
function sitemapPaths(xml: string): Set<string> {
  const paths = new Set<string>();
  for (const [, loc] of xml.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)) {
    try {
      paths.add(new URL(loc!).pathname);
    } catch {
      paths.add(loc!); // a relative address: as written
    }
  }
  return paths;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
