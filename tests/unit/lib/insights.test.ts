import { describe, expect, it } from 'vitest';
import { computeInsights, median } from '../../../src/lib/insights.ts';
import { doc, incident, lesson, project, runbook } from '../graph/helpers.ts';

const item = (status: string, due: string, owner = 'ops') => ({ title: 'Do the thing', owner, due, status });
const docs = [
  incident('INC-2025-001', {
    severity: 'SEV1',
    customer_facing: true,
    detected: '2025-01-10T10:00:00Z',
    acknowledged: '2025-01-10T10:05:00Z',
    mitigated: '2025-01-10T11:00:00Z',
    resolved: '2025-01-10T12:00:00Z',
    services: ['billing'],
    teams: ['ops'],
    action_items: [item('done', '2025-02-01'), item('open', '2025-02-01')],
  }),
  incident('INC-2025-002', { severity: 'SEV1', detected: '2025-02-10T10:00:00Z', acknowledged: '2025-02-10T10:15:00Z', resolved: '2025-02-10T10:40:00Z', services: ['billing', 'erp'] }),
  incident('INC-2025-003', { severity: 'SEV3', detected: '2025-05-01T10:00:00Z', services: ['erp'], action_items: [item('in-progress', '2027-01-01', 'desk')] }),
  project('PRJ-a', { status: 'completed', planned_end: '2025-06-30', actual_end: '2025-06-20' }),
  project('PRJ-b', { status: 'completed', planned_end: '2025-06-30', actual_end: '2025-07-30' }),
  project('PRJ-c', { status: 'active', planned_end: '2025-09-30' }),
  runbook('RB-0001', { last_verified: '2025-01-01', review_every_days: 90 }),
  runbook('RB-0002', { last_verified: '2025-09-01', review_every_days: 90 }),
  doc('retrospectives', {
    id: 'RETRO-0001',
    title: 'Retro',
    project: 'PRJ-b',
    date: '2025-08-01',
    facilitator: 'Fiona',
    outcome: { on_time: false, slip_days: 30, budget_variance_pct: 5, satisfaction: 3 },
    lessons: [lesson('Plan', 'planning')],
    action_items: [item('wont-do', '2025-09-01')],
  }),
  doc('retrospectives', {
    id: 'RETRO-0002',
    title: 'Retro',
    project: 'PRJ-a',
    date: '2025-07-01',
    facilitator: 'Fiona',
    outcome: { on_time: true, slip_days: 0, budget_variance_pct: 0, satisfaction: 4 },
    lessons: [lesson('Plan', 'planning')],
  }),
];
const insights = computeInsights(docs, '2025-10-15');

describe('insights', () => {
  it('computes response times per severity as medians', () => {
    expect(insights.incidents.count).toBe(3);
    expect(insights.incidents.bySeverity[0]).toEqual({ severity: 'SEV1', count: 2, medianMinutesToAcknowledge: 10, medianMinutesToResolve: 80 });
    expect(insights.incidents.customerFacingMinutes).toBe(60);
    expect(insights.incidents.byQuarter.map((q) => [q.quarter, q.count, q.bySeverity.SEV1])).toEqual([
      ['2025 Q1', 2, 2],
      ['2025 Q2', 1, 0],
    ]);
    const gap = computeInsights([docs[0]!, incident('INC-2025-009', { detected: '2025-09-01T10:00:00Z' })], '2025-10-15');
    expect(gap.incidents.byQuarter.map((q) => [q.quarter, q.count])).toEqual([
      ['2025 Q1', 1],
      ['2025 Q2', 0],
      ['2025 Q3', 1],
    ]);
    expect(insights.incidents.byService).toEqual([
      { name: 'billing', count: 2 },
      { name: 'erp', count: 2 },
    ]);
  });

  it('measures delivery, action items, satisfaction and runbook freshness', () => {
    expect(insights.projects).toMatchObject({ count: 3, finished: 2, onTime: 1, onTimeRate: 0.5, medianSlipDays: 15 });
    expect(insights.projects.slips.map((s) => [s.id, s.days, s.final])).toEqual([
      ['PRJ-b', 30, true],
      ['PRJ-c', 15, false],
      ['PRJ-a', 0, true],
    ]);
    expect(insights.actionItems).toMatchObject({ count: 4, done: 1, open: 1, inProgress: 1, wontDo: 1, overdue: 1, completionRate: 0.25 });
    expect(insights.satisfaction.average).toBe(3.5);
    expect(insights.runbooks).toMatchObject({ count: 2, overdue: 1, verifiedInTime: 1 });
    expect(insights.lessonCategories).toEqual([{ category: 'planning', lessons: 2, projects: 2 }]);
  });

  it('takes the middle value', () => {
    expect(median([])).toBeUndefined();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(3);
  });
});
