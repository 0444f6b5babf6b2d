import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numbered, TakenIds } from '../../../src/collections/id-form.ts';
import { loadKnowledgeBase } from '../../../src/pipeline/load-in-thread.ts';
import { formatProblem } from '../../../src/lib/problems.ts';
import { nextId, scaffold } from '../../../src/lib/scaffold.ts';
import { slugify } from '../../../src/lib/slugify.ts';
import { collectionNames } from '../../../src/collections/index.ts';
import { tempDir } from '../../temp-dir.ts';

describe('npm run new', () => {
  it('writes drafts that state no invented fact and that the check tells what to fill', () => {
    const dir = tempDir('cairn-new-');
    cpSync('tests/fixtures/valid-kb', join(dir, 'content'), { recursive: true });
    const ids = new Set(loadKnowledgeBase({ root: dir, contentDir: 'content', today: '2026-11-25', audience: 'restricted' }).documents.map((d) => d.id));
    const made = collectionNames.map((collection) => {
      const doc = scaffold(
        collection,
        `Brand-new ${collection} page`,
        { ids, team: 'ops', service: 'billing', project: 'PRJ-billing-revamp', today: '2026-11-25', now: '2026-11-25T10:00:00Z' },
        { draft: true },
      );
      writeFileSync(join(dir, 'content', collection, doc.fileName), doc.text, { flag: 'wx' });
      // The context's team, service and project and the instant are guesses: a draft states none of them.
      expect(doc.text, collection).not.toMatch(/\b(ops|billing|PRJ-billing-revamp)\b|T10:00/);
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
    const kb = loadKnowledgeBase({ root: dir, contentDir: 'content', today: '2026-11-25' });
    expect(kb.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/incidents/2026-001-brand-new-incidents-page.mdx:4:10: warning: draft: still to fill before it is published: summary, owner, severity, detected, commander, customer_facing, customer_impact",
        "content/runbooks/brand-new-runbooks-page.mdx:4:10: warning: draft: still to fill before it is published: summary, owner, services, risk, expected_minutes, last_verified, review_every_days",
        "content/projects/brand-new-projects-page.mdx:4:10: warning: draft: still to fill before it is published: summary, owner, status, sponsor, start, planned_end",
        "content/retrospectives/brand-new-retrospectives-page.mdx:4:10: warning: draft: still to fill before it is published: summary, owner, project, date, facilitator, outcome, lessons",
        "content/playbooks/brand-new-playbooks-page.mdx:4:10: warning: draft: still to fill before it is published: summary, owner, audience, when_to_use",
        "content/guides/brand-new-guides-page.mdx:4:10: warning: draft: still to fill before it is published: summary, owner, audience, track, weeks, objectives",
        "content/teams/brand-new-teams-page.mdx:10:1: error: TODO placeholder in a published document; write what belongs here, or keep the document a draft (status: draft, or draft: true where status means something else) until it is ready",
        "content/teams/brand-new-teams-page.mdx:4:10: error: summary: is empty; fill it in",
        "content/teams/brand-new-teams-page.mdx:5:7: error: kind: is empty; fill it in",
        "content/teams/brand-new-teams-page.mdx:6:10: error: channel: is empty; fill it in",
        "content/teams/brand-new-teams-page.mdx:7:14: error: github_team: is empty; fill it in",
        "content/services/brand-new-services-page.mdx:9:1: error: TODO placeholder in a published document; write what belongs here, or keep the document a draft (status: draft, or draft: true where status means something else) until it is ready",
        "content/services/brand-new-services-page.mdx:4:10: error: summary: is empty; fill it in",
        "content/services/brand-new-services-page.mdx:5:8: error: owner: is empty; fill it in",
        "content/services/brand-new-services-page.mdx:6:7: error: tier: is empty; fill it in",
      ]
    `);
    // Drafts are checked and their IDs taken, but none is a document of the build.
    expect(kb.documents.map((d) => d.id)).not.toContain('RB-0002');
    expect(kb.takenIds.has('RB-0002')).toBe(true);
    expect(kb.drafts.map((d) => `${d.id} ${d.toFill.length} to fill, ${d.placeholders} TODOs`)).toMatchInlineSnapshot(`
      [
        "INC-2026-001 7 to fill, 2 TODOs",
        "RB-0002 7 to fill, 3 TODOs",
        "PRJ-brand-new-projects-page 6 to fill, 1 TODOs",
        "RETRO-0002 7 to fill, 1 TODOs",
        "PB-0002 4 to fill, 1 TODOs",
        "MG-0002 6 to fill, 1 TODOs",
      ]
    `);
  });

  it('numbers after the highest ID in use and makes clean slugs', () => {
    expect(nextId('incidents', new Set(['INC-2025-063', 'INC-2026-038', 'INC-2026-004']), 'x', '2026-11-25')).toBe('INC-2026-039');
    expect(nextId('runbooks', new Set(['RB-0013', 'RB-0002']), 'x', '2026-11-25')).toBe('RB-0014');
    expect(slugify('Café: Restart the Billing Workers!')).toBe('cafe-restart-the-billing-workers');
  });
});

describe('the next free ID', () => {
  it('is the same whether the IDs in use remember their highest numbers or are read again, as IDs come and go', () => {
    const taken = new TakenIds(['RB-0002', 'RB-0010', 'INC-2026-004', 'PRJ-billing', 'RB-12']);
    const plain = () => new Set(taken);
    const asked: string[] = [];
    const ask = () => {
      for (const [prefix, width] of [
        ['RB-', 4],
        ['INC-2026-', 3],
        ['PB-', 4],
      ] as const) {
        const next = numbered(prefix, width, taken);
        expect(next).toBe(numbered(prefix, width, plain()));
        asked.push(next);
      }
    };
    ask();
    taken.add('RB-0041');
    taken.add('INC-2026-009');
    ask();
    taken.delete('RB-0041');
    ask();
    taken.add('PB-0007');
    ask();
    expect(asked).toEqual(['RB-0013', 'INC-2026-005', 'PB-0001', 'RB-0042', 'INC-2026-010', 'PB-0001', 'RB-0013', 'INC-2026-010', 'PB-0001', 'RB-0013', 'INC-2026-010', 'PB-0008']);
  });
});
