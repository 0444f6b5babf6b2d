import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IdTarget } from '../../../src/lib/graph/id-index.ts';
import { verifyOutput } from '../../../src/pipeline/verify-output.ts';
import { tempDir } from '../../temp-dir.ts';

const published = [
  { id: 'RB-0001', url: '/runbooks/restart-billing/' },
  { id: 'INC-2025-001', url: '/incidents/2025-001-invoices-late/' },
];
const withheld: IdTarget[] = [
  { id: 'RB-0009', collection: 'runbooks', title: 'Rotate the vault keys', url: '/runbooks/rotate-vault-keys/', visible: false, visibility: 'restricted', draft: false },
  { id: 'PB-0004', collection: 'playbooks', title: 'Draft playbook', url: '/playbooks/draft/', visible: false, visibility: 'internal', draft: true },
];

/** A staged site holding exactly the published documents, with a sitemap of absolute addresses. */
function site(): { dir: string; write: (path: string, text?: string) => void } {
  const dir = tempDir('cairn-verify-');
  const write = (path: string, text = '<!doctype html>') => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('api/manifest.json', JSON.stringify({ documents: published.map(({ id }) => ({ id })) }));
  for (const doc of published) write(`${doc.url}index.html`);
  const locs = ['/', ...published.map((d) => d.url)].map((path) => `<url><loc>https://kb.example${path}</loc></url>`).join('\n');
  write('sitemap.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs}\n</urlset>`);
  return { dir, write };
}

describe('verifying a staged site', () => {
  it('passes a site holding exactly its audience’s documents', () => {
    expect(verifyOutput(site().dir, { published, withheld, searchPages: 2 })).toEqual([]);
  });

  it('names every page, record, listing and sitemap line of a withheld document, and what is missing', () => {
    const { dir, write } = site();
    write('api/manifest.json', JSON.stringify({ documents: [{ id: 'RB-0001' }, { id: 'RB-0009' }] }));
    rmSync(join(dir, 'incidents'), { recursive: true });
    for (const path of ['runbooks/rotate-vault-keys/index.html', 'go/RB-0009/index.html', 'embed/RB-0009/index.html', 'oembed/RB-0009.json', 'api/documents/PB-0004.json']) write(path);
    write('sitemap.xml', `<urlset><url><loc>https://kb.example/runbooks/restart-billing/</loc></url><url><loc> https://kb.example/playbooks/draft/ </loc></url></urlset>`);
    expect(verifyOutput(dir, { published, withheld, searchPages: 1 })).toEqual([
      'api/manifest.json lists 1 document(s) this build must not contain: RB-0009',
      'api/manifest.json misses 1 document(s): INC-2025-001',
      'no page for INC-2025-001 at /incidents/2025-001-invoices-late/',
      "/runbooks/rotate-vault-keys/index.html exists, but RB-0009 is restricted and above this build's audience",
      "go/RB-0009/index.html exists, but RB-0009 is restricted and above this build's audience",
      "embed/RB-0009/index.html exists, but RB-0009 is restricted and above this build's audience",
      "oembed/RB-0009.json exists, but RB-0009 is restricted and above this build's audience",
      'api/documents/PB-0004.json exists, but PB-0004 is a draft',
      'sitemap.xml lists /playbooks/draft/, a draft',
      'the search index holds 1 pages for 2 published documents',
    ]);
  });
});
