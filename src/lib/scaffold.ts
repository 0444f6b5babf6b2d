import type { CollectionName } from '../schemas/index.ts';
import type { KnowledgeBase } from './knowledge-base.ts';

/** What a new document needs that the knowledge base already knows. */
export interface ScaffoldContext {
  /** Every ID in use, for the next free one. */
  ids: ReadonlySet<string>;
  /** A team for `owner` (the writer changes it), a service and a project for required references. */
  team: string;
  /** True when the team was chosen by a person (`npm run import -- --owner`), not a stand-in. */
  ownerGiven?: boolean;
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
 * A field the writer must decide: `value` is what an import fills in so its document passes
 * the check, `hint` what `npm run new` writes instead, as a comment beside an empty field.
 */
type Unknown = readonly [key: string, value: string, hint: string];
type Field = string | Unknown;

/**
 * A new document with the next free ID and a body in the shape its collection's documents
 * take. As a draft (`npm run new`) it states no fact nobody gave: what the writer must decide
 * is left empty with a hint, and the check lists it as still to fill. Otherwise (an import)
 * those fields get stand-ins so the document passes the check, with `TODO` where text is needed.
 */
export function scaffold(collection: CollectionName, title: string, c: ScaffoldContext, { draft = false } = {}): { id: string; fileName: string; text: string } {
  const id = nextId(collection, c.ids, title, c.today);
  const slug = slugify(title) || 'untitled';
  const fileName = collection === 'incidents' ? `${id.slice(4).toLowerCase()}-${slug}.mdx` : `${collection === 'teams' || collection === 'services' ? id : slug}.mdx`;
  const summary: Unknown = ['summary', '"TODO: one or two sentences on what this is and when to read it."', 'one or two sentences: what this is and when to read it'];
  const owner: Unknown = ['owner', c.team, 'the team (slug) that keeps it true, e.g. service-desk'];
  const common: Field[] = [`id: ${id}`, `title: ${yamlString(title)}`, summary, owner, `created: ${c.today}`, 'tags: []'];
  // `status: draft` where the collection's status has it; `draft: true` where status means something
  // else. An import is existing knowledge, published as it comes (status defaults to active).
  const marker = (procedure: boolean): Field[] => (draft ? [procedure ? 'status: draft' : 'draft: true'] : []);
  const fields: Record<CollectionName, Field[]> = {
    incidents: [...common, ...marker(false), ['severity', 'SEV3', 'SEV1 (worst) to SEV4'], 'status: open', ['detected', c.now, 'when it was noticed, e.g. 2026-03-14T09:42:00Z'], 'projects: []', 'services: []', 'runbooks: []', 'tickets: []', ['commander', '"TODO: who leads the response"', 'who leads the response'], draft ? 'teams: []' : `teams: [${c.team}]`, 'trigger: unknown', 'root_cause: unknown', ['customer_facing', 'false', 'true when customers, not only staff, felt it'], ['customer_impact', '"TODO: what customers or staff experienced"', 'what customers or staff experienced']],
    runbooks: [...common, ...marker(true), ['services', `[${c.service}]`, 'the services (slugs) it operates on, e.g. [payment-gateway]'], ['risk', 'medium', 'low, medium or high'], ['expected_minutes', '30', 'how long it usually takes, in minutes'], 'prerequisites: []', ['last_verified', c.today, 'the day someone last followed it end to end'], ['review_every_days', '180', 'how often it must be verified again, in days']],
    playbooks: [...common, ...marker(true), ['audience', '[everyone]', 'who it is for, e.g. [it-support, project-management]'], ['when_to_use', '"TODO: the situation that calls for this playbook"', 'the situation that calls for it, in a sentence'], 'roles: []', 'runbooks: []'],
    retrospectives: [...common, ...marker(false), ['project', c.project, 'the project (ID) looked back on'], ['date', c.today, 'the day it was held, YYYY-MM-DD'], ['facilitator', '"TODO: who ran it"', 'who ran it'], draft ? 'teams: []' : `teams: [${c.team}]`, ['outcome', '\n  on_time: true\n  slip_days: 0\n  budget_variance_pct: 0\n  satisfaction: 3', 'on_time, slip_days, budget_variance_pct, satisfaction (1-5)'], ['lessons', '\n  - title: "TODO: a short name for the lesson"\n    happened: "TODO: what happened, as facts"\n    lesson: "TODO: what it taught us"\n    recommendation: "TODO: what to do next time"\n    category: planning', 'each: title, happened, lesson, recommendation, category'], 'action_items: []'],
    guides: [...common, ...marker(true), ['audience', 'both', 'mentor, mentee or both'], ['track', 'engineering-practice', 'service-desk, on-call, project-delivery, leadership or engineering-practice'], ['weeks', '4', 'how many weeks it runs'], 'prerequisites: []', ['objectives', '\n  - "TODO: what the mentee can do at the end"', 'what the mentee can do at the end, a list'], 'playbooks: []', 'runbooks: []'],
    projects: [...common, ...marker(false), ['status', 'planned', 'planned, active, on-hold, completed or cancelled'], ['sponsor', '"TODO: who sponsors it"', 'who sponsors it and signs off'], ['start', c.today, 'the day work starts, YYYY-MM-DD'], ['planned_end', c.today, 'the day it is planned to end'], 'services: []', draft ? 'teams: []' : `teams: [${c.team}]`, 'stakeholders: []'],
    teams: [`id: ${id}`, `name: ${yamlString(title)}`, ['summary', '"TODO: what the team does, in a sentence or two."', 'what the team does, in a sentence or two'], ['kind', 'it-support', 'it-support, project-management or cross-functional'], ['channel', `"#${id}"`, 'its chat channel, e.g. "#service-desk"'], ['github_team', `"@your-org/${id}"`, 'the GitHub team that reviews its documents, e.g. "@org/service-desk"']],
    services: [`id: ${id}`, `name: ${yamlString(title)}`, ['summary', '"TODO: what the service does and who depends on it."', 'what it does and who depends on it'], owner, ['tier', '3', '1 (business-critical) to 4 (best effort)']],
  };
  const line = (f: Field) => (typeof f === 'string' ? f : draft ? `${f[0]}: # ${f[2]}` : `${f[0]}:${f[1].startsWith('\n') ? '' : ' '}${f[1]}`);
  const bodies: Record<CollectionName, string> = {
    incidents: '## Summary\n\nTODO\n\n## Impact\n\n## Timeline\n\n' + (draft ? 'TODO: the events, in a `<Timeline>` of `<Event time="…">` entries' : '<Timeline>\n<Event time="' + c.now + '">Detected.</Event>\n</Timeline>') + '\n\n## Root cause and trigger\n\n## Detection\n\n## Resolution and recovery\n\n## What went well\n\n## What went wrong\n\n## Where we got lucky\n\n## Action items\n\n<ActionItems />\n',
    runbooks: '## When to use\n\nTODO\n\n## Before you start\n\n<Checklist>\n\n- TODO\n\n</Checklist>\n\n## Procedure\n\n<Steps>\n\n1. TODO\n\n</Steps>\n\n## Verify\n\n## Roll back\n\n## Escalation\n',
    playbooks: '## Purpose\n\nTODO\n\n## Roles\n\n## How it runs\n\n## Communication templates\n\n## Related\n',
    retrospectives: '## Context\n\nTODO\n\n## What went well\n\n## What did not\n\n## Decisions\n\n## Action items\n\n<ActionItems />\n',
    guides: '## How to use this guide\n\nTODO\n\n### Week 1\n\n## Mentor notes\n',
    projects: '## Why\n\nTODO\n\n## Scope\n\n## Milestones\n\n## Risks\n\n## Status notes\n',
    teams: 'TODO: what we do, how to reach us, what we own.\n',
    services: 'TODO: what it does, who depends on it, how it fails, where its dashboards are.\n',
  };
  return { id, fileName, text: `---\n${fields[collection].map(line).join('\n')}\n---\n\n${bodies[collection]}` };
}
