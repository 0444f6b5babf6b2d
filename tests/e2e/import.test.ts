import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSite } from '../../src/lib/import/audit-site.ts';

describe('an imported Confluence export, built', () => {
  it('publishes the attachments its pages use, and no file only a document above the audience uses', () => {
    const work = mkdtempSync(join(tmpdir(), 'cairn-import-e2e-'));
    const content = join(work, 'content');
    cpSync('tests/fixtures/valid-kb', content, { recursive: true });
    const env = { ...process.env, CAIRN_CONTENT_DIR: content, CAIRN_OUT_DIR: join(work, 'site'), CAIRN_CACHE_DIR: join(work, 'cache'), CAIRN_TODAY: '2026-11-25' };
    const imported = spawnSync(process.execPath, ['scripts/import.ts', 'tests/fixtures/import/confluence', '--collection', 'runbooks'], { env, encoding: 'utf8' });
    expect(imported.stdout).toContain('Check: 3 documents written or updated, all pass.');
    // A restricted incident shows a file of its own; an unused file sits beside it.
    mkdirSync(join(content, 'assets', 'incidents'), { recursive: true });
    writeFileSync(join(content, 'assets', 'incidents', 'floor-plan.png'), 'restricted');
    writeFileSync(join(content, 'assets', 'incidents', 'unused.png'), 'unused');
    appendFileSync(join(content, 'incidents', '2025-002-restricted-review.mdx'), '\n![Floor plan](/assets/incidents/floor-plan.png)\n');
    const built = spawnSync(process.execPath, ['scripts/build.ts'], { env, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const site = join(work, 'site');
    expect(existsSync(join(site, 'assets/runbooks/attachments/4411/4412.png'))).toBe(true);
    expect(existsSync(join(site, 'assets/incidents/floor-plan.png'))).toBe(false);
    expect(existsSync(join(site, 'assets/incidents/unused.png'))).toBe(false);
    const audit = auditSite(site, ['runbooks']);
    expect(audit.broken).toEqual([]);
    expect(audit.literal).toEqual([]);
  });
});
