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

/** An incident and its postmortem. */
export const incidentSchema = documentBase.extend({
  /** Permanent ID, `INC-YYYY-NNN`. */
  id: idOf('incidents'),
  /** SEV1 (worst) to SEV4. */
  severity: z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4']),
  /** Where the incident and its postmortem stand. */
  status: z.enum(['open', 'mitigated', 'resolved', 'postmortem', 'closed']),
  /** When it was first noticed, by a person or an alert. */
  detected: timestamp,
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
});
