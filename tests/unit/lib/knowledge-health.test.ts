import { describe, expect, it } from 'vitest';
import { documentUrl } from '../../../src/lib/documents.ts';
import { loadKnowledgeBase } from '../../../src/pipeline/load-in-thread.ts';
import { knowledgeHealth } from '../../../src/lib/knowledge-health.ts';
import { reviewQueue } from '../../../src/lib/review-queue.ts';

describe('knowledge health', () => {
  it('counts documents within their review date, median days overdue per team and stale drafts', () => {
    const today = '2026-03-01';
    const kb = loadKnowledgeBase({ root: process.cwd(), contentDir: 'tests/fixtures/review-kb', today });
    const queue = reviewQueue({ today, documents: kb.documents.map((d) => ({ ...d, url: documentUrl(d.collection, d.slug) })), editLink: () => undefined });
    // By hand: RB-0001 and PB-0001 are late, MG-0001 is due today (on time), RB-0003 is
    // deprecated; ops is 93 and 28 days late (median 61, rounded), desk 14; both drafts
    // (started 5 Jan 2026 and 1 Dec 2025) are older than 30 days.
    expect(knowledgeHealth(kb.documents, { queue, draftsCreated: kb.drafts.map((d) => d.created) }, today)).toEqual({
      withReviewDate: 3,
      reviewedOnTime: 1,
      onTimeRate: 1 / 3,
      byTeam: [
        { team: 'ops', name: 'Operations', overdue: 2, medianDaysOverdue: 61 },
        { team: 'desk', name: 'Service desk', overdue: 1, medianDaysOverdue: 14 },
      ],
      drafts: 2,
      draftsOlderThan30Days: 2,
    });
  });
});
