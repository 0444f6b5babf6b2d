import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Audience } from '../../../src/lib/audience.ts';
import { documentUrl } from '../../../src/lib/documents.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../../src/pipeline/load-in-thread.ts';
import { formatProblem } from '../../../src/lib/problems.ts';
import { reviewMarkdown, reviewText } from '../../../src/lib/review-format.ts';
import { queueOf, reviewQueue } from '../../../src/lib/review-queue.ts';
import { tempDir } from '../../temp-dir.ts';

const today = '2026-03-01';
const load = (audience: Audience, root = process.cwd(), contentDir = 'tests/fixtures/review-kb') => loadKnowledgeBase({ root, contentDir, today, audience });
const queueFrom = (kb: KnowledgeBase, withDrafts: boolean) =>
  reviewQueue({
    today,
    documents: kb.documents.map((d) => ({ ...d, url: documentUrl(d.collection, d.slug) })),
    ...(withDrafts ? { drafts: kb.drafts, placeholders: kb.placeholders } : {}),
    editLink: (file) => `https://git.example/edit/${file}`,
  });
const lines = (queue: ReturnType<typeof reviewQueue>) => queue.teams.flatMap((t) => t.items.map((i) => `${t.team} ${i.id} ${i.kind} since ${i.since} ${i.daysOverdue}d: ${i.what}`));

describe('the review queue', () => {
  it('lists exactly the items overdue on the pinned day, per team, most overdue first', () => {
    const queue = queueFrom(load('internal'), false);
    // Worked out by hand: RB-0001 verified 2025-06-01 every 180 days is due 2025-11-28; PB-0001
    // is to be reviewed by 2026-02-01; INC-2026-001's open item was due 2026-02-15. MG-0001's
    // review falls due today, the done and the future items are not due, RB-0003 is deprecated.
    expect(lines(queue)).toEqual([
      'ops RB-0001 verification since 2025-11-28 93d: Verify the runbook end to end',
      'ops PB-0001 review since 2026-02-01 28d: Review the document',
      'desk INC-2026-001 action-item since 2026-02-15 14d: Action item: Pin the printer driver version',
    ]);
    expect(queue.teams.map((t) => [t.name, t.channel, t.githubTeam])).toEqual([
      ['Operations', '#ops', '@fixture/ops'],
      ['Service desk', '#service-desk', '@fixture/service-desk'],
    ]);
    const item = queue.teams[1]!.items[0]!;
    expect([item.url, item.edit, item.ticket]).toEqual(['/incidents/2026-001-printer-queue/', 'https://git.example/edit/tests/fixtures/review-kb/incidents/2026-001-printer-queue.mdx', 'OPS-40']);
  });

  it('keeps restricted documents to a restricted audience', () => {
    expect(lines(queueFrom(load('restricted'), false))).toContain('ops INC-2025-002 action-item since 2025-12-01 90d: Action item: Rotate the fraud canary keys');
    expect(lines(queueFrom(load('public'), false))).toEqual([]);
  });

  it('tells owners about their drafts and what they still need', () => {
    const kb = load('internal');
    expect(kb.documents.map((d) => d.id)).not.toContain('RB-0002');
    expect(lines(queueOf(queueFrom(kb, true), 'desk'))).toEqual([
      'desk INC-2026-001 action-item since 2026-02-15 14d: Action item: Pin the printer driver version',
      'desk RB-0002 draft since 2026-01-05 0d: Finish the draft: fill in summary, risk, last_verified; 1 TODO',
    ]);
  });

  it('makes a TODO left in a published document a check error at its line, and a queue item', () => {
    const root = tempDir('cairn-review-');
    cpSync('tests/fixtures/review-kb', join(root, 'content'), { recursive: true });
    const file = join(root, 'content/playbooks/month-end.mdx');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nTODO: the escalation list.\n`);
    const kb = load('internal', root, 'content');
    expect(kb.problems.filter((p) => p.severity === 'error').map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/playbooks/month-end.mdx:19:1: error: TODO placeholder in a published document; write what belongs here, or keep the document a draft (status: draft, or draft: true where status means something else) until it is ready",
      ]
    `);
    expect(lines(queueOf(queueFrom(kb, true), 'ops'))).toContain('ops PB-0001 placeholder since undefined 0d: Write the TODO placeholder (line 19)');
  });

  it('reads as text for a terminal and as Markdown for an issue or a chat', () => {
    const desk = queueOf(queueFrom(load('internal'), true), 'desk');
    expect(reviewText(desk, 'https://kb.example')).toMatchInlineSnapshot(`
      "Service desk · #service-desk · @fixture/service-desk (2)
        INC-2026-001  Action item: Pin the printer driver version  [14 days overdue, due 15 Feb 2026]
            https://kb.example/incidents/2026-001-printer-queue/
        RB-0002  Finish the draft: fill in summary, risk, last_verified; 1 TODO  [draft since 5 Jan 2026]
            tests/fixtures/review-kb/runbooks/rotate-partner-certificates.mdx"
    `);
    expect(reviewMarkdown(desk, 'https://kb.example')).toMatchInlineSnapshot(`
      "## Service desk · \\#service-desk · @fixture/service-desk

      - **Action item: Pin the printer driver version**: [INC-2026-001 Printer queue stuck at head office](https://kb.example/incidents/2026-001-printer-queue/) · 14 days overdue, due 15 Feb 2026 · OPS-40 · [edit](https://git.example/edit/tests/fixtures/review-kb/incidents/2026-001-printer-queue.mdx)
      - **Finish the draft: fill in summary, risk, last\\_verified; 1 TODO**: RB-0002 Rotate the quartermaster partner certificates (\`tests/fixtures/review-kb/runbooks/rotate-partner-certificates.mdx\`) · draft since 5 Jan 2026 · [edit](https://git.example/edit/tests/fixtures/review-kb/runbooks/rotate-partner-certificates.mdx)
      "
    `);
  });
});

describe('facts an import left to fill', () => {
  it('are one item for the owning team, naming them', () => {
    const root = tempDir('cairn-review-tofill-');
    cpSync('tests/fixtures/review-kb', join(root, 'content'), { recursive: true });
    const file = join(root, 'content', 'incidents', '2026-001-printer-queue.mdx');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/^severity: .*\n/m, '')
        .replace(/^id: (.*)$/m, 'id: $1\nto_fill: [severity]'),
    );
    const kb = load('internal', root, 'content');
    expect(kb.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(lines(queueFrom(kb, false)).filter((l) => l.includes(' to-fill '))).toEqual(['desk INC-2026-001 to-fill since undefined 0d: Fill in severity']);
  });
});
