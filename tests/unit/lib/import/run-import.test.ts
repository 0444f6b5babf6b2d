import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFilesUsed, publishDocumentFiles } from '../../../../src/lib/document-files.ts';
import { formatImportReport } from '../../../../src/lib/import/report.ts';
import { runImport } from '../../../../src/lib/import/run-import.ts';
import { loadKnowledgeBase } from '../../../../src/pipeline/load-in-thread.ts';
import type { Problem } from '../../../../src/lib/problems.ts';
import { scaffoldContext } from '../../../../src/lib/scaffold.ts';
import { tempDir } from '../../../temp-dir.ts';

const today = '2026-11-25';
/** What stops a build: an imported document may still carry warnings (a TODO its source left). */
const errorsOf = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error');
/** A knowledge base with a team and a service, and a copy of a fixture folder to import from. */
function setUp(fixture: string) {
  const root = tempDir('cairn-import-tree-');
  cpSync('tests/fixtures/valid-kb', join(root, 'content'), { recursive: true });
  const source = join(root, 'source');
  cpSync(`tests/fixtures/import/${fixture}`, source, { recursive: true });
  const options = { root, contentDir: 'content', today, audience: 'restricted' as const };
  const run = (collection: 'runbooks' | 'guides' = 'runbooks') => runImport({ source, collection, contentDir: join(root, 'content'), context: scaffoldContext(loadKnowledgeBase(options), today) });
  return { root, source, options, run };
}

describe('importing a whole folder', () => {
  it('imports nested folders as one set that passes the check, with links between them re-pointed', () => {
    const { root, options, run } = setUp('prometheus');
    const report = run();
    expect(report.written.map((w) => [w.from, w.file])).toEqual([
      ['content/runbooks/alertmanager/_index.md', 'runbooks/alertmanager.mdx'],
      ['content/runbooks/node/NodeFilesystemAlmostOutOfSpace.md', 'runbooks/node-filesystem-almost-out-of-space.mdx'],
      ['content/runbooks/node/NodeFilesystemFilesFillingUp.md', 'runbooks/node-filesystem-files-filling-up.mdx'],
      ['content/runbooks/node/NodeFilesystemSpaceFillingUp.md', 'runbooks/node-filesystem-space-filling-up.mdx'],
    ]);
    expect(errorsOf(loadKnowledgeBase(options).problems)).toEqual([]);
    const almostOut = readFileSync(join(root, 'content/runbooks/node-filesystem-almost-out-of-space.mdx'), 'utf8');
    expect(almostOut).toContain('See [Node Filesystem FilesFilling Up](/runbooks/node-filesystem-files-filling-up/)');
    expect(almostOut).not.toContain('{{<');
    expect(report.rewritten['Hugo ref shortcode']).toBeGreaterThan(0);
  });

  it('takes a folder page title from its front matter, else its first heading, else the folder name', () => {
    const { root, run } = setUp('sourcegraph');
    mkdirSync(join(root, 'source', 'team-rituals'));
    writeFileSync(join(root, 'source', 'team-rituals', 'README.md'), 'How this team meets, plans and reviews its work each week.\n');
    const report = run('guides');
    const titleOf = (from: string) => /^title: (.*)$/m.exec(readFileSync(join(root, 'content', report.written.find((w) => w.from === from)!.file), 'utf8'))![1];
    expect(titleOf('team-rituals/README.md')).toBe('Team rituals');
    expect(titleOf('communication/1-1.md')).toBe('1-1 meetings');
  });

  it('lists every file it skips with the reason, and goes on past a file it cannot read as text', () => {
    const { root, run } = setUp('tldr');
    writeFileSync(join(root, 'source', 'common', 'deploy.html.md.erb'), '# Deploy\n\n<%= version %>\n');
    writeFileSync(join(root, 'source', 'Makefile'), 'all:\n');
    writeFileSync(join(root, 'source', 'common', 'broken.md'), 'a\u0000b');
    const report = run('guides');
    expect(report.skipped.map((s) => s.from)).toEqual(['common/deploy.html.md.erb', 'Makefile', 'common/broken.md']);
    expect(report.skipped[0]!.reason).toMatch(/ERB template/);
    expect(report.written.map((w) => w.from)).toEqual(['common/cd.md', 'common/ls.md']);
  });

  it("writes front matter with the YAML library, so $' and $& in the text stay as written", () => {
    const { root, run, options } = setUp('tldr');
    writeFileSync(join(root, 'source', 'prices.md'), "# Prices\n\nA shell string $'\\n' and $& and $1 cost nothing: keep them.\n");
    const report = run('guides');
    const file = readFileSync(join(root, 'content', report.written.find((w) => w.from === 'prices.md')!.file), 'utf8');
    expect(file).toMatch(/^summary: .*\$'\\\\n' and \$& and \$1 cost nothing: keep them\.['"]?$/m);
    expect(errorsOf(loadKnowledgeBase(options).problems)).toEqual([]);
  });

  it('creates a missing collection folder and takes the date from a file name', () => {
    const { root, run } = setUp('tldr');
    writeFileSync(join(root, 'source', '2019-05-12-database-outage.md'), '# Database outage\n\nThe primary database ran out of connections for forty minutes.\n');
    const report = run('guides');
    const outage = readFileSync(join(root, 'content', report.written.find((w) => w.from === '2019-05-12-database-outage.md')!.file), 'utf8');
    expect(outage).toMatch(/^created: 2019-05-12$/m);
    expect(readdirSync(join(root, 'content', 'guides')).length).toBe(4);
  });

  it('imports again without duplicating: updates what changed at the source, leaves edited documents alone', () => {
    const { root, source, run } = setUp('tldr');
    const first = run('guides');
    const again = run('guides');
    expect([again.written.length, again.updated.length, again.unchanged]).toEqual([0, 0, 2]);
    const [cd, ls] = first.written;
    appendFileSync(join(source, 'common', 'cd.md'), '\n- Go to the previous directory:\n\n`cd -`\n');
    appendFileSync(join(source, 'common', 'ls.md'), '\n- One entry per line:\n\n`ls -1`\n');
    appendFileSync(join(root, 'content', ls!.file), '\nOur note: we alias ls to ls -F.\n');
    const third = run('guides');
    expect(third.updated.map((u) => u.file)).toEqual([cd!.file]);
    expect(third.keptEdited.map((k) => k.file)).toEqual([ls!.file]);
    expect(readFileSync(join(root, 'content', cd!.file), 'utf8')).toContain('`cd -`');
    expect(readFileSync(join(root, 'content', ls!.file), 'utf8')).toContain('Our note');
    expect(readdirSync(join(root, 'content', 'guides')).length).toBe(3);
  });
});

describe('files documents link to', () => {
  it('copies linked images and files under content/assets/, re-points the links, and publishes only those a published page uses', () => {
    const { root, source, options, run } = setUp('tldr');
    mkdirSync(join(source, 'img'));
    writeFileSync(join(source, 'img', 'Flow Chart.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(source, 'leave-form.pdf'), '%PDF-1.4');
    writeFileSync(join(source, 'unused.png'), Buffer.from([0x89]));
    writeFileSync(
      join(source, 'holidays.md'),
      '# Holidays\n\nAsk for leave with [the form](leave-form.pdf) two weeks ahead.\n\n![How a request flows](img/Flow%20Chart.png)\n\n![Missing](img/gone.png)\n',
    );
    const report = run('guides');
    const text = readFileSync(join(root, 'content', report.written.find((w) => w.from === 'holidays.md')!.file), 'utf8');
    expect(text).toContain('[the form](/assets/guides/leave-form.pdf)');
    expect(text).toContain('![How a request flows](/assets/guides/img/flow-chart.png)');
    expect(text).toContain('\nMissing\n'); // an image that is not there keeps its description as text
    expect(report.unresolved).toEqual([{ from: 'holidays.md', url: 'img/gone.png' }]);
    expect(report.copied.sort()).toEqual(['assets/guides/img/flow-chart.png', 'assets/guides/leave-form.pdf']);
    const kb = loadKnowledgeBase(options);
    expect(errorsOf(kb.problems)).toEqual([]);
    const site = tempDir('cairn-site-');
    const used = documentFilesUsed(kb.documents.map((d) => d.html));
    expect([...used].sort()).toEqual(['/assets/guides/img/flow-chart.png', '/assets/guides/leave-form.pdf']);
    expect(publishDocumentFiles(join(root, 'content'), site, new Set(['/assets/guides/leave-form.pdf']))).toBe(1);
    expect(readdirSync(join(site, 'assets', 'guides'))).toEqual(['leave-form.pdf']);
  });
});

describe('the import report', () => {
  it('says what was written, rewritten, skipped and left to a person, one line per kind of note', () => {
    const { root, run } = setUp('tldr');
    writeFileSync(join(root, 'source', 'notes'), 'no extension\n');
    expect(formatImportReport(run('guides'))).toMatchInlineSnapshot(`
      "2 documents written, 0 updated, 0 unchanged since the last import, 0 left alone because a person changed them.

      Links: 0 re-pointed to imported pages or copied files, 0 could not be resolved and became plain text.

      Facts left to fill (to_fill): the source does not say (2):
        guides/cd.mdx: owner, audience, track, weeks, objectives
        guides/ls.mdx: owner, audience, track, weeks, objectives

      Skipped files (1):
        notes: no file extension, so not known to be Markdown; rename it to .md to import it

      For a person to finish (1):
        no date in the source; created is the import date 2026-11-25 (2 documents: common/cd.md, common/ls.md)"
    `);
  });
});
