import { addDays, daysBetween } from './dates.ts';
import type { Project, Runbook } from '../collections/index.ts';

/**
 * How late a project is: final once it has ended, "so far" while it runs past its planned
 * end. Undefined while a running project is still within plan.
 */
export function projectSlipDays(project: Pick<Project, 'planned_end' | 'actual_end' | 'status'>, today: string): { days: number; final: boolean } | undefined {
  if (project.actual_end) return { days: daysBetween(project.planned_end, project.actual_end), final: true };
  if (project.status === 'active' || project.status === 'on-hold') {
    const days = daysBetween(project.planned_end, today);
    return days > 0 ? { days, final: false } : undefined;
  }
  return undefined;
}

/** The day a runbook must be verified again. */
export function runbookVerificationDue(runbook: Pick<Runbook, 'last_verified' | 'review_every_days'>): string {
  return addDays(runbook.last_verified, runbook.review_every_days);
}

/** When a document must be reviewed: its `review_by`, or for runbooks the verification due date. */
export function reviewDue(data: { review_by?: string | undefined; last_verified?: string; review_every_days?: number }): string | undefined {
  if (data.review_by) return data.review_by;
  if (data.last_verified && data.review_every_days) return addDays(data.last_verified, data.review_every_days);
  return undefined;
}
