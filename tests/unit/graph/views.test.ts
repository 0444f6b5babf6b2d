import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph.ts';
import { impactMatrix, lessonsRegister, projectImpact, runbookUsage } from '../../../src/lib/graph/views.ts';
import { doc, incident, lesson, project, runbook } from './helpers.ts';

const docs = [
  project('PRJ-portal', { services: ['portal'], start: '2025-04-01', planned_end: '2025-09-30', actual_end: '2025-10-31', status: 'completed' }),
  project('PRJ-erp', { services: ['erp'], start: '2025-06-01', planned_end: '2026-03-31' }),
  runbook('RB-0006'),
  incident('INC-2025-010', {
    severity: 'SEV2',
    projects: ['PRJ-portal'],
    runbooks: ['RB-0006'],
    customer_facing: true,
    detected: '2025-06-24T13:05:00Z',
    mitigated: '2025-06-24T14:20:00Z',
    resolved: '2025-06-24T16:00:00Z',
    lessons: [lesson('Load test the beta', 'testing')],
  }),
  incident('INC-2025-020', {
    severity: 'SEV1',
    projects: ['PRJ-portal', 'PRJ-erp'],
    runbooks: ['RB-0006'],
    customer_facing: false,
    detected: '2025-08-01T09:00:00Z',
    resolved: '2025-08-01T12:00:00Z',
  }),
  incident('INC-2025-030', { severity: 'SEV4', services: ['erp'], detected: '2025-11-03T08:00:00+01:00' }),
  incident('INC-2025-040', { severity: 'SEV3', services: ['email'], detected: '2025-12-01T08:00:00Z' }),
  doc('retrospectives', {
    id: 'RETRO-0001',
    title: 'Portal retrospective',
    project: 'PRJ-portal',
    date: '2025-11-20',
    facilitator: 'Facilitator',
    outcome: { on_time: false, slip_days: 31, budget_variance_pct: 12, satisfaction: 3 },
    lessons: [lesson('Rehearse the cutover', 'testing'), lesson('Tell the desk first', 'communication')],
  }),
  doc('retrospectives', {
    id: 'RETRO-0002',
    title: 'ERP retrospective',
    project: 'PRJ-erp',
    date: '2026-01-20',
    facilitator: 'Facilitator',
    outcome: { on_time: true, slip_days: 0, budget_variance_pct: 0, satisfaction: 4 },
    lessons: [lesson('Test with real data', 'testing')],
  }),
];
const graph = buildGraph(docs, '2026-01-31');
const lookup = new Map(docs.map((d) => [d.id, d]));

describe('project impact', () => {
  it('lists declared incidents newest first with totals, and inferred ones apart', () => {
    const portal = projectImpact('PRJ-portal', graph, lookup);
    expect(portal.declared.map((r) => [r.id, r.severity, r.minutesToResolve])).toEqual([
      ['INC-2025-020', 'SEV1', 180],
      ['INC-2025-010', 'SEV2', 175],
    ]);
    // Only the customer-facing incident counts, detection to mitigation: 75 minutes.
    expect(portal.totals).toEqual({ count: 2, customerFacingMinutes: 75, worst: 'SEV1' });
    expect(portal.inferred).toEqual([]);

    const erp = projectImpact('PRJ-erp', graph, lookup);
    expect(erp.declared.map((r) => r.id)).toEqual(['INC-2025-020']);
    expect(erp.inferred.map((r) => [r.id, r.inferredReason])).toEqual([['INC-2025-030', 'incident on erp on 2025-11-03, while PRJ-erp was changing erp (2025-06-01 to 2026-03-31)']]);
  });
});

describe('runbook usage', () => {
  it('counts the incidents that used a runbook and when it was last used', () => {
    expect(runbookUsage('RB-0006', graph, lookup)).toEqual({ incidents: ['INC-2025-020', 'INC-2025-010'], lastUsed: '2025-08-01' });
    expect(runbookUsage('RB-9999', graph, lookup)).toEqual({ incidents: [], lastUsed: undefined });
  });
});

describe('lessons register', () => {
  it('groups lessons by category, categories recurring across most projects first', () => {
    const groups = lessonsRegister(docs);
    expect(groups.map((g) => [g.category, g.projects, g.lessons.map((l) => `${l.source}: ${l.title}`)])).toEqual([
      ['testing', ['PRJ-erp', 'PRJ-portal'], ['RETRO-0002: Test with real data', 'RETRO-0001: Rehearse the cutover', 'INC-2025-010: Load test the beta']],
      ['communication', ['PRJ-portal'], ['RETRO-0001: Tell the desk first']],
    ]);
  });
});

describe('impact matrix', () => {
  it('places each linked incident in its project and quarter, marking inferred links', () => {
    const matrix = impactMatrix(docs, graph, '2026-01-31');
    expect(matrix.quarters).toEqual(['2025 Q2', '2025 Q3', '2025 Q4', '2026 Q1']);
    expect(matrix.unlinked).toBe(1);
    const row = (id: string) => matrix.rows.find((r) => r.project === id)!;
    expect(row('PRJ-portal').cells.map((c) => [c.active, c.incidents.map((i) => i.id)])).toEqual([
      [true, ['INC-2025-010']],
      [true, ['INC-2025-020']],
      [true, []],
      [false, []],
    ]);
    expect(row('PRJ-erp').cells[2]!.incidents).toEqual([{ id: 'INC-2025-030', severity: 'SEV4', inferred: true }]);
  });
});
