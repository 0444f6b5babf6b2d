import * as z from 'zod';
import { documentBase, procedureStatus } from '../schemas/base.ts';
import { describeCollection, withOwner } from './descriptor.ts';
import { fourDigitId, idOf } from './id-form.ts';
import { playbookId } from './playbooks.ts';
import { runbookId } from './runbooks.ts';

/** `MG-NNNN`. */
export const guideId = fourDigitId('MG', 'MG-0002');

/** A mentorship guide for mentors, mentees or both. */
export const guideSchema = documentBase.extend({
  /** Permanent ID, `MG-NNNN`. */
  id: idOf(guideId).meta({ description: 'Permanent ID, `MG-NNNN`.' }),
  /** Whether it is ready to use. */
  status: procedureStatus.default('active').meta({ description: 'Whether it is ready to use.' }),
  /** Who follows it. */
  audience: z.enum(['mentor', 'mentee', 'both']).meta({ description: 'Who follows it.' }),
  /** The learning track it belongs to, e.g. on-call or project delivery. */
  track: z.enum(['service-desk', 'on-call', 'project-delivery', 'leadership', 'engineering-practice']).meta({ description: 'The learning track it belongs to, e.g. on-call or project delivery.' }),
  /** How many weeks it runs. */
  weeks: z.int().min(1).max(52).meta({ description: 'How many weeks it runs.' }),
  /** What the mentee should know or have before starting. */
  prerequisites: z.array(z.string().min(3)).default([]).meta({ description: 'What the mentee should know or have before starting.' }),
  /** What the mentee can do at the end. */
  objectives: z.array(z.string().min(5)).min(1).meta({ description: 'What the mentee can do at the end.' }),
  /** Playbooks (IDs) it teaches. */
  playbooks: z.array(idOf(playbookId)).default([]).meta({ description: 'Playbooks (IDs) it teaches.' }),
  /** Runbooks (IDs) it practises. */
  runbooks: z.array(idOf(runbookId)).default([]).meta({ description: 'Runbooks (IDs) it practises.' }),
});

/** Mentorship guides, for mentors, mentees or both. */
export const guides = describeCollection({
  schema: guideSchema,
  id: guideId,
  label: 'Mentorship guides',
  singular: 'Mentorship guide',
  section: 'People',
  references: withOwner([
    { path: ['playbooks'], target: 'playbooks', kind: 'teaches-playbook' },
    { path: ['runbooks'], target: 'runbooks', kind: 'calls-runbook' },
  ]),
  keyFields: (d) => [
    { label: 'For', value: d.audience },
    { label: 'Track', value: d.track },
    { label: 'Weeks', value: String(d.weeks) },
  ],
  columns: { heads: ['For', 'Track', 'Weeks'], cells: (d) => [{ text: d.audience }, { text: d.track.replaceAll('-', ' ') }, { text: String(d.weeks) }] },
  scaffold: {
    fields: ({ common, draft }) => [
      ...common,
      ...(draft ? ['status: draft'] : []),
      ['audience', 'both', 'mentor, mentee or both'],
      ['track', 'engineering-practice', 'service-desk, on-call, project-delivery, leadership or engineering-practice'],
      ['weeks', '4', 'how many weeks it runs'],
      'prerequisites: []',
      ['objectives', '\n  - "TODO: what the mentee can do at the end"', 'what the mentee can do at the end, a list'],
      'playbooks: []',
      'runbooks: []',
    ],
    body: () => '## How to use this guide\n\nTODO\n\n### Week 1\n\n## Mentor notes\n',
  },
});
