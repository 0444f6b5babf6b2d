import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../../src/lib/import-markdown.ts';
import { loadKnowledgeBase } from '../../../src/pipeline/load-in-thread.ts';
import { tempDir } from '../../temp-dir.ts';

const sources = readdirSync('tests/fixtures/import-md').map((name) => ({ name, text: readFileSync(join('tests/fixtures/import-md', name), 'utf8') }));
/** The words a reader sees in a Markdown source: no front matter, comments, tag names or link addresses. */
const visibleWords = (markdown: string) =>
  markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^\s*\d+\.\s/gm, '') // list numbers are drawn, not text
    .replace(/\]\([^)]*\)/g, ']') // a link's address is not its text
    .replace(/<\/?[a-z][^>]*>/gi, ' ') // tags are markup, not words
    .toLowerCase()
    .match(/[a-z0-9]+/g) ?? [];

describe('importing Markdown', () => {
  it('writes documents that pass the check and keep every visible word', () => {
    const dir = tempDir('cairn-import-');
    cpSync('tests/fixtures/valid-kb', join(dir, 'content'), { recursive: true });
    const ids = new Set(['RB-0001']);
    const imported = sources.map(({ name, text }) => {
      const doc = importMarkdown(text, name, 'runbooks', { ids, team: 'ops', service: 'billing', project: 'PRJ-billing-revamp', today: '2026-11-25', now: '2026-11-25T10:00:00Z' });
      ids.add(doc.id);
      writeFileSync(join(dir, 'content', 'runbooks', doc.fileName), doc.text, { flag: 'wx' });
      return { name, doc };
    });
    const kb = loadKnowledgeBase({ root: dir, contentDir: 'content', today: '2026-11-25' });
    expect(kb.problems).toEqual([]);
    for (const { name, doc } of imported) {
      const loaded = kb.documents.find((d) => d.id === doc.id)!;
      const seen = new Set(`${'title' in loaded.data ? loaded.data.title : ''} ${loaded.html.replace(/<[^>]*>/g, ' ')}`.toLowerCase().match(/[a-z0-9]+/g));
      const lost = visibleWords(sources.find((s) => s.name === name)!.text).filter((w) => !seen.has(w));
      expect(lost, name).toEqual([]);
    }
  });

  it('takes title, summary, tags and date from the source, and says what needs a person', () => {
    const sorter = importMarkdown(sources.find((s) => s.name === 'restart-the-sorter.md')!.text, 'restart-the-sorter.md', 'runbooks', {
      ids: new Set(),
      team: 'ops',
      service: 'billing',
      project: 'PRJ-x',
      today: '2026-11-25',
      now: '2026-11-25T10:00:00Z',
    });
    expect(sorter.fileName).toBe('restart-the-parcel-sorter.mdx');
    expect(sorter.text).toContain('title: Restart the parcel sorter\nsummary: How the night shift restarts the parcel sorter PLC after a jam, without losing the wave.');
    expect(sorter.text).toContain('created: 2024-03-05\ntags:\n  - warehouse\n  - night-shift');
    expect(sorter.text).not.toContain('migrated from Confluence'); // a comment, not for readers
    expect(sorter.text).toContain('the light is \\{amber}');
    expect(sorter.text).toContain('Press <kbd>STOP</kbd> on panel A.\\\n   Wait for the belt to halt.');
    expect(sorter.text).toContain('| amber      | **slowing** |');
    expect(sorter.notes).toEqual(['front-matter fields with no place in Cairn were left out: author']);
  });
});
