import * as z from 'zod';
import { formatDate } from '../lib/dates.ts';
import { projectSlipDays } from '../lib/metrics.ts';
import { slugify } from '../lib/slugify.ts';
import { documentBase } from '../schemas/base.ts';
import { calendarDate, slug, slugSource } from '../schemas/shared.ts';
import { badge, date, describeCollection, withOwner } from './descriptor.ts';
import { idForm, idOf } from './id-form.ts';

/** `PRJ-<slug>` or `PRJ-0001`; a new project is named after its title. */
export const projectId = idForm(new RegExp(String.raw`PRJ-(?:\d{4}|${slugSource.source})`), 'PRJ-billing-migration or PRJ-0007', 'prefixed', (_, title) => `PRJ-${slugify(title)}`);

/** A project of the organisation: what it changes, who runs it, when. */
export const projectSchema = documentBase.extend({
  /** Permanent ID, `PRJ-<slug>` or `PRJ-0001`. */
  id: idOf(projectId).meta({ description: 'Permanent ID, `PRJ-<slug>` or `PRJ-0001`.' }),
  /** Where the project stands. */
  status: z.enum(['planned', 'active', 'on-hold', 'completed', 'cancelled']).meta({ description: 'Where the project stands.' }),
  /** The person who sponsors it and signs off. */
  sponsor: z.string().min(2).meta({ description: 'The person who sponsors it and signs off.' }),
  /** The day work started (or will start). */
  start: calendarDate.meta({ description: 'The day work started (or will start).' }),
  /** The day it was planned to end. */
  planned_end: calendarDate.meta({ description: 'The day it was planned to end.' }),
  /** The day it actually ended; empty while it runs. */
  actual_end: calendarDate.optional().meta({ description: 'The day it actually ended; empty while it runs.' }),
  /** Services (slugs) the project changes. */
  services: z.array(slug).default([]).meta({ description: 'Services (slugs) the project changes.' }),
  /** Teams (slugs) that work on it. */
  teams: z.array(slug).default([]).meta({ description: 'Teams (slugs) that work on it.' }),
  /** People and groups with a stake in it. */
  stakeholders: z.array(z.string().min(2)).default([]).meta({ description: 'People and groups with a stake in it.' }),
});

/** Projects: what the organisation changes, who runs it, and when. */
export const projects = describeCollection({
  schema: projectSchema,
  id: projectId,
  label: 'Projects',
  singular: 'Project',
  section: 'Deliver',
  references: withOwner([
    { path: ['services'], target: 'services', kind: 'changes-service' },
    { path: ['teams'], target: 'teams', kind: 'project-team' },
  ]),
  keyFields: (d, today, names) => {
    const slip = projectSlipDays(d, today);
    return [
      { label: 'Sponsor', value: d.sponsor },
      { label: 'Dates', value: `${formatDate(d.start)} – ${formatDate(d.actual_end ?? d.planned_end)}${d.actual_end ? '' : ' (planned)'}` },
      { label: 'Slip', value: slip && slip.days > 0 ? `${slip.days} days${slip.final ? '' : ' so far'}` : 'none' },
      { label: 'Services', value: names(d.services) },
    ];
  },
  columns: {
    heads: ['Status', 'Start', 'Planned end', 'Slip', 'Sponsor'],
    cells: (d, today) => {
      const slip = projectSlipDays(d, today);
      return [badge(d.status), date(d.start), date(d.planned_end), { text: slip && slip.days > 0 ? `${slip.days} d${slip.final ? '' : ' so far'}` : '—' }, { text: d.sponsor }];
    },
  },
  facets: { date: (d) => d.start },
  scaffold: {
    fields: ({ common, draft, context: c }) => [
      ...common,
      ...(draft ? ['draft: true'] : []),
      ['status', 'planned', 'planned, active, on-hold, completed or cancelled'],
      ['sponsor', '"TODO: who sponsors it"', 'who sponsors it and signs off'],
      ['start', c.today, 'the day work starts, YYYY-MM-DD'],
      ['planned_end', c.today, 'the day it is planned to end'],
      'services: []',
      draft ? 'teams: []' : `teams: [${c.team}]`,
      'stakeholders: []',
    ],
    body: () => '## Why\n\nTODO\n\n## Scope\n\n## Milestones\n\n## Risks\n\n## Status notes\n',
  },
});
