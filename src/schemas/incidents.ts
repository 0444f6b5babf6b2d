import * as z from 'zod';
import { documentBase } from './base.ts';
import { actionItem, idOf, lesson, slug, timestamp } from './shared.ts';

/** What set the incident off. */
export const incidentTrigger = z.enum([
  'deploy',
  'config-change',
  'infrastructure-change',
  'capacity',
  'dependency',
  'hardware',
  'certificate-expiry',
  'data',
  'security',
  'human-error',
  'unknown',
]);

/** The underlying cause, as a category for trends. */
export const rootCauseCategory = z.enum([
  'software-defect',
  'configuration',
  'capacity-planning',
  'third-party',
  'process-gap',
  'monitoring-gap',
  'hardware-failure',
  'security-control',
  'unknown',
]);

/** Incident facts a document may leave unknown by listing them in `to_fill` (an imported postmortem that does not say). */
export const incidentFactsToFill = ['severity', 'detected'] as const;

/** An incident and its postmortem. */
export const incidentSchema = documentBase.extend({
  /** Permanent ID, `INC-YYYY-NNN`. */
  id: idOf('incidents'),
  /** SEV1 (worst) to SEV4; may be absent only when listed in `to_fill`. */
  severity: z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4']).optional(),
  /** Where the incident and its postmortem stand. */
  status: z.enum(['open', 'mitigated', 'resolved', 'postmortem', 'closed']),
  /** When it was first noticed, by a person or an alert; may be absent only when listed in `to_fill`. */
  detected: timestamp.optional(),
  /** When a responder took it. */
  acknowledged: timestamp.optional(),
  /** When the impact stopped. */
  mitigated: timestamp.optional(),
  /** When it was fully fixed. */
  resolved: timestamp.optional(),
  /** Projects (IDs) the incident affected. */
  projects: z.array(idOf('projects')).default([]),
  /** Services (slugs) that were hit. */
  services: z.array(slug).default([]),
  /** Runbooks (IDs) used in the response. */
  runbooks: z.array(idOf('runbooks')).default([]),
  /** Tracker keys of the tickets for it, e.g. OPS-1234 or INC0012345. */
  tickets: z.array(z.string().min(2)).default([]),
  /** The person who led the response. */
  commander: z.string().min(2),
  /** Teams (slugs) that took part. */
  teams: z.array(slug).default([]),
  /** What set it off. */
  trigger: incidentTrigger,
  /** The category of the root cause. */
  root_cause: rootCauseCategory,
  /** Whether customers (not only staff) felt it. */
  customer_facing: z.boolean(),
  /** What customers or staff experienced, in a sentence or two. */
  customer_impact: z.string().min(5),
  /** Follow-ups from the postmortem. */
  action_items: z.array(actionItem).default([]),
  /** Lessons the postmortem drew. */
  lessons: z.array(lesson).default([]),
}).superRefine(
  (incident, ctx) => {
    // Also runs when other fields are wrong, so a missing severity is reported with them.
    const toFill: unknown[] = Array.isArray(incident.to_fill) ? incident.to_fill : [];
    for (const field of incidentFactsToFill) {
      if (incident[field] === undefined && !toFill.includes(field)) ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: [field], message: `${field} is required; set it, or list it in to_fill if the source does not say` });
    }
    // Any other field may be listed too (an import wrote a stand-in that needs a person): it must be one the document has.
    toFill.forEach((field, i) => {
      if (typeof field === 'string' && !(incidentFactsToFill as readonly string[]).includes(field) && !(field in incident)) ctx.addIssue({ code: 'custom', path: ['to_fill', i], message: `${field} is not a field of this incident; to_fill lists fields it has that need a person, and may leave ${incidentFactsToFill.join(' and ')} out altogether` });
    });
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);
