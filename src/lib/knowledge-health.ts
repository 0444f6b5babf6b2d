import type { CollectionName, DocumentData } from '../collections/index.ts';
import { addDays } from './dates.ts';
import { median } from './insights.ts';
import type { ReviewQueue } from './review-queue.ts';

/** What the knowledge-health figures are computed from. */
export interface HealthInput {
  /** The review queue of this build (its documents only). */
  queue: ReviewQueue;
  /** When each draft the audience may read was started; drafts themselves are never published. */
  draftsCreated: readonly (string | undefined)[];
}

/** Drafts older than this are counted as stale. */
export const staleDraftDays = 30;

/**
 * How well the knowledge base is kept: the share of documents with a review date (a
 * `review_by`, or a runbook's verification interval) that are within it, the median days
 * overdue per team, and drafts started more than 30 days ago.
 */
export function knowledgeHealth(docs: readonly { id: string; collection: CollectionName; data: DocumentData[CollectionName] }[], { queue, draftsCreated }: HealthInput, today: string) {
  const dated = docs.filter(({ collection, data }) => !('status' in data && data.status === 'deprecated') && (('review_by' in data && data.review_by) || collection === 'runbooks'));
  const late = new Set(queue.teams.flatMap((t) => t.items.filter((i) => i.kind === 'review' || i.kind === 'verification').map((i) => i.id)));
  const onTime = dated.filter((d) => !late.has(d.id)).length;
  const cutoff = addDays(today, -staleDraftDays);
  return {
    withReviewDate: dated.length,
    reviewedOnTime: onTime,
    onTimeRate: dated.length ? onTime / dated.length : undefined,
    byTeam: queue.teams
      .map((t) => {
        const overdue = t.items.filter((i) => i.since !== undefined && i.daysOverdue > 0);
        return { team: t.team, name: t.name, overdue: overdue.length, medianDaysOverdue: median(overdue.map((i) => i.daysOverdue)) };
      })
      .filter((t) => t.overdue > 0)
      .sort((a, b) => (b.medianDaysOverdue ?? 0) - (a.medianDaysOverdue ?? 0) || a.name.localeCompare(b.name)),
    drafts: draftsCreated.length,
    draftsOlderThan30Days: draftsCreated.filter((created) => created !== undefined && created < cutoff).length,
  };
}
