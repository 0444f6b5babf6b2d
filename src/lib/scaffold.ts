import type { CollectionName } from '../schemas/index.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

/** What a new document needs that the knowledge base already knows. */
export interface ScaffoldContext {
  /** Every ID in use, for the next free one. */
  ids: ReadonlySet<string>;
  /** A team for `owner` (the writer changes it), a service and a project for required references. */
  team: string;
  service: string;
  project: string;
  today: string;
  /** The current instant, ISO 8601, for a new incident's `detected`. */
  now: string;
}

/**
 * What new documents need from an existing knowledge base: the IDs taken (also by files with
 * problems, and former IDs) and a real team, service and project for the required fields.
 */
export function scaffoldContext(kb: KnowledgeBase, today: string, now = new Date()): ScaffoldContext & { ids: Set<string> } {
  const firstOf = (c: CollectionName) => kb.documents.filter((d) => d.collection === c).map((d) => d.id).sort()[0];
  return {
    ids: new Set(kb.takenIds),
    team: firstOf('teams') ?? 'your-team',
    service: firstOf('services') ?? 'your-service',
    project: firstOf('projects') ?? 'PRJ-your-project',
    today,
    now: `${now.toISOString().slice(0, 16)}:00Z`,
  };
}

/** `Restart the Billing Workers!` → `restart-the-billing-workers`. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The next free ID of a collection's numbered form: `RB-0014`, `INC-2026-039`. */
export function nextId(collection: CollectionName, ids: ReadonlySet<string>, title: string, today: string): string {
  const numbered = (prefix: string, width: number) => {
    let n = 1;
    for (const id of ids) if (id.startsWith(prefix) && /^\d+$/.test(id.slice(prefix.length))) n = Math.max(n, Number(id.slice(prefix.length)) + 1);
    return `${prefix}${String(n).padStart(width, '0')}`;
  };
  switch (collection) {
    case 'incidents':
      return numbered(`INC-${today.slice(0, 4)}-`, 3);
    case 'runbooks':
      return numbered('RB-', 4);
    case 'playbooks':
      return numbered('PB-', 4);
    case 'retrospectives':
      return numbered('RETRO-', 4);
    case 'guides':
      return numbered('MG-', 4);
    case 'projects':
      return `PRJ-${slugify(title)}`;
    case 'teams':
    case 'services':
      return slugify(title);
  }
}

const yamlString = (s: string) => JSON.stringify(s);

/**
 * A new document that passes `npm run check` as it stands, with `TODO` where the writer must
 * say something, and a body in the shape the collection's documents take.
 */
export function scaffold(collection: CollectionName, title: string, c: ScaffoldContext): { id: string; fileName: string; text: string } {
  const id = nextId(collection, c.ids, title, c.today);
  const slug = slugify(title) || 'untitled';
  const fileName = collection === 'incidents' ? `${id.slice(4).toLowerCase()}-${slug}.mdx` : `${collection === 'teams' || collection === 'services' ? id : slug}.mdx`;
  const common = [`id: ${id}`, `title: ${yamlString(title)}`, `summary: "TODO: one or two sentences on what this is and when to read it."`, `owner: ${c.team}`, `created: ${c.today}`, 'tags: []'];
  const fields: Record<CollectionName, string[]> = {
    incidents: [...common, 'severity: SEV3', 'status: open', `detected: ${c.now}`, 'projects: []', 'services: []', 'runbooks: []', 'tickets: []', 'commander: "TODO: who leads the response"', `teams: [${c.team}]`, 'trigger: unknown', 'root_cause: unknown', 'customer_facing: false', 'customer_impact: "TODO: what customers or staff experienced"'],
    runbooks: [...common, 'status: draft', `services: [${c.service}]`, 'risk: medium', 'expected_minutes: 30', 'prerequisites: []', `last_verified: ${c.today}`, 'review_every_days: 180'],
    playbooks: [...common, 'status: draft', 'audience: [everyone]', 'when_to_use: "TODO: the situation that calls for this playbook"', 'roles: []', 'runbooks: []'],
    retrospectives: [...common, `project: ${c.project}`, `date: ${c.today}`, 'facilitator: "TODO: who ran it"', `teams: [${c.team}]`, 'outcome:', '  on_time: true', '  slip_days: 0', '  budget_variance_pct: 0', '  satisfaction: 3', 'lessons:', '  - title: "TODO: a short name for the lesson"', '    happened: "TODO: what happened, as facts"', '    lesson: "TODO: what it taught us"', '    recommendation: "TODO: what to do next time"', '    category: planning', 'action_items: []'],
    guides: [...common, 'status: draft', 'audience: both', 'track: engineering-practice', 'weeks: 4', 'prerequisites: []', 'objectives:', '  - "TODO: what the mentee can do at the end"', 'playbooks: []', 'runbooks: []'],
    projects: [...common, 'status: planned', 'sponsor: "TODO: who sponsors it"', `start: ${c.today}`, `planned_end: ${c.today}`, 'services: []', `teams: [${c.team}]`, 'stakeholders: []'],
    teams: [`id: ${id}`, `name: ${yamlString(title)}`, 'summary: "TODO: what the team does, in a sentence or two."', 'kind: it-support', `channel: "#${id}"`, `github_team: "@your-org/${id}"`],
    services: [`id: ${id}`, `name: ${yamlString(title)}`, 'summary: "TODO: what the service does and who depends on it."', `owner: ${c.team}`, 'tier: 3'],
  };
  const bodies: Record<CollectionName, string> = {
    incidents: '## Summary\n\nTODO\n\n## Impact\n\n## Timeline\n\n<Timeline>\n<Event time="' + c.now + '">Detected.</Event>\n</Timeline>\n\n## Root cause and trigger\n\n## Detection\n\n## Resolution and recovery\n\n## What went well\n\n## What went wrong\n\n## Where we got lucky\n\n## Action items\n\n<ActionItems />\n',
    runbooks: '## When to use\n\nTODO\n\n## Before you start\n\n<Checklist>\n\n- TODO\n\n</Checklist>\n\n## Procedure\n\n<Steps>\n\n1. TODO\n\n</Steps>\n\n## Verify\n\n## Roll back\n\n## Escalation\n',
    playbooks: '## Purpose\n\nTODO\n\n## Roles\n\n## How it runs\n\n## Communication templates\n\n## Related\n',
    retrospectives: '## Context\n\nTODO\n\n## What went well\n\n## What did not\n\n## Decisions\n\n## Action items\n\n<ActionItems />\n',
    guides: '## How to use this guide\n\nTODO\n\n### Week 1\n\n## Mentor notes\n',
    projects: '## Why\n\nTODO\n\n## Scope\n\n## Milestones\n\n## Risks\n\n## Status notes\n',
    teams: 'TODO: what we do, how to reach us, what we own.\n',
    services: 'TODO: what it does, who depends on it, how it fails, where its dashboards are.\n',
  };
  return { id, fileName, text: `---\n${fields[collection].join('\n')}\n---\n\n${bodies[collection]}` };
}
