import type { CollectionDocument } from '../collections/index.ts';
import { incidentFactsKnown } from './incident-facts.ts';
import { minutesBetween } from './dates.ts';
import { projectSlipDays, runbookVerificationDue } from './metrics.ts';
import { lessonsRegister, quarterOf, quarterRange } from './graph/views.ts';
import { noBodyTerms } from './graph/similarity.ts';

/** What insights need of a document. */
export type InsightDocument = CollectionDocument & { id: string };

const severities = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;

/** The middle value; undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

const countBy = <T>(items: readonly T[], key: (item: T) => string[]) => {
  const counts = new Map<string, number>();
  for (const item of items) for (const k of key(item)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, count]) => ({ name, count }));
};

/**
 * The figures of the insights page and `api/insights.json`, from the documents of this
 * build only: a public build counts only public documents. Durations are minutes; response
 * times are medians, which one long outage cannot drag.
 */
export function computeInsights(docs: readonly InsightDocument[], today: string) {
  // Incidents whose severity or detection time is still to fill stay out of every incident figure.
  const incidents = docs.flatMap((d) => (d.collection === 'incidents' && incidentFactsKnown(d.data) ? [{ id: d.id, data: d.data }] : []));
  const projects = docs.flatMap((d) => (d.collection === 'projects' ? [d] : []));
  const retros = docs.flatMap((d) => (d.collection === 'retrospectives' ? [d] : []));
  const runbooks = docs.flatMap((d) => (d.collection === 'runbooks' ? [d] : []));

  const response = (list: typeof incidents) => ({
    count: list.length,
    medianMinutesToAcknowledge: median(list.map((i) => minutesBetween(i.data.detected, i.data.acknowledged)).filter((m) => m !== undefined)),
    medianMinutesToResolve: median(list.map((i) => minutesBetween(i.data.detected, i.data.resolved ?? i.data.mitigated)).filter((m) => m !== undefined)),
  });
  // Every quarter from the first incident to the last, quiet ones included.
  const days = incidents.map((i) => i.data.detected.slice(0, 10)).sort();
  const quarters = days.length ? quarterRange(days[0]!, days[days.length - 1]!) : [];

  const finished = projects.filter((p) => p.data.actual_end);
  const slips = projects
    .map((p) => ({ id: p.id, slip: projectSlipDays(p.data, today) }))
    .filter((p): p is { id: string; slip: { days: number; final: boolean } } => p.slip !== undefined)
    .map((p) => ({ id: p.id, days: Math.max(0, p.slip.days), final: p.slip.final }));
  const onTime = finished.filter((p) => p.data.actual_end! <= p.data.planned_end).length;

  const items = [...incidents, ...retros].flatMap((d) => d.data.action_items.map((a) => ({ ...a, source: d.id })));
  const overdue = (a: (typeof items)[number]) => (a.status === 'open' || a.status === 'in-progress') && a.due < today;

  const freshness = runbooks.map((r) => ({ id: r.id, lastVerified: r.data.last_verified, due: runbookVerificationDue(r.data), status: r.data.status }));

  return {
    generated: today,
    incidents: {
      ...response(incidents),
      customerFacingMinutes: incidents.filter((i) => i.data.customer_facing).reduce((sum, i) => sum + (minutesBetween(i.data.detected, i.data.mitigated ?? i.data.resolved) ?? 0), 0),
      bySeverity: severities.map((severity) => ({ severity, ...response(incidents.filter((i) => i.data.severity === severity)) })),
      byQuarter: quarters.map((quarter) => {
        const list = incidents.filter((i) => quarterOf(i.data.detected) === quarter);
        return { quarter, ...response(list), bySeverity: Object.fromEntries(severities.map((s) => [s, list.filter((i) => i.data.severity === s).length])) };
      }),
      byService: countBy(incidents, (i) => i.data.services),
      byTeam: countBy(incidents, (i) => i.data.teams),
      byRootCause: countBy(incidents, (i) => [i.data.root_cause]),
    },
    projects: {
      count: projects.length,
      finished: finished.length,
      onTime,
      onTimeRate: finished.length ? onTime / finished.length : undefined,
      medianSlipDays: median(slips.filter((s) => s.final).map((s) => s.days)),
      slips: slips.sort((a, b) => b.days - a.days),
    },
    actionItems: {
      count: items.length,
      done: items.filter((a) => a.status === 'done').length,
      inProgress: items.filter((a) => a.status === 'in-progress').length,
      open: items.filter((a) => a.status === 'open').length,
      wontDo: items.filter((a) => a.status === 'wont-do').length,
      overdue: items.filter(overdue).length,
      completionRate: items.length ? items.filter((a) => a.status === 'done').length / items.length : undefined,
      byOwner: countBy(items, (a) => [a.owner]).map(({ name, count }) => ({
        team: name,
        count,
        done: items.filter((a) => a.owner === name && a.status === 'done').length,
        overdue: items.filter((a) => a.owner === name && overdue(a)).length,
      })),
    },
    satisfaction: {
      average: retros.length ? Math.round((retros.reduce((s, r) => s + r.data.outcome.satisfaction, 0) / retros.length) * 10) / 10 : undefined,
      byRetrospective: retros.map((r) => ({ id: r.id, project: r.data.project, date: r.data.date, satisfaction: r.data.outcome.satisfaction })).sort((a, b) => a.date.localeCompare(b.date)),
    },
    runbooks: {
      count: runbooks.length,
      overdue: freshness.filter((r) => r.due < today).length,
      verifiedInTime: freshness.filter((r) => r.due >= today).length,
      byRunbook: freshness.sort((a, b) => a.due.localeCompare(b.due)),
    },
    lessonCategories: lessonsRegister(docs.map((d) => ({ ...d, mentions: [], terms: noBodyTerms }))).map((g) => ({ category: g.category, lessons: g.lessons.length, projects: g.projects.length })),
  };
}

export type Insights = ReturnType<typeof computeInsights>;
