import { describe, expect, it } from 'vitest';
import { codeowners } from '../../../src/lib/codeowners.ts';
import { loadKnowledgeBase } from '../../../src/pipeline/load-in-thread.ts';

describe('CODEOWNERS', () => {
  it("routes each document's pull requests to its owning team's GitHub team", () => {
    const { documents } = loadKnowledgeBase({ root: process.cwd(), contentDir: 'tests/fixtures/valid-kb', today: '2026-11-25', audience: 'restricted' });
    expect(
      codeowners(documents)
        .split('\n')
        .filter((l) => l.startsWith('/')),
    ).toEqual([
      '/tests/fixtures/valid-kb/guides/first-week.mdx @fixture/ops',
      '/tests/fixtures/valid-kb/incidents/2025-001-invoices-late.mdx @fixture/ops',
      '/tests/fixtures/valid-kb/incidents/2025-002-restricted-review.mdx @fixture/ops',
      '/tests/fixtures/valid-kb/playbooks/month-end.mdx @fixture/ops',
      '/tests/fixtures/valid-kb/projects/billing-revamp.mdx @fixture/ops',
      '/tests/fixtures/valid-kb/retrospectives/billing-revamp.mdx @fixture/ops',
      '/tests/fixtures/valid-kb/runbooks/restart-billing.mdx @fixture/ops',
      '/tests/fixtures/valid-kb/services/billing.mdx @fixture/ops',
      '/tests/fixtures/valid-kb/teams/ops.mdx @fixture/ops',
    ]);
  });

  it('routes a draft to its owning team too', () => {
    const { documents, drafts } = loadKnowledgeBase({ root: process.cwd(), contentDir: 'tests/fixtures/review-kb', today: '2026-03-01', audience: 'restricted' });
    expect(codeowners(documents, '', drafts)).toContain('/tests/fixtures/review-kb/runbooks/rotate-partner-certificates.mdx @fixture/service-desk\n');
  });
});
