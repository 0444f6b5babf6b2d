import * as z from 'zod';
import { formatDate, formatDuration, minutesBetween } from '../lib/dates.ts';
import { documentBase, unknownToFill } from '../schemas/base.ts';
import { actionItem, lesson, slug, timestamp } from '../schemas/shared.ts';
import { badge, date, describeCollection, withOwner } from './descriptor.ts';
import { idForm, idOf, numbered } from './id-form.ts';
import { projectId } from './projects.ts';
import { runbookId } from './runbooks.ts';

/** `INC-YYYY-NNN`: the year it was detected and a number within the year. */
export const incidentId = idForm(/INC-\d{4}-\d{3}/, 'INC-2025-014', 'prefixed', (ids, _, today) => numbered(`INC-${today.slice(0, 4)}-`, 3, ids));

/** What set the incident off. */
export const incidentTrigger = z.enum(['deploy', 'config-change', 'infrastructure-change', 'capacity', 'dependency', 'hardware', 'certificate-expiry', 'data', 'security', 'human-error', 'unknown']);

/** The underlying cause, as a category for trends. */
export const rootCauseCategory = z.enum(['software-defect', 'configuration', 'capacity-planning', 'third-party', 'process-gap', 'monitoring-gap', 'hardware-failure', 'security-control', 'unknown']);

/** Incident facts a document may leave unknown by listing them in `to_fill` (an imported postmortem that does not say). */
export const incidentFactsToFill = ['severity', 'detected'] as const;

/** An incident and its postmortem. */
export const incidentSchema = documentBase
  .extend({
    /** Permanent ID, `INC-YYYY-NNN`. */
    id: idOf(incidentId).meta({ description: 'Permanent ID, `INC-YYYY-NNN`.' }),
    /** SEV1 (worst) to SEV4; may be absent only when listed in `to_fill`. */
    severity: z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4']).optional().meta({ description: 'SEV1 (worst) to SEV4; may be absent only when listed in `to_fill`.' }),
    /** Where the incident and its postmortem stand. */
    status: z.enum(['open', 'mitigated', 'resolved', 'postmortem', 'closed']).meta({ description: 'Where the incident and its postmortem stand.' }),
    /** When it was first noticed, by a person or an alert; may be absent only when listed in `to_fill`. */
    detected: timestamp.optional().meta({ description: 'When it was first noticed, by a person or an alert; may be absent only when listed in `to_fill`.' }),
    /** When a responder took it. */
    acknowledged: timestamp.optional().meta({ description: 'When a responder took it.' }),
    /** When the impact stopped. */
    mitigated: timestamp.optional().meta({ description: 'When the impact stopped.' }),
    /** When it was fully fixed. */
    resolved: timestamp.optional().meta({ description: 'When it was fully fixed.' }),
    /** Projects (IDs) the incident affected. */
    projects: z.array(idOf(projectId)).default([]).meta({ description: 'Projects (IDs) the incident affected.' }),
    /** Services (slugs) that were hit. */
    services: z.array(slug).default([]).meta({ description: 'Services (slugs) that were hit.' }),
    /** Runbooks (IDs) used in the response. */
    runbooks: z.array(idOf(runbookId)).default([]).meta({ description: 'Runbooks (IDs) used in the response.' }),
    /** Tracker keys of the tickets for it, e.g. OPS-1234 or INC0012345. */
    tickets: z.array(z.string().min(2)).default([]).meta({ description: 'Tracker keys of the tickets for it, e.g. OPS-1234 or INC0012345.' }),
    /** The person who led the response. */
    commander: z.string().min(2).meta({ description: 'The person who led the response.' }),
    /** Teams (slugs) that took part. */
    teams: z.array(slug).default([]).meta({ description: 'Teams (slugs) that took part.' }),
    /** What set it off. */
    trigger: incidentTrigger.meta({ description: 'What set it off.' }),
    /** The category of the root cause. */
    root_cause: rootCauseCategory.meta({ description: 'The category of the root cause.' }),
    /** Whether customers (not only staff) felt it. */
    customer_facing: z.boolean().meta({ description: 'Whether customers (not only staff) felt it.' }),
    /** What customers or staff experienced, in a sentence or two. */
    customer_impact: z.string().min(5).meta({ description: 'What customers or staff experienced, in a sentence or two.' }),
    /** Follow-ups from the postmortem. */
    action_items: z.array(actionItem).default([]).meta({ description: 'Follow-ups from the postmortem.' }),
    /** Lessons the postmortem drew. */
    lessons: z.array(lesson).default([]).meta({ description: 'Lessons the postmortem drew.' }),
  })
  .superRefine(
    (incident, ctx) => {
      // Also runs when other fields are wrong, so a missing severity is reported with them.
      const toFill: unknown[] = Array.isArray(incident.to_fill) ? incident.to_fill : [];
      for (const field of incidentFactsToFill) {
        if (incident[field] === undefined && !toFill.includes(field))
          ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: [field], message: `${field} is required; set it, or list it in to_fill if the source does not say` });
      }
      // Any other field may be listed too (an import wrote a stand-in that needs a person): it must be one the document has.
      toFill.forEach((field, i) => {
        if (typeof field === 'string' && !(incidentFactsToFill as readonly string[]).includes(field) && !(field in incident))
          ctx.addIssue({
            code: 'custom',
            path: ['to_fill', i],
            message: `${field} is not a field of this incident; to_fill lists fields it has that need a person, and may leave ${incidentFactsToFill.join(' and ')} out altogether`,
          });
      });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

/** Incidents: what broke, how the response went, what it taught. */
export const incidents = describeCollection({
  schema: incidentSchema,
  id: incidentId,
  label: 'Incidents',
  singular: 'Incident',
  section: 'Operate',
  references: withOwner([
    { path: ['projects'], target: 'projects', kind: 'affected-project' },
    { path: ['services'], target: 'services', kind: 'on-service' },
    { path: ['runbooks'], target: 'runbooks', kind: 'used-runbook' },
    { path: ['teams'], target: 'teams', kind: 'involved-team' },
    { path: ['action_items', '*', 'owner'], target: 'teams', kind: 'action-owner' },
  ]),
  keyFields: (d, _, names) => [
    { label: 'Severity', value: d.severity ?? unknownToFill },
    { label: 'Detected', value: d.detected ? formatDate(d.detected) : unknownToFill },
    { label: 'Duration', value: !d.detected ? unknownToFill : d.resolved || d.mitigated ? formatDuration(minutesBetween(d.detected, d.resolved ?? d.mitigated)) : 'ongoing' },
    { label: 'Projects', value: names(d.projects) },
    { label: 'Services', value: names(d.services) },
  ],
  columns: {
    heads: ['Severity', 'Status', 'Detected', 'Time to resolve', 'Services'],
    cells: (d) => [
      d.severity ? badge(d.severity) : { text: unknownToFill },
      badge(d.status),
      d.detected ? date(d.detected.slice(0, 10)) : { text: unknownToFill },
      { text: formatDuration(minutesBetween(d.detected, d.resolved)) },
      { text: d.services.join(', ') },
    ],
  },
  newestFirst: true,
  facets: { date: (d) => d.detected?.slice(0, 10) },
  scaffold: {
    fileName: (id, titleSlug) => `${id.slice(4).toLowerCase()}-${titleSlug}`,
    fields: ({ common, draft, context: c }) => [
      ...common,
      ...(draft ? ['draft: true'] : []),
      ['severity', 'SEV3', 'SEV1 (worst) to SEV4'],
      'status: open',
      ['detected', c.now, 'when it was noticed, e.g. 2026-03-14T09:42:00Z'],
      'projects: []',
      'services: []',
      'runbooks: []',
      'tickets: []',
      ['commander', '"TODO: who leads the response"', 'who leads the response'],
      draft ? 'teams: []' : `teams: [${c.team}]`,
      'trigger: unknown',
      'root_cause: unknown',
      ['customer_facing', 'false', 'true when customers, not only staff, felt it'],
      ['customer_impact', '"TODO: what customers or staff experienced"', 'what customers or staff experienced'],
    ],
    body: ({ draft, context: c }) =>
      '## Summary\n\nTODO\n\n## Impact\n\n## Timeline\n\n' +
      (draft ? 'TODO: the events, in a `<Timeline>` of `<Event time="…">` entries' : '<Timeline>\n<Event time="' + c.now + '">Detected.</Event>\n</Timeline>') +
      '\n\n## Root cause and trigger\n\n## Detection\n\n## Resolution and recovery\n\n## What went well\n\n## What went wrong\n\n## Where we got lucky\n\n## Action items\n\n<ActionItems />\n',
  },
});
