import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph.ts';
import { declaredEdges } from '../../../src/lib/graph/edges.ts';
import { activeWindow, possiblyAffectedEdges } from '../../../src/lib/graph/inferred.ts';
import { incident, project, runbook } from './helpers.ts';
import type { Project } from '../../../src/collections/index.ts';

describe('declared edges', () => {
  it('turns reference fields and body mentions into edges, once each, both ends present', () => {
    const docs = [
      project('PRJ-billing'),
      runbook('RB-0001'),
      incident('INC-2025-001', { projects: ['PRJ-billing'], runbooks: ['RB-0001'] }, { mentions: ['RB-0001', 'RB-0001', 'INC-2025-001', 'PRJ-hidden'] }),
    ];
    expect(declaredEdges(docs)).toEqual([
      { from: 'INC-2025-001', to: 'PRJ-billing', kind: 'affected-project', inferred: false },
      { from: 'INC-2025-001', to: 'RB-0001', kind: 'used-runbook', inferred: false },
      { from: 'INC-2025-001', to: 'RB-0001', kind: 'mentions', inferred: false },
    ]);
  });

  it('drops edges to documents the build leaves out, so their IDs are never published', () => {
    const docs = [incident('INC-2025-001', { projects: ['PRJ-restricted'] })];
    expect(declaredEdges(docs)).toEqual([]);
  });
});

describe('possibly affected projects', () => {
  const changing = project('PRJ-migration', { services: ['erp', 'billing'], start: '2025-03-01', planned_end: '2025-05-31', actual_end: '2025-07-15', status: 'completed' });

  it('links an incident on a service a project was changing while it ran, with the reason', () => {
    const edges = possiblyAffectedEdges([changing, incident('INC-2025-002', { services: ['erp'], detected: '2025-07-15T23:30:00Z' })], '2026-01-01');
    expect(edges).toEqual([
      {
        from: 'INC-2025-002',
        to: 'PRJ-migration',
        kind: 'possibly-affected',
        inferred: true,
        reason: 'incident on erp on 2025-07-15, while PRJ-migration was changing erp (2025-03-01 to 2025-07-15)',
      },
    ]);
  });

  it('says nothing before the start, after the end, on other services, or when the incident already names the project', () => {
    const docs = [
      changing,
      incident('INC-2025-003', { services: ['erp'], detected: '2025-02-28T23:59:00Z' }),
      incident('INC-2025-004', { services: ['erp'], detected: '2025-07-16T00:00:00Z' }),
      incident('INC-2025-005', { services: ['email'], detected: '2025-04-01T10:00:00Z' }),
      incident('INC-2025-006', { services: ['erp', 'billing'], projects: ['PRJ-migration'], detected: '2025-04-01T10:00:00Z' }),
    ];
    expect(possiblyAffectedEdges(docs, '2026-01-01')).toEqual([]);
  });

  it('treats a late project that has not ended as running until today', () => {
    const late = project('PRJ-late', { services: ['erp'], start: '2025-01-01', planned_end: '2025-03-31' });
    const edges = possiblyAffectedEdges([late, incident('INC-2025-007', { services: ['erp'], detected: '2025-09-01T10:00:00Z' })], '2025-10-01');
    expect(edges.map((e) => e.to)).toEqual(['PRJ-late']);
    expect(possiblyAffectedEdges([project('PRJ-future', { services: ['erp'], status: 'planned' }), incident('INC-2025-008', { services: ['erp'] })], '2025-10-01')).toEqual([]);
  });
});

describe('the whole graph', () => {
  it('indexes edges both ways and keeps declared and inferred apart', () => {
    const graph = buildGraph([project('PRJ-a', { services: ['erp'] }), project('PRJ-b', { services: ['erp'] }), incident('INC-2025-001', { services: ['erp'], projects: ['PRJ-a'] })], '2025-12-01');
    expect(graph.to('PRJ-a').map((e) => [e.from, e.kind, e.inferred])).toEqual([['INC-2025-001', 'affected-project', false]]);
    expect(graph.to('PRJ-b', 'possibly-affected').map((e) => [e.from, e.inferred])).toEqual([['INC-2025-001', true]]);
    expect(
      graph
        .from('INC-2025-001')
        .filter((e) => !e.inferred)
        .map((e) => e.to),
    ).toEqual(['PRJ-a']);
  });
});

describe('active windows', () => {
  it('stops a project on hold at its planned end, and never starts a planned one', () => {
    const paused = project('PRJ-paused', { status: 'on-hold', start: '2025-01-01', planned_end: '2025-06-30' }).data;
    expect(activeWindow(paused as Project, '2026-01-01')).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(activeWindow(paused as Project, '2025-03-01')).toEqual({ from: '2025-01-01', to: '2025-03-01' });
    expect(activeWindow(project('PRJ-next', { status: 'planned' }).data as Project, '2026-01-01')).toBeUndefined();
  });
});

describe('possibly affected, at scale', () => {
  it('suggests nothing when more projects overlap than could mean anything', () => {
    const busy = [1, 2, 3, 4].map((n) => project(`PRJ-busy-${n}`, { services: ['erp'] }));
    expect(possiblyAffectedEdges([...busy, incident('INC-2025-009', { services: ['erp'] })], '2025-10-01')).toEqual([]);
    expect(possiblyAffectedEdges([...busy.slice(0, 3), incident('INC-2025-009', { services: ['erp'] })], '2025-10-01')).toHaveLength(3);
  });
});
