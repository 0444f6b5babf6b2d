import type { Incident, Retrospective } from '../../collections/index.ts';
import { incidentFactsKnown } from '../incident-facts.ts';
import type { LessonCategory } from '../../schemas/shared.ts';
import { minutesBetween } from '../dates.ts';
import type { GraphDocument } from './edges.ts';
import type { ContentGraph } from './graph.ts';
import { activeWindow } from './inferred.ts';

type Lookup = ReadonlyMap<string, GraphDocument>;

export interface IncidentImpact {
  id: string;
  severity: Incident['severity'];
  detected: string;
  /** Minutes from detection to resolution (or mitigation while unresolved). */
  minutesToResolve: number | undefined;
  customerFacing: boolean;
  /** Present when Cairn inferred the link rather than the incident declaring it. */
  inferredReason?: string;
}

export interface ProjectImpact {
  declared: IncidentImpact[];
  inferred: IncidentImpact[];
  /** Declared incidents only: inferred links are suspicions, not facts. */
  totals: { count: number; customerFacingMinutes: number; worst: Incident['severity'] | undefined };
}

/** The incidents that hit a project, newest first, with totals for the project page. */
export function projectImpact(projectId: string, graph: ContentGraph, docs: Lookup): ProjectImpact {
  const row = (id: string, inferredReason?: string): IncidentImpact | undefined => {
    const doc = docs.get(id);
    if (doc?.collection !== 'incidents' || !incidentFactsKnown(doc.data)) return undefined;
    const data = doc.data;
    const impact: IncidentImpact = {
      id,
      severity: data.severity,
      detected: data.detected,
      minutesToResolve: minutesBetween(data.detected, data.resolved ?? data.mitigated),
      customerFacing: data.customer_facing,
    };
    if (inferredReason) impact.inferredReason = inferredReason;
    return impact;
  };
  const newestFirst = (a: IncidentImpact, b: IncidentImpact) => Date.parse(b.detected) - Date.parse(a.detected);
  const declared = graph
    .to(projectId, 'affected-project')
    .map((e) => row(e.from))
    .filter((r) => r !== undefined)
    .sort(newestFirst);
  const inferred = graph
    .to(projectId, 'possibly-affected')
    .map((e) => row(e.from, e.reason))
    .filter((r) => r !== undefined)
    .sort(newestFirst);
  const customerFacingMinutes = declared.reduce((sum, r) => {
    const doc = docs.get(r.id);
    if (!r.customerFacing || doc?.collection !== 'incidents') return sum;
    return sum + (minutesBetween(doc.data.detected, doc.data.mitigated ?? doc.data.resolved) ?? 0);
  }, 0);
  const worst = declared.map((r) => r.severity).sort()[0];
  return { declared, inferred, totals: { count: declared.length, customerFacingMinutes, worst } };
}

export interface RunbookUsage {
  /** Incidents that list the runbook, newest first. */
  incidents: string[];
  /** Detection day of the newest of them. */
  lastUsed: string | undefined;
}

/** "Used in N incidents, last on …" for a runbook page. */
export function runbookUsage(runbookId: string, graph: ContentGraph, docs: Lookup): RunbookUsage {
  const used = graph
    .to(runbookId, 'used-runbook')
    .flatMap((e) => {
      const d = docs.get(e.from);
      return d?.collection === 'incidents' && incidentFactsKnown(d.data) ? [{ id: d.id, detected: d.data.detected }] : [];
    })
    .sort((a, b) => Date.parse(b.detected) - Date.parse(a.detected));
  return { incidents: used.map((d) => d.id), lastUsed: used[0]?.detected.slice(0, 10) };
}

export interface RegisterLesson {
  title: string;
  happened: string;
  lesson: string;
  recommendation: string;
  /** The retrospective or incident it comes from. */
  source: string;
  /** Projects the source is about. */
  projects: string[];
  /** When the source happened, for ordering. */
  date: string;
}

export interface LessonGroup {
  category: LessonCategory;
  lessons: RegisterLesson[];
  /** Distinct projects whose lessons fall in this category. */
  projects: string[];
  /** Distinct retrospectives and incidents the lessons come from. */
  sources: number;
}

/**
 * Every lesson of every retrospective and postmortem, grouped by category. Categories that
 * recur across the most projects come first: a lesson learned three times is the one to read.
 */
export function lessonsRegister(docs: readonly GraphDocument[]): LessonGroup[] {
  const groups = new Map<LessonCategory, RegisterLesson[]>();
  for (const doc of docs) {
    let projects: string[];
    let date: string;
    let lessons: (Incident | Retrospective)['lessons'];
    if (doc.collection === 'retrospectives') {
      ({ lessons } = doc.data);
      projects = [doc.data.project];
      date = doc.data.date;
    } else if (doc.collection === 'incidents') {
      ({ lessons } = doc.data);
      projects = doc.data.projects;
      date = (doc.data.detected ?? doc.data.created).slice(0, 10);
    } else continue;
    for (const l of lessons) {
      const list = groups.get(l.category) ?? [];
      list.push({ title: l.title, happened: l.happened, lesson: l.lesson, recommendation: l.recommendation, source: doc.id, projects, date });
      groups.set(l.category, list);
    }
  }
  return [...groups]
    .map(([category, lessons]) => ({
      category,
      lessons: lessons.sort((a, b) => b.date.localeCompare(a.date) || a.source.localeCompare(b.source)),
      projects: [...new Set(lessons.flatMap((l) => l.projects))].sort(),
      sources: new Set(lessons.map((l) => l.source)).size,
    }))
    .sort((a, b) => b.projects.length - a.projects.length || b.lessons.length - a.lessons.length || a.category.localeCompare(b.category));
}

export interface ImpactCell {
  /** Incidents in this quarter linked to the project, declared or inferred. */
  incidents: { id: string; severity: Incident['severity']; inferred: boolean }[];
  /** Whether the project was running during the quarter. */
  active: boolean;
}

export interface ImpactMatrix {
  /** Quarter labels, e.g. `2025 Q3`, oldest first. */
  quarters: string[];
  rows: { project: string; cells: ImpactCell[]; total: number }[];
  /** Incidents linked to no project: the support load projects did not cause. */
  unlinked: number;
}

/**
 * Projects against calendar quarters: when each ran and which incidents hit it, so a reader
 * sees at a glance which projects attract incidents and when. Rows with incidents first.
 */
export function impactMatrix(docs: readonly GraphDocument[], graph: ContentGraph, today: string): ImpactMatrix {
  const incidents = docs.flatMap((d) => (d.collection === 'incidents' && incidentFactsKnown(d.data) ? [{ id: d.id, data: d.data }] : []));
  const incidentById = new Map(incidents.map((d) => [d.id, d.data]));
  const projects = docs.flatMap((d) => (d.collection === 'projects' ? [d] : []));
  const days = [...incidents.map((d) => d.data.detected.slice(0, 10))];
  for (const p of projects) {
    const w = activeWindow(p.data, today);
    if (w) days.push(w.from, w.to > today ? today : w.to);
  }
  if (days.length === 0) return { quarters: [], rows: [], unlinked: 0 };
  days.sort();
  const quarters = quarterRange(days[0]!, days[days.length - 1]!);
  const indexOf = new Map(quarters.map((q, i) => [q, i]));

  let unlinked = 0;
  for (const inc of incidents) {
    const linked = graph.from(inc.id).some((e) => e.kind === 'affected-project' || e.kind === 'possibly-affected');
    if (!linked) unlinked++;
  }
  const rows = projects.map((p) => {
    const w = activeWindow(p.data, today);
    const cells: ImpactCell[] = quarters.map((q) => ({ incidents: [], active: w !== undefined && quarterOf(w.from) <= q && q <= quarterOf(w.to) }));
    const links = [...graph.to(p.id, 'affected-project'), ...graph.to(p.id, 'possibly-affected')];
    for (const e of links) {
      const data = incidentById.get(e.from);
      if (!data) continue;
      cells[indexOf.get(quarterOf(data.detected))!]!.incidents.push({ id: e.from, severity: data.severity, inferred: e.inferred });
    }
    for (const c of cells) c.incidents.sort((a, b) => a.id.localeCompare(b.id));
    return { project: p.id, cells, total: links.length };
  });
  rows.sort((a, b) => b.total - a.total || a.project.localeCompare(b.project));
  return { quarters, rows, unlinked };
}

/** `2025-08-14…` → `2025 Q3`. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)} Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Every quarter from the one holding `from` to the one holding `to`. */
export function quarterRange(from: string, to: string): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  const endYear = Number(to.slice(0, 4));
  const endQ = Math.floor((Number(to.slice(5, 7)) - 1) / 3) + 1;
  while (year < endYear || (year === endYear && q <= endQ)) {
    out.push(`${year} Q${q}`);
    if (++q > 4) {
      q = 1;
      year++;
    }
  }
  return out;
}
