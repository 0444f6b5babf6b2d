import type { Project } from '../../collections/index.ts';
import { incidentFactsKnown } from '../incident-facts.ts';
import type { GraphDocument, GraphEdge } from './edges.ts';

/**
 * The days a project was changing its services: from `start` to `actual_end`; while an
 * active project has not ended, to its planned end or today, whichever is later (a late
 * project is still changing things); a project on hold, to its planned end at most.
 * Planned and cancelled projects without an end changed nothing.
 */
export function activeWindow(project: Project, today: string): { from: string; to: string } | undefined {
  if (project.actual_end) return { from: project.start, to: project.actual_end };
  if (project.status === 'planned' || project.status === 'cancelled') return undefined;
  if (project.status === 'on-hold') return { from: project.start, to: project.planned_end < today ? project.planned_end : today };
  return { from: project.start, to: project.planned_end > today ? project.planned_end : today };
}

/**
 * "Possibly affected": an incident on a service that a project was changing while the
 * project was active, where the incident does not already name the project. Projects are
 * bucketed by service, and an incident suggests at most `maxSuspects` projects.
 */
export function possiblyAffectedEdges(docs: readonly GraphDocument[], today: string): GraphEdge[] {
  const byService = new Map<string, { id: string; data: Project; window: { from: string; to: string } }[]>();
  for (const doc of docs) {
    if (doc.collection !== 'projects') continue;
    const data = doc.data;
    const window = activeWindow(data, today);
    if (!window) continue;
    for (const service of data.services) {
      const list = byService.get(service) ?? [];
      list.push({ id: doc.id, data, window });
      byService.set(service, list);
    }
  }
  const edges: GraphEdge[] = [];
  for (const doc of docs) {
    if (doc.collection !== 'incidents') continue;
    const incident = doc.data;
    if (!incidentFactsKnown(incident)) continue; // no detection time: no window to infer from
    const day = incidentDay(incident.detected);
    const done = new Set(incident.projects);
    const candidates: GraphEdge[] = [];
    for (const service of incident.services) {
      for (const project of byService.get(service) ?? []) {
        if (done.has(project.id) || day < project.window.from || day > project.window.to) continue;
        done.add(project.id);
        candidates.push({
          from: doc.id,
          to: project.id,
          kind: 'possibly-affected',
          inferred: true,
          reason: `incident on ${service} on ${day}, while ${project.id} was changing ${service} (${project.window.from} to ${project.window.to})`,
        });
      }
    }
    // When many projects were changing the service at once, the overlap says nothing about
    // any one of them; staying silent keeps the edges linear in the number of incidents.
    if (candidates.length <= maxSuspects) edges.push(...candidates);
  }
  return edges;
}

/** More overlapping projects than this, and an incident suggests none of them. */
export const maxSuspects = 3;

/** The calendar day of a timestamp as written (its own zone), as every page shows it. */
function incidentDay(timestamp: string): string {
  return timestamp.slice(0, 10);
}
