import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSite } from '../../../../src/lib/import/audit-site.ts';
import { sourceWords, wordsKept } from '../../../../src/lib/import/words-kept.ts';
import { tempDir } from '../../../temp-dir.ts';

const page = (prose: string, extra = '') => `<!doctype html><html><body>${extra}<main><h1>T</h1><div class="prose">${prose}</div></main></body></html>`;

describe('auditing a built site', () => {
  it('finds local links and images that lead nowhere, and markup or generator syntax shown as text', () => {
    const site = tempDir('cairn-audit-site-');
    const write = (path: string, html: string) => {
      mkdirSync(join(site, path), { recursive: true });
      writeFileSync(join(site, path, 'index.html'), html);
    };
    write('', page('<p>Home</p>', '<a href="/guides/ls/">ls</a><a href="https://example.com/">out</a>'));
    write(
      'guides/ls',
      page('<p>See <a href="/guides/cd/#use">cd</a> and <img src="/assets/guides/a.png" alt="a"></p><p>&lt;details&gt; was shown</p><pre><code>&lt;kbd&gt; in code is fine</code></pre>'),
    );
    write('guides/cd', page('<p>Back to <a href="../ls/">ls</a>. {{&lt; hint info &gt;}}</p>'));
    const audit = auditSite(site, ['guides']);
    expect(audit.broken).toEqual([{ page: '/guides/ls/', url: '/assets/guides/a.png' }]);
    expect(audit.literal).toEqual([
      { page: '/guides/cd/', seen: '{{<' },
      { page: '/guides/ls/', seen: '<details>' },
    ]);
    expect([audit.pages, audit.documentPages]).toEqual([3, 2]);
  });
});

describe('words kept', () => {
  it('counts the words a reader of the source sees, not its markup, front matter or link addresses', () => {
    const source = readFileSync('tests/fixtures/import/prometheus/content/runbooks/alertmanager/_index.md', 'utf8');
    expect(sourceWords('---\ntitle: Hidden\n---\nA [link](https://x.example/secret) and <kbd>Ctrl</kbd> {{< ref "y.md" >}}\n\n<style>\n.box { color: red }\n</style>\n')).toEqual([
      'a',
      'link',
      'and',
      'ctrl',
    ]);
    expect(wordsKept(source, sourceWords(source).join(' '))).toBe(1);
    expect(wordsKept('one two three four', 'one two three')).toBe(0.75);
  });
});
