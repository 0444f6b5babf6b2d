import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';

const siteDir = inject('siteDir');
const read = (path: string) => readFileSync(join(siteDir, path), 'utf8');
const manifest = JSON.parse(read('api/manifest.json')) as { documents: { id: string; url: string }[] };
const graph = JSON.parse(read('api/graph.json')) as { edges: { from: string; to: string; kind: string; inferred: boolean; reason: string | null }[] };
const urlOf = new Map(manifest.documents.map((d) => [d.id, d.url]));
const pages = new Map<string, HTMLElement>();
const page = (id: string) => {
  if (!pages.has(id)) pages.set(id, parse(read(`${urlOf.get(id)!.slice(1)}index.html`)).querySelector('article')!);
  return pages.get(id)!;
};
const linksTo = (from: string, to: string) =>
  page(from)
    .querySelectorAll('a')
    .some((a) => a.getAttribute('href') === urlOf.get(to));
const shownBothWays = [
  'affected-project',
  'possibly-affected',
  'used-runbook',
  'retrospective-of',
  'calls-runbook',
  'teaches-playbook',
  'owned-by',
  'on-service',
  'changes-service',
  'runbook-for-service',
  'mentions',
];

describe('the content graph in the built sample', () => {
  it('holds every kind of declared edge, and inferred edges with their reasons', () => {
    const kinds = new Set(graph.edges.filter((e) => !e.inferred).map((e) => e.kind));
    for (const kind of ['affected-project', 'used-runbook', 'retrospective-of', 'calls-runbook', 'teaches-playbook', 'owned-by', 'on-service', 'changes-service', 'runbook-for-service', 'mentions'])
      expect(kinds).toContain(kind);
    const inferred = graph.edges.filter((e) => e.inferred);
    expect(inferred.length).toBeGreaterThan(0);
    expect(inferred.every((e) => typeof e.reason === 'string' && e.reason.length > 10)).toBe(true);
    // The sample's Leeds switch failure names no project; the graph infers the data-centre exit.
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: 'INC-2025-041', to: 'PRJ-datacentre-exit', kind: 'possibly-affected', inferred: true }));
    expect(graph.edges.some((e) => e.from === 'INC-2025-041' && e.kind === 'affected-project')).toBe(false);
  });

  it('shows every declared and inferred project, runbook, team and service edge on both pages', () => {
    const edges = graph.edges.filter((e) => shownBothWays.includes(e.kind));
    expect(edges.length).toBeGreaterThan(300);
    const missing = edges.flatMap((e) => [
      ...(linksTo(e.from, e.to) ? [] : [`${e.from} does not link to ${e.to} (${e.kind})`]),
      ...(linksTo(e.to, e.from) ? [] : [`${e.to} does not link back to ${e.from} (${e.kind})`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('turns IDs written in bodies into links, and lists the incidents of a project with totals', () => {
    const project = page('PRJ-datacentre-exit');
    const incidents = project.querySelectorAll('#project-incidents ~ .table-scroll')[0]!.querySelectorAll('tbody tr');
    expect(incidents.length).toBe(graph.edges.filter((e) => e.to === 'PRJ-datacentre-exit' && e.kind === 'affected-project').length);
    expect(project.querySelector('.totals')!.textContent).toMatch(/\d+ incidents?, worst SEV\d; customer-facing downtime/);
    const bodyLinks = page('RB-0012')
      .querySelectorAll('.prose a.id-link')
      .map((a) => a.textContent);
    expect(bodyLinks).toContain('INC-2026-011');
    expect(page('RB-0012').querySelector('#runbook-usage')!.textContent).toMatch(/^Used in \d+ incidents?$/);
  });
});

describe('insights', () => {
  it('counts only the documents of this build, on the page and in insights.json', () => {
    const insights = JSON.parse(read('api/insights.json'));
    const incidents = (manifest.documents as { id: string; collection?: string }[]).filter((d) => d.id.startsWith('INC-'));
    expect(insights.incidents.count).toBe(incidents.length);
    expect(insights.incidents.bySeverity.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBe(incidents.length);
    const html = parse(read('insights/index.html'));
    expect(html.querySelector('.kpis li .kpi-value')!.textContent).toBe(String(incidents.length));
    expect(html.querySelectorAll('svg.bar-track').length).toBeGreaterThan(20);
    expect(html.querySelectorAll('script').every((s) => !s.textContent.includes('chart'))).toBe(true);
  });
});
