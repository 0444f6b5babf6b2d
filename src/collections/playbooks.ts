import * as z from 'zod';
import { documentBase, procedureStatus } from '../schemas/base.ts';
import { badge, describeCollection, withOwner } from './descriptor.ts';
import { fourDigitId, idOf } from './id-form.ts';
import { runbookId } from './runbooks.ts';

/** `PB-NNNN`. */
export const playbookId = fourDigitId('PB', 'PB-0003');

/** Who a playbook or guide is written for. */
export const playbookAudience = z.enum(['it-support', 'project-management', 'service-owners', 'leadership', 'everyone']);

/** A repeatable way of working across IT support and project management. */
export const playbookSchema = documentBase.extend({
  /** Permanent ID, `PB-NNNN`. */
  id: idOf(playbookId).meta({ description: 'Permanent ID, `PB-NNNN`.' }),
  /** Whether it is ready to use. */
  status: procedureStatus.default('active').meta({ description: 'Whether it is ready to use.' }),
  /** Who it is for. */
  audience: z.array(playbookAudience).min(1).meta({ description: 'Who it is for.' }),
  /** The situation that calls for it, in a sentence. */
  when_to_use: z.string().min(10).meta({ description: 'The situation that calls for it, in a sentence.' }),
  /** The roles it assigns and what each one does. */
  roles: z
    .array(
      z.strictObject({
        /** The role's name, e.g. Incident commander. */
        role: z.string().min(2).meta({ description: "The role's name, e.g. Incident commander." }),
        /** What the role is responsible for. */
        responsibility: z.string().min(5).meta({ description: 'What the role is responsible for.' }),
      }),
    )
    .default([])
    .meta({ description: 'The roles it assigns and what each one does.' }),
  /** Runbooks (IDs) the playbook calls on. */
  runbooks: z.array(idOf(runbookId)).default([]).meta({ description: 'Runbooks (IDs) the playbook calls on.' }),
});

/** Playbooks: repeatable ways of working across IT support and project management. */
export const playbooks = describeCollection({
  schema: playbookSchema,
  id: playbookId,
  label: 'Playbooks',
  singular: 'Playbook',
  section: 'Operate',
  references: withOwner([{ path: ['runbooks'], target: 'runbooks', kind: 'calls-runbook' }]),
  keyFields: (d) => [
    { label: 'For', value: d.audience.join(', ') },
    { label: 'When', value: d.when_to_use },
  ],
  columns: { heads: ['Audience', 'Status'], cells: (d) => [{ text: d.audience.join(', ') }, badge(d.status)] },
  scaffold: {
    fields: ({ common, draft }) => [
      ...common,
      ...(draft ? ['status: draft'] : []),
      ['audience', '[everyone]', 'who it is for, e.g. [it-support, project-management]'],
      ['when_to_use', '"TODO: the situation that calls for this playbook"', 'the situation that calls for it, in a sentence'],
      'roles: []',
      'runbooks: []',
    ],
    body: () => '## Purpose\n\nTODO\n\n## Roles\n\n## How it runs\n\n## Communication templates\n\n## Related\n',
  },
});
