import * as z from 'zod';
import { formatDate } from '../lib/dates.ts';
import { runbookVerificationDue } from '../lib/metrics.ts';
import { documentBase, procedureStatus, unknownToFill } from '../schemas/base.ts';
import { calendarDate, slug } from '../schemas/shared.ts';
import { badge, date, describeCollection, withOwner } from './descriptor.ts';
import { fourDigitId, idOf } from './id-form.ts';

/** `RB-NNNN`. */
export const runbookId = fourDigitId('RB', 'RB-0042');

/** A step-by-step operational procedure. */
export const runbookSchema = documentBase.extend({
  /** Permanent ID, `RB-NNNN`. */
  id: idOf(runbookId).meta({ description: 'Permanent ID, `RB-NNNN`.' }),
  /** Whether it is ready to use. */
  status: procedureStatus.default('active').meta({ description: 'Whether it is ready to use.' }),
  /** Services (slugs) it operates on. */
  services: z.array(slug).min(1).meta({ description: 'Services (slugs) it operates on.' }),
  /** How much can go wrong if it is followed badly. */
  risk: z.enum(['low', 'medium', 'high']).meta({ description: 'How much can go wrong if it is followed badly.' }),
  /** How long it usually takes, in minutes. */
  expected_minutes: z.int().positive().meta({ description: 'How long it usually takes, in minutes.' }),
  /** What must be true or at hand before starting. */
  prerequisites: z.array(z.string().min(3)).default([]).meta({ description: 'What must be true or at hand before starting.' }),
  /** When someone last followed it end to end and confirmed it works. */
  last_verified: calendarDate.meta({ description: 'When someone last followed it end to end and confirmed it works.' }),
  /** How often it must be verified again, in days. */
  review_every_days: z.int().positive().max(730).meta({ description: 'How often it must be verified again, in days.' }),
});

/** Runbooks: step-by-step operational procedures. */
export const runbooks = describeCollection({
  schema: runbookSchema,
  id: runbookId,
  label: 'Runbooks',
  singular: 'Runbook',
  section: 'Operate',
  references: withOwner([{ path: ['services'], target: 'services', kind: 'runbook-for-service' }]),
  keyFields: (d, today, names) => {
    const due = runbookVerificationDue(d);
    // A stand-in an import wrote (listed in to_fill) is shown as unknown, never as a fact.
    const known = (field: string, value: string) => (d.to_fill.includes(field) ? unknownToFill : value);
    return [
      { label: 'Services', value: known('services', names(d.services)) },
      { label: 'Risk', value: known('risk', d.risk) },
      { label: 'Takes', value: known('expected_minutes', `${d.expected_minutes} min`) },
      { label: 'Last verified', value: known('last_verified', `${formatDate(d.last_verified)}${due < today ? ' (overdue)' : ''}`) },
    ];
  },
  columns: {
    heads: ['Risk', 'Services', 'Minutes', 'Last verified', 'Verify by'],
    cells: (d, today) => {
      const due = runbookVerificationDue(d);
      return [badge(d.risk), { text: d.services.join(', ') }, { text: String(d.expected_minutes) }, date(d.last_verified), due < today ? { ...date(due), badge: 'overdue' } : date(due)];
    },
  },
  scaffold: {
    fields: ({ common, draft, context: c }) => [
      ...common,
      ...(draft ? ['status: draft'] : []),
      ['services', `[${c.service}]`, 'the services (slugs) it operates on, e.g. [payment-gateway]'],
      ['risk', 'medium', 'low, medium or high'],
      ['expected_minutes', '30', 'how long it usually takes, in minutes'],
      'prerequisites: []',
      ['last_verified', c.today, 'the day someone last followed it end to end'],
      ['review_every_days', '180', 'how often it must be verified again, in days'],
    ],
    body: () =>
      '## When to use\n\nTODO\n\n## Before you start\n\n<Checklist>\n\n- TODO\n\n</Checklist>\n\n## Procedure\n\n<Steps>\n\n1. TODO\n\n</Steps>\n\n## Verify\n\n## Roll back\n\n## Escalation\n',
  },
});
