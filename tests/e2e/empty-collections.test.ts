import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('a knowledge base that uses only some collections', () => {
  it('builds with an inviting page for each empty collection, and says each problem once', () => {
    const work = mkdtempSync(join(tmpdir(), 'cairn-some-collections-'));
    const content = join(work, 'content');
    cpSync('tests/fixtures/valid-kb', content, { recursive: true });
    rmSync(join(content, 'guides'), { recursive: true });
    rmSync(join(content, 'playbooks'), { recursive: true });
    // A folder that is no collection: a warning, which the build must print once.
    mkdirSync(join(content, 'old-wiki'));
    writeFileSync(join(content, 'old-wiki', 'notes.mdx'), '---\ntitle: Notes\n---\n\nOld notes.\n');
    const env = { ...process.env, CAIRN_CONTENT_DIR: content, CAIRN_OUT_DIR: join(work, 'site'), CAIRN_CACHE_DIR: join(work, 'cache'), CAIRN_TODAY: '2026-11-25' };
    const built = spawnSync(process.execPath, ['scripts/build.ts'], { env, encoding: 'utf8' });
    const output = `${built.stdout}\n${built.stderr}`;
    expect(built.status, output).toBe(0);
    expect(output).not.toContain('does not exist or is empty');
    expect(output.match(/"old-wiki" is not a collection/g)).toHaveLength(1);
    const guides = readFileSync(join(work, 'site', 'guides', 'index.html'), 'utf8');
    expect(guides).toContain('No mentorship guides yet. Start the first with <code>npm run new -- guides "Title"</code>');
    expect(guides).not.toContain('<table');
    expect(readFileSync(join(work, 'site', 'runbooks', 'index.html'), 'utf8')).toContain('<table');
    rmSync(work, { recursive: true, force: true });
  });

  it('builds a knowledge base with no documents yet, with a search index that finds nothing', () => {
    const work = mkdtempSync(join(tmpdir(), 'cairn-no-documents-'));
    mkdirSync(join(work, 'content', 'runbooks'), { recursive: true });
    const env = { ...process.env, CAIRN_CONTENT_DIR: join(work, 'content'), CAIRN_OUT_DIR: join(work, 'site'), CAIRN_CACHE_DIR: join(work, 'cache'), CAIRN_TODAY: '2026-11-25' };
    const built = spawnSync(process.execPath, ['scripts/build.ts'], { env, encoding: 'utf8' });
    expect(built.status, `${built.stdout}\n${built.stderr}`).toBe(0);
    expect(built.stdout).toContain('0 pages searchable');
    expect(JSON.parse(readFileSync(join(work, 'site', 'pagefind', 'pagefind-entry.json'), 'utf8'))).toMatchObject({ languages: {} });
    expect(readFileSync(join(work, 'site', 'runbooks', 'index.html'), 'utf8')).toContain('No runbooks yet.');
    rmSync(work, { recursive: true, force: true });
  });
});
