import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../../../src/lib/import-markdown.ts';
import { computeInsights } from '../../../../src/lib/insights.ts';
import { keyFields } from '../../../../src/lib/key-fields.ts';
import { impactMatrix } from '../../../../src/lib/graph/views.ts';
import { incidentSchema } from '../../../../src/collections/incidents.ts';
import { incident } from '../../graph/helpers.ts';
import { parse as parseYaml } from 'yaml';

const context = { ids: new Set<string>(), team: 'ops', service: 'billing', project: 'PRJ-billing-revamp', today: '2026-11-25', now: '2026-11-25T10:00:00Z' };
// The opening of a postmortem as teams write them, in the shape of PagerDuty's template (docs/resources.md, Apache-2.0).
const postmortem = '# Database connection exhaustion\n\nThe primary database refused new connections, so checkout failed for some customers.\n\n## Timeline\n\nAll times UTC.\n';

describe('facts an imported incident does not have', () => {
  it('are left out and listed in to_fill, never invented', () => {
    const doc = importMarkdown(postmortem, '2019-05-12-database-outage.md', 'incidents', context);
    const data = parseYaml(doc.text.slice(4, doc.text.indexOf('\n---\n', 4)));
    expect(data).not.toHaveProperty('severity');
    expect(data).not.toHaveProperty('detected');
    // The stand-ins the scaffold writes (owner, who led the response, what customers saw) are listed too.
    expect(data.to_fill).toEqual(['severity', 'detected', 'owner', 'commander', 'teams', 'customer_facing', 'customer_impact']);
    expect(data.trigger).toBe('unknown'); // says so itself: not listed
    expect(data.status).toBe('postmortem');
    expect(data.created).toBe('2019-05-12');
    expect(doc.toFill).toEqual(data.to_fill);
    expect(incidentSchema.safeParse(data).success).toBe(true);
  });

  it('are taken from the front matter when the source gives them', () => {
    const doc = importMarkdown(`---\nseverity: sev2\ndetected: 2019-05-12T08:14:00Z\nstatus: closed\n---\n${postmortem}`, 'outage.md', 'incidents', context);
    const data = parseYaml(doc.text.slice(4, doc.text.indexOf('\n---\n', 4)));
    expect([data.severity, data.detected, data.status, data.to_fill]).toEqual(['SEV2', '2019-05-12T08:14:00Z', 'closed', ['owner', 'commander', 'teams', 'customer_facing', 'customer_impact']]);
  });

  it('may be absent only when listed, only severity and detection time may be, and what is listed must be a field', () => {
    const valid = incident('INC-2019-001');
    const { severity: _s, detected: _d, ...rest } = valid.data as Record<string, unknown>;
    const problems = (data: Record<string, unknown>) => incidentSchema.safeParse(data).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems(rest)).toEqual([
      'severity: severity is required; set it, or list it in to_fill if the source does not say',
      'detected: detected is required; set it, or list it in to_fill if the source does not say',
    ]);
    expect(problems({ ...rest, to_fill: ['severity', 'detected'] })).toBeUndefined();
    expect(problems({ ...valid.data, to_fill: ['commander'] })).toBeUndefined();
    expect(problems({ ...valid.data, to_fill: ['comander'] })).toEqual([
      'to_fill.0: comander is not a field of this incident; to_fill lists fields it has that need a person, and may leave severity and detected out altogether',
    ]);
  });

  it('show as unknown on the page and keep the incident out of the figures that need them', () => {
    const known = incident('INC-2019-001', { severity: 'SEV1', detected: '2019-05-12T08:00:00Z', resolved: '2019-05-12T09:00:00Z' });
    const unknown = incident('INC-2019-002', { severity: undefined, detected: undefined, to_fill: ['severity', 'detected'] });
    expect(keyFields(unknown, '2026-11-25').slice(0, 3)).toEqual([
      { label: 'Severity', value: 'unknown — to fill' },
      { label: 'Detected', value: 'unknown — to fill' },
      { label: 'Duration', value: 'unknown — to fill' },
    ]);
    const insights = computeInsights([known, unknown], '2026-11-25');
    expect(insights.incidents.count).toBe(1);
    expect(insights.incidents.byQuarter.map((q) => [q.quarter, q.count])).toEqual([['2019 Q2', 1]]);
    const graph = { from: () => [], to: () => [] } as unknown as Parameters<typeof impactMatrix>[1];
    expect(impactMatrix([known, unknown], graph, '2026-11-25').unlinked).toBe(1);
  });
});

describe('stand-ins an imported runbook carries', () => {
  it('are listed in to_fill and shown as unknown, never as facts', () => {
    const doc = importMarkdown('# Restart the exporter\n\nWhen the exporter stops answering, restart it and check the scrape.\n', 'restart-exporter.md', 'runbooks', context);
    const data = parseYaml(doc.text.slice(4, doc.text.indexOf('\n---\n', 4)));
    expect(data.to_fill).toEqual(['owner', 'services', 'risk', 'expected_minutes', 'last_verified']);
    const fields = keyFields({ collection: 'runbooks', data: { ...data, status: 'active', prerequisites: [], tags: [], aliases: [], formerly: [], visibility: 'internal' } }, '2026-11-25');
    expect(fields.map((f) => [f.label, f.value])).toEqual([
      ['Services', 'unknown — to fill'],
      ['Risk', 'unknown — to fill'],
      ['Takes', 'unknown — to fill'],
      ['Last verified', 'unknown — to fill'],
    ]);
  });
});
