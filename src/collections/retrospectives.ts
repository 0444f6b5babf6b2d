import * as z from 'zod';
import { formatDate } from '../lib/dates.ts';
import { documentBase } from '../schemas/base.ts';
import { actionItem, calendarDate, lesson, slug } from '../schemas/shared.ts';
import { badge, date, describeCollection, withOwner } from './descriptor.ts';
import { fourDigitId, idOf } from './id-form.ts';
import { projectId } from './projects.ts';

/** `RETRO-NNNN`. */
export const retrospectiveId = fourDigitId('RETRO', 'RETRO-0005');

/** A project retrospective: how it went and what it taught. */
export const retrospectiveSchema = documentBase.extend({
  /** Permanent ID, `RETRO-NNNN`. */
  id: idOf(retrospectiveId).meta({ description: 'Permanent ID, `RETRO-NNNN`.' }),
  /** The project (ID) looked back on. */
  project: idOf(projectId).meta({ description: 'The project (ID) looked back on.' }),
  /** The day the retrospective was held. */
  date: calendarDate.meta({ description: 'The day the retrospective was held.' }),
  /** The person who ran it. */
  facilitator: z.string().min(2).meta({ description: 'The person who ran it.' }),
  /** Teams (slugs) that took part. */
  teams: z.array(slug).default([]).meta({ description: 'Teams (slugs) that took part.' }),
  /** Outcome figures for delivery reporting. */
  outcome: z
    .strictObject({
      /** Whether it was delivered by the planned end date. */
      on_time: z.boolean().meta({ description: 'Whether it was delivered by the planned end date.' }),
      /** Days between the planned and the actual end (0 when on time). */
      slip_days: z.int().min(0).meta({ description: 'Days between the planned and the actual end (0 when on time).' }),
      /** Spend against budget in percent: +12 is 12% over, -5 is 5% under. */
      budget_variance_pct: z.number().min(-100).max(1000).meta({ description: 'Spend against budget in percent: +12 is 12% over, -5 is 5% under.' }),
      /** Stakeholder satisfaction from 1 (poor) to 5 (excellent). */
      satisfaction: z.int().min(1).max(5).meta({ description: 'Stakeholder satisfaction from 1 (poor) to 5 (excellent).' }),
    })
    .meta({ description: 'Outcome figures for delivery reporting.' }),
  /** Lessons learned. */
  lessons: z.array(lesson).min(1).meta({ description: 'Lessons learned.' }),
  /** Follow-ups agreed in the retrospective. */
  action_items: z.array(actionItem).default([]).meta({ description: 'Follow-ups agreed in the retrospective.' }),
});

/** Retrospectives: how a project went and what it taught. */
export const retrospectives = describeCollection({
  schema: retrospectiveSchema,
  id: retrospectiveId,
  label: 'Retrospectives',
  singular: 'Retrospective',
  section: 'Deliver',
  references: withOwner([
    { path: ['project'], target: 'projects', kind: 'retrospective-of' },
    { path: ['teams'], target: 'teams', kind: 'involved-team' },
    { path: ['action_items', '*', 'owner'], target: 'teams', kind: 'action-owner' },
  ]),
  keyFields: (d) => [
    { label: 'Project', value: d.project },
    { label: 'Held', value: formatDate(d.date) },
    { label: 'On time', value: d.outcome.on_time ? 'yes' : `no, ${d.outcome.slip_days} days late` },
    { label: 'Lessons', value: String(d.lessons.length) },
  ],
  columns: {
    heads: ['Project', 'Held', 'On time', 'Slip', 'Satisfaction'],
    cells: (d) => [{ text: d.project }, date(d.date), d.outcome.on_time ? badge('yes', 'done') : badge('no', 'open'), { text: `${d.outcome.slip_days} d` }, { text: `${d.outcome.satisfaction}/5` }],
  },
  facets: { date: (d) => d.date },
  scaffold: {
    fields: ({ common, draft, context: c }) => [
      ...common,
      ...(draft ? ['draft: true'] : []),
      ['project', c.project, 'the project (ID) looked back on'],
      ['date', c.today, 'the day it was held, YYYY-MM-DD'],
      ['facilitator', '"TODO: who ran it"', 'who ran it'],
      draft ? 'teams: []' : `teams: [${c.team}]`,
      ['outcome', '\n  on_time: true\n  slip_days: 0\n  budget_variance_pct: 0\n  satisfaction: 3', 'on_time, slip_days, budget_variance_pct, satisfaction (1-5)'],
      [
        'lessons',
        '\n  - title: "TODO: a short name for the lesson"\n    happened: "TODO: what happened, as facts"\n    lesson: "TODO: what it taught us"\n    recommendation: "TODO: what to do next time"\n    category: planning',
        'each: title, happened, lesson, recommendation, category',
      ],
      'action_items: []',
    ],
    body: () => '## Context\n\nTODO\n\n## What went well\n\n## What did not\n\n## Decisions\n\n## Action items\n\n<ActionItems />\n',
  },
});
