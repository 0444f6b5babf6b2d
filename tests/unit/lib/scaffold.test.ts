import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/lib/knowledge-base.ts';
import { nextId, scaffold, slugify } from '../../../src/lib/scaffold.ts';
import { collectionNames } from '../../../src/schemas/index.ts';

describe('npm run new', () => {
  it('writes a document of every collection that passes the check as it stands', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-new-'));
    cpSync('tests/fixtures/valid-kb', join(dir, 'content'), { recursive: true });
    const ids = new Set(loadKnowledgeBase({ root: dir, contentDir: 'content', today: '2026-11-25', audience: 'restricted' }).documents.map((d) => d.id));
    const made = collectionNames.map((collection) => {
      const doc = scaffold(collection, `Brand-new ${collection} page`, { ids, team: 'ops', service: 'billing', project: 'PRJ-billing-revamp', today: '2026-11-25', now: '2026-11-25T10:00:00Z' });
      writeFileSync(join(dir, 'content', collection, doc.fileName), doc.text, { flag: 'wx' });
      return `${collection}/${doc.fileName} ${doc.id}`;
    });
    expect(made).toEqual([
      'incidents/2026-001-brand-new-incidents-page.mdx INC-2026-001',
      'runbooks/brand-new-runbooks-page.mdx RB-0002',
      'projects/brand-new-projects-page.mdx PRJ-brand-new-projects-page',
      'retrospectives/brand-new-retrospectives-page.mdx RETRO-0002',
      'playbooks/brand-new-playbooks-page.mdx PB-0002',
      'guides/brand-new-guides-page.mdx MG-0002',
      'teams/brand-new-teams-page.mdx brand-new-teams-page',
      'services/brand-new-services-page.mdx brand-new-services-page',
    ]);
    expect(loadKnowledgeBase({ root: dir, contentDir: 'content', today: '2026-11-25' }).problems).toEqual([]);
  });

  it('numbers after the highest ID in use and makes clean slugs', () => {
    expect(nextId('incidents', new Set(['INC-2025-063', 'INC-2026-038', 'INC-2026-004']), 'x', '2026-11-25')).toBe('INC-2026-039');
    expect(nextId('runbooks', new Set(['RB-0013', 'RB-0002']), 'x', '2026-11-25')).toBe('RB-0014');
    expect(slugify('Café: Restart the Billing Workers!')).toBe('cafe-restart-the-billing-workers');
  });
});
